package dev.quiesce.check;

import com.google.auto.service.AutoService;
import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.CommandResult;
import dev.quiesce.facts.Content;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.Lines;
import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.script.ScriptRun;
import dev.quiesce.facts.script.Shebang;
import dev.quiesce.facts.script.ShellScript;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code script-syntax}: each freeze and thaw script starts with a {@code #!} line naming an interpreter that
 * is on the host, has Unix line ends, and passes that shell's own {@code -n} syntax check, run on the host
 * (the shell reads the script and runs nothing). The interpreter is known only once the script is read, so
 * its stat and the syntax check are a second stage; the scripts directory's freeze scripts are found by a
 * line scan for {@code #!} and the Backup.General names in the first. A script whose interpreter is not a
 * shell has its presence checked only: the syntax part is ERROR, never a pass.
 */
@AutoService(Check.class)
public final class ScriptSyntaxCheck extends BaseCheck<ScriptSyntaxCheck.Parameters> {
    private static final List<String> MARKS = List.of("#!", "ExternalFreeze", "ExternalThaw", "instfreeze", "instthaw");

    public record Parameters(
            @Param(value = "The legacy scripts.", path = true, required = false,
                    defaultValue = "/usr/sbin/pre-freeze-script, /usr/sbin/post-thaw-script") List<String> scripts,
            @Param(value = "The scripts directory: each regular file in it that calls ExternalFreeze or ExternalThaw "
                    + "is checked too.", path = true, required = false,
                    defaultValue = "/etc/vmware-tools/backupScripts.d") String scriptsDir) {

        List<FactRequest.FileLines> scans() {
            if (scriptsDir == null || scriptsDir.isEmpty()) {
                return List.of();
            }
            return List.of(FactRequest.FileLines.in(scriptsDir, "*", MARKS, FactRequest.DEFAULT_MAX_BYTES),
                    FactRequest.FileLines.in(scriptsDir, ".*", MARKS, FactRequest.DEFAULT_MAX_BYTES));
        }
    }

    public ScriptSyntaxCheck() {
        super("script-syntax", Parameters.class,
                "Each script has a #! line naming an interpreter on the host and passes that shell's -n check there.");
    }

    @Override
    public Needs needs(Parameters p, HostInfo host) {
        List<FactRequest<?>> first = new ArrayList<>();
        p.scripts().forEach(s -> first.add(ScriptSources.content(s)));
        first.addAll(p.scans());
        return Needs.of(first).then(facts -> second(p, facts));
    }

    /** The directory's freeze scripts, by the line scan: files with a Backup.General name in them. */
    private static Set<String> directoryScripts(Parameters p, Facts facts) {
        Set<String> files = new LinkedHashSet<>();
        for (FactRequest.FileLines scan : p.scans()) {
            if (facts.get(scan) instanceof Fact.Present<Lines> lines) {
                lines.value().lines().stream().filter(l -> ScriptRun.callsBackupGeneral(l.text()))
                        .forEach(l -> files.add(l.file()));
            }
        }
        return files;
    }

    /** The shebang of each script as the first stage shows it (content, or line 1 of the scan). */
    private static List<FactRequest<?>> second(Parameters p, Facts facts) {
        List<FactRequest<?>> more = new ArrayList<>();
        for (String script : p.scripts()) {
            if (facts.get(ScriptSources.content(script)) instanceof Fact.Present<Content> c) {
                ShellScript.parse(c.value().text()).shebang().ifPresent(s -> more.addAll(probes(script, s)));
            }
        }
        for (String file : directoryScripts(p, facts)) {
            more.add(ScriptSources.content(file));
            for (FactRequest.FileLines scan : p.scans()) {
                if (facts.get(scan) instanceof Fact.Present<Lines> lines) {
                    lines.value().lines().stream().filter(l -> l.file().equals(file) && l.number() == 1
                            && l.text().startsWith("#!")).findFirst()
                            .ifPresent(l -> more.addAll(probes(file, ShellScript.parse(l.text() + "\n").shebang()
                                    .orElseThrow())));
                }
            }
        }
        return more;
    }

    private static List<FactRequest<?>> probes(String script, Shebang shebang) {
        List<FactRequest<?>> requests = new ArrayList<>();
        if (shebang.interpreter().startsWith("/") && !shebang.carriageReturn()) {
            requests.add(new FactRequest.FileStat(shebang.interpreter()));
        }
        syntaxCheck(script, shebang).ifPresent(requests::add);
        return requests;
    }

    private static Optional<FactRequest.CommandOutput> syntaxCheck(String script, Shebang shebang) {
        List<String> arguments = List.of(shebang.interpreter(), "-n", script);
        try {
            AllowedCommand.SHELL_SYNTAX_CHECK.checkArguments(arguments);
        } catch (IllegalArgumentException notAllowed) {
            return Optional.empty();
        }
        return Optional.of(new FactRequest.CommandOutput(AllowedCommand.SHELL_SYNTAX_CHECK, arguments).meaning(1, 2));
    }

    @Override
    public Verdict evaluate(Parameters p, HostView view) {
        Tally tally = new Tally();
        for (String script : p.scripts()) {
            tally.read(ShownText.escaped(script), view.get(ScriptSources.content(script)),
                    c -> judge(script, c, view, tally),
                    () -> tally.notChecked(ShownText.escaped(script) + " is missing (QZ-FT-001/002 report it)"));
        }
        for (FactRequest.FileLines scan : p.scans()) {
            tally.read(scan.pattern(), view.get(scan), lines -> { }, () -> { });
        }
        for (String file : directoryScripts(p, view.facts())) {
            tally.read(ShownText.escaped(file), view.get(ScriptSources.content(file)), c -> judge(file, c, view, tally),
                    () -> tally.observe(ShownText.escaped(file) + " vanished while it was read"));
        }
        return tally.verdict("a #! line naming an interpreter on the host, Unix line ends, the shell's -n check passed",
                "every script's interpreter is there and its shell reads it without a syntax error");
    }

    private static void judge(String path, Content content, HostView view, Tally tally) {
        String shown = ShownText.escaped(path);
        ShellScript script = ShellScript.parse(content.text());
        if (script.crlfLines() > 0) {
            tally.fail(shown + " has " + script.crlfLines() + " line(s) ending in CR LF (Windows line ends): the shell "
                    + "reads the carriage return as part of words" + (script.shebang().map(Shebang::carriageReturn)
                    .orElse(false) ? ", and the kernel looks for an interpreter named with a \\r at its end" : "")
                    + ": convert it with dos2unix or sed -i 's/\\r$//'");
        }
        Optional<Shebang> shebang = script.shebang();
        if (shebang.isEmpty()) {
            tally.observe(shown + ": no #! line");
            tally.fail(shown + " does not start with a #! line: it runs only because bash falls back to reading it "
                    + "itself, and under another shell it may not; start it with #!/bin/sh or #!/bin/bash");
            return;
        }
        Shebang s = shebang.get();
        tally.observe(shown + ": " + ShownText.escaped(s.line().strip()));
        if (s.carriageReturn()) {
            return; // reported with the line ends
        }
        if (!s.interpreter().startsWith("/")) {
            tally.fail(shown + "'s #! line names " + ShownText.escaped(s.interpreter()) + ", not an absolute path: "
                    + "the kernel cannot run it");
            return;
        }
        tally.read(ShownText.escaped(s.interpreter()), view.get(new FactRequest.FileStat(s.interpreter())),
                f -> { }, () -> tally.fail(shown + " names the interpreter " + ShownText.escaped(s.interpreter())
                        + ", which is not on the host: the script cannot start (bad interpreter)"));
        Optional<FactRequest.CommandOutput> check = syntaxCheck(path, s);
        if (check.isEmpty()) {
            tally.unknown("the syntax of " + shown + " was not checked: " + (s.shell()
                    ? "its shell " + ShownText.escaped(s.interpreter()) + " is not one the probe runs (a shell in /bin, "
                    + "/sbin, /usr/bin, /usr/sbin or /usr/local/bin, named directly, not through env)"
                    : "its interpreter " + ShownText.escaped(s.program()) + " is not a shell whose -n the probe runs"));
            return;
        }
        Fact<CommandResult> result = view.get(check.get());
        tally.read(check.get().subject(), result, r -> {
            if (r.exitStatus() != 0) {
                String error = r.stderr().strip().lines().findFirst().orElse("exit " + r.exitStatus());
                tally.fail(shown + " does not pass " + ShownText.escaped(s.interpreter()) + " -n: "
                        + ShownText.escaped(error));
            }
        }, () -> tally.unknown(ShownText.escaped(s.interpreter()) + " could not be run for the syntax check"));
    }
}
