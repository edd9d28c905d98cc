package dev.quiesce.check;

import com.google.auto.service.AutoService;
import dev.quiesce.facts.ShellQuote;
import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.script.ScriptFacts;
import dev.quiesce.facts.script.ScriptRun;
import dev.quiesce.facts.vmtools.ExcludedFileSystems;
import dev.quiesce.facts.vmtools.Setting;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * {@code excluded-file-systems}: no file system is frozen twice. From open-vm-tools 12.2.0 a quiesce fails
 * when vmtoolsd meets a file system that is already frozen; a freeze script that runs {@code fsfreeze -f}
 * freezes one before vmtoolsd does, so each such mount point must match {@code [vmbackup]
 * excludedFileSystems} ({@link ExcludedFileSystems}), and {@code ignoreFrozenFileSystems} (12.3.0+, the
 * stopgap that hides every frozen file system) must not be left true. The scripts are the ones vmtoolsd
 * runs before its own freeze: the legacy freeze scripts and every regular file of the scripts directory,
 * read as {@code script-content} reads them ({@link ScriptSources}), run with {@code freeze}. A mount point
 * the reading cannot tell (a variable without a literal value) is ERROR naming it, never a guess.
 */
@AutoService(Check.class)
public final class ExcludedFileSystemsCheck extends BaseCheck<ExcludedFileSystemsCheck.Parameters> {
    static final String GROUP = "vmbackup";
    static final String IGNORE = "ignoreFrozenFileSystems";
    static final String EXCLUDED = "excludedFileSystems";

    public record Parameters(
            @Param(value = "The tools.conf file.", required = false, path = true,
                    defaultValue = ToolsConfFile.DEFAULT_PATH) String path,
            @Param(value = "The legacy freeze scripts.", path = true, required = false,
                    defaultValue = "/usr/sbin/pre-freeze-script") List<String> freezeScripts,
            @Param(value = "The scripts directory: vmtoolsd runs each regular file in it with freeze, and each is read.",
                    path = true, required = false, defaultValue = "/etc/vmware-tools/backupScripts.d") String scriptsDir) {

        ToolsConfFile file() {
            return new ToolsConfFile(path);
        }

        ScriptSources sources() {
            return new ScriptSources(freezeScripts, List.of(), scriptsDir, List.of(ScriptSide.FREEZE), true);
        }
    }

    public ExcludedFileSystemsCheck() {
        super("excluded-file-systems", Parameters.class,
                "Every file system a freeze script freezes itself is in excludedFileSystems; ignoreFrozenFileSystems "
                        + "is not left true.");
    }

    @Override
    public Needs needs(Parameters p, HostInfo host) {
        return p.sources().needs(List.of(p.file().request()));
    }

    @Override
    public Verdict evaluate(Parameters p, HostView view) {
        Tally tally = new Tally();
        Optional<ExcludedFileSystems> excluded = p.file().read(view, tally, IGNORE + "=false, " + EXCLUDED + " unset")
                .map(loaded -> settings(p, loaded, tally));
        int frozen = 0;
        for (ScriptTarget target : ScriptContentCheck.followable(p.sources().read(view, tally), tally)) {
            ScriptRun.Result run = target.run(5, ScriptTarget.STAND_IN);
            target.undecided(run, tally);
            for (ScriptRun.FsFreeze f : ScriptFacts.of(run).fsfreezes()) {
                if (f.freeze()) {
                    frozen++;
                    judge(p, target, f, excluded, tally);
                }
            }
        }
        if (frozen == 0) {
            tally.observe("no freeze script runs fsfreeze -f");
        }
        return tally.verdict("[" + GROUP + "] " + IGNORE + " not true; every mount point a freeze script freezes with "
                + "fsfreeze -f matches " + EXCLUDED, frozen == 0 ? IGNORE + " is not true, and no script freezes a file "
                + "system itself" : IGNORE + " is not true, and every file system the scripts freeze is excluded");
    }

