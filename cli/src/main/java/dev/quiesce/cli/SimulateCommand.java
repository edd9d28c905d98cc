package dev.quiesce.cli;

import dev.quiesce.files.InputFile;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.simulate.Call;
import dev.quiesce.simulate.CapturedScripts;
import dev.quiesce.simulate.Sandbox;
import dev.quiesce.simulate.ScenarioResult;
import dev.quiesce.simulate.Simulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quiesce simulate}: runs freeze/thaw scripts on this machine in a bubblewrap sandbox against
 * stand-in IRIS/Caché commands, and prints a verdict per scenario. Never on a target, never unsandboxed.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run the freeze and thaw scripts on this machine, inside a bubblewrap sandbox (no network, a "
                + "read-only system, empty tmpfs as /tmp, /var/log and home, a time limit), against stand-ins for "
                + "iris, irissession, csession, ccontrol, logger and sync that record every call and answer as each "
                + "scenario says; print what the script did and whether that is what vmtoolsd needs.",
                "Never runs a script on a target host, and never outside the sandbox: without bwrap it refuses."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every scenario's verdict passes", "1:a scenario's verdict fails",
                "2:usage error, no bwrap, or a kernel that refuses bwrap's sandbox"})
final class SimulateCommand implements Callable<Integer> {
    /** A script larger than this is not a freeze script. */
    private static final long MAX_SCRIPT_BYTES = 1 << 20;
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})(ms|s|m)?");
    private static final int CALLS_WIDTH = 240;
    /** Of a failing scenario's stderr, the first lines: enough to see why, not a flood. */
    private static final int STDERR_LINES = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--pre", paramLabel = "FILE", description = "The pre-freeze script (run as \"FILE\" freeze).")
    Path pre;

    @Option(names = "--post", paramLabel = "FILE", description = "The post-thaw script (run as \"FILE\" thaw and "
            + "\"FILE\" freezeFail).")
    Path post;

    @Option(names = "--capture", paramLabel = "FILE", description = "Take both scripts from a capture made by "
            + "'quiesce collect' (instead of --pre/--post).")
    Path capture;

    @Option(names = "--instances", paramLabel = "NAME,...", split = ",", description = "Instance names the stand-ins "
            + "report: the first runs alone in the one-instance scenarios (the second listed as stopped), the first "
            + "two run in the two-instance ones (default: ${DEFAULT-VALUE}).")
    List<String> instances = List.of("IRIS", "TEST");

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Time limit per scenario: 10s, 500ms, 2m, "
            + "or seconds (default: ${DEFAULT-VALUE}).")
    String timeout = "10s";

    @Option(names = "--bwrap", paramLabel = "FILE", description = "The bwrap program (default: bwrap on PATH).")
    Path bwrap;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Simulator.Scripts scripts = scripts(err);
        Simulator simulator = new Simulator(Optional.ofNullable(bwrap), duration(timeout), Sandbox.Limits.DEFAULT);
        List<ScenarioResult> results = simulator.run(scripts, instances);
        print(out, results);
        long failed = results.stream().filter(r -> !r.verdict().passed()).count();
        out.println(failed == 0 ? "PASS: every scenario's verdict passes (" + results.size() + " scenarios)"
                : "FAIL: " + failed + " of " + results.size() + " scenarios fail");
        return failed == 0 ? ExitCode.OK.code : ExitCode.FAILED.code;
    }

    private Simulator.Scripts scripts(PrintWriter err) {
        if (capture != null) {
            if (pre != null || post != null) {
                throw new QuiesceException("give --capture, or --pre/--post, not both");
            }
            CapturedScripts captured = CapturedScripts.read(capture);
            captured.notes().forEach(n -> err.println("quiesce: " + TerminalText.safe(captured.host()) + ": "
                    + TerminalText.safe(n) + "; its scenarios are not run"));
            return captured.scripts();
        }
        if (pre == null && post == null) {
            throw new QuiesceException("nothing to simulate: give --pre FILE, --post FILE, or --capture FILE");
        }
        return new Simulator.Scripts(read(pre), read(post));
    }

    private static Optional<byte[]> read(Path file) {
        return Optional.ofNullable(file).map(f -> InputFile.bytes(f, "script", MAX_SCRIPT_BYTES));
    }

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new QuiesceException("--timeout " + TerminalText.safe(text) + ": give a duration such as 10s, 500ms or "
                    + "2m");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.compareTo(Duration.ofMillis(100)) < 0 || d.compareTo(Duration.ofHours(1)) > 0) {
            throw new QuiesceException("--timeout " + text + ": between 100ms and 60m");
        }
        return d;
    }

    /** The table: scenario, exit, verdict, calls; the reason under each row. Script text only escaped. */
    private static void print(PrintWriter out, List<ScenarioResult> results) {
        int width = Math.max(8, results.stream().mapToInt(r -> r.scenario().title().length() + 6).max().orElse(8));
        out.printf("%-" + width + "s  %-16s %-7s %s%n", "SCENARIO", "EXIT", "VERDICT", "CALLS");
        for (ScenarioResult r : results) {
            String script = r.scenario().script() == dev.quiesce.simulate.Scenario.Script.PRE_FREEZE ? "pre  " : "post ";
            String calls = r.calls().calls().isEmpty() ? "(none)"
                    : String.join("; ", r.calls().calls().stream().map(Call::summary).toList());
            out.printf("%-" + width + "s  %-16s %-7s %s%n", script + r.scenario().title(), r.exit(),
                    r.verdict().passed() ? "PASS" : "FAIL", TerminalText.fit(TerminalText.safe(calls), CALLS_WIDTH));
            out.println("    " + TerminalText.safe(r.verdict().why()));
            if (!r.verdict().passed()) {
                r.run().stderr().text().lines().limit(STDERR_LINES).forEach(line -> out.println("    stderr: "
                        + TerminalText.fit(TerminalText.safe(line), 100)));
                if (r.run().stderr().truncated()) {
                    out.println("    stderr: (" + (r.run().stderr().total() - r.run().stderr().bytes().length)
                            + " more bytes not kept)");
                }
            }
        }
        out.println();
    }
}