    /** Judges ignoreFrozenFileSystems and gives the exclusions vmtoolsd applies. */
    private static ExcludedFileSystems settings(Parameters p, ToolsConfFile.Loaded loaded, Tally tally) {
        if (loaded.defaultsWhy().isPresent()) {
            tally.observe(IGNORE + " takes its default false, " + EXCLUDED + " is unset (" + loaded.defaultsWhy().get()
                    + ")");
            return ExcludedFileSystems.parse("");
        }
        Setting<Boolean> ignore = Setting.bool(loaded.conf(), GROUP, IGNORE, false);
        String shownIgnore = ignore.entry().map(e -> IGNORE + "=" + ShownText.escaped(e.value().stripTrailing())
                + " (line " + e.line() + ")").orElse(IGNORE + " unset");
        tally.observe(switch (ignore.source()) {
            case UNREADABLE -> shownIgnore + " is not a boolean GLib reads, so vmtoolsd uses the default false";
            default -> shownIgnore;
        });
        if (ignore.value()) {
            tally.fail(IGNORE + " is true (" + shownIgnore + "): from 12.3.0 a quiesce then passes over every file system "
                    + "that is already frozen, so one a script or another tool left frozen goes unnoticed; list the ones "
                    + "the scripts freeze in " + EXCLUDED + ", then remove " + IGNORE + " from [" + GROUP + "] in "
                    + ShellQuote.word(p.path()));
        }
        Setting<String> value = Setting.string(loaded.conf(), GROUP, EXCLUDED, "");
        String shown = value.entry().map(e -> EXCLUDED + "=" + ShownText.escaped(e.value()) + " (line " + e.line() + ")")
                .orElse(EXCLUDED + " unset");
        if (value.source() == Setting.Source.UNREADABLE) {
            tally.observe(shown + " is not a string GLib reads (an escape other than \\s \\n \\t \\r \\\\), so vmtoolsd "
                    + "excludes nothing");
        } else {
            tally.observe(shown);
        }
        return ExcludedFileSystems.parse(value.value());
    }

    private static void judge(Parameters p, ScriptTarget target, ScriptRun.FsFreeze f,
                              Optional<ExcludedFileSystems> excluded, Tally tally) {
        String where = target.shown() + " line " + f.line();
        if (!f.mountPoint().known()) {
            tally.observe(where + ": fsfreeze -f ?");
            tally.unknown(where + " runs fsfreeze -f on a mount point the reading cannot tell ("
                    + ShownText.escaped(f.mountPoint().unknownWhy()) + "), so whether " + EXCLUDED + " lists it is not "
                    + "known; " + target.simulateHint());
            return;
        }
        String mount = mountPoint(f.mountPoint().text());
        String shownMount = ShownText.escaped(mount);
        if (excluded.isEmpty()) {
            tally.observe(where + ": fsfreeze -f " + shownMount);
            return;
        }
        Optional<String> match = excluded.get().matching(mount);
        tally.observe(where + ": fsfreeze -f " + shownMount + match.map(m -> ", excluded by " + ShownText.escaped(m))
                .orElse(", not excluded"));
        if (match.isEmpty()) {
            List<String> padded = excluded.get().patterns().stream().filter(ExcludedFileSystems::padded)
                    .filter(pattern -> pattern.strip().equals(mount)).toList();
            tally.fail(where + " freezes " + shownMount + " itself, and " + EXCLUDED + " does not list it"
                    + (padded.isEmpty() ? "" : " (it lists " + ShownText.escaped("'" + padded.get(0) + "'")
                    + ": vmtoolsd keeps the blanks around a comma, so that never matches)")
                    + ": from open-vm-tools 12.2.0 the quiesce then fails on a file system already frozen; add "
                    + shownMount + " to " + EXCLUDED + " under [" + GROUP + "] in " + ShellQuote.word(p.path())
                    + " (vmtoolsd matches the mount point as the mount table lists it)");
        }
    }

    /** The path as the mount table would list it, as far as its text shows: no trailing slash. */
    static String mountPoint(String path) {
        String out = path;
        while (out.length() > 1 && out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
