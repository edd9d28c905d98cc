package dev.quiesce.check;

import com.google.auto.service.AutoService;
import dev.quiesce.facts.ShellQuote;
import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.script.FreezeCall;
import dev.quiesce.facts.script.ScriptFacts;
import dev.quiesce.facts.script.ScriptRun;
import dev.quiesce.facts.vmtools.Setting;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * {@code quiesce-timeout}: vmtoolsd's own quiesce timer, {@code [vmbackup] timeout} (seconds, default 900,
 * 0 for none; services/plugins/vmbackup/stateMachine.c, VmBackupStartCommon), is longer than the freeze
 * timeout each freeze script gives ExternalFreeze (its 7th argument), so that vmtoolsd does not cancel a
 * quiesce inside the window the database allows for it. With the newer host request
 * ({@code vmbackup.startWithOpts}) a timeout the host sends replaces the file's: that one quiesce cannot
 * see, and the finding says so. The scripts are read as {@code script-content} reads them
 * ({@link ScriptSources}); a call without the argument, or with one the reading cannot tell, is ERROR.
 */
@AutoService(Check.class)
public final class QuiesceTimeoutCheck extends BaseCheck<QuiesceTimeoutCheck.Parameters> {
    static final int DEFAULT_TIMEOUT = 900;
    static final String HOST_REQUEST = "with the newer host request (vmbackup.startWithOpts) the timeout comes from "
            + "the host, not tools.conf, and only tools.conf is read here";

    public record Parameters(
            @Param(value = "The tools.conf file.", required = false, path = true,
                    defaultValue = ToolsConfFile.DEFAULT_PATH) String path,
            @Param(value = "The legacy freeze scripts.", path = true, required = false,
                    defaultValue = "/usr/sbin/pre-freeze-script") List<String> freezeScripts,
            @Param(value = "The scripts directory: each regular file in it that calls ExternalFreeze or ExternalThaw "
                    + "is read for its freeze.", path = true, required = false,
                    defaultValue = "/etc/vmware-tools/backupScripts.d") String scriptsDir) {

        ToolsConfFile file() {
            return new ToolsConfFile(path);
        }

        ScriptSources sources() {
            return new ScriptSources(freezeScripts, List.of(), scriptsDir, List.of(ScriptSide.FREEZE));
        }
    }

    public QuiesceTimeoutCheck() {
        super("quiesce-timeout", Parameters.class,
                "vmtoolsd's quiesce timeout is longer than the freeze timeout the scripts give ExternalFreeze.");
    }

    @Override
    public Needs needs(Parameters p, HostInfo host) {
        return p.sources().needs(List.of(p.file().request()));
    }

    @Override
    public Verdict evaluate(Parameters p, HostView view) {
        Tally tally = new Tally();
        Optional<Integer> timeout = p.file().read(view, tally, "timeout=" + DEFAULT_TIMEOUT)
                .flatMap(loaded -> timeout(loaded, tally));
        for (ScriptTarget target : ScriptContentCheck.followable(p.sources().read(view, tally), tally)) {
            ScriptRun.Result run = target.run(5, ScriptTarget.STAND_IN);
            target.undecided(run, tally);
            List<FreezeCall> calls = ScriptFacts.of(run).freezeCalls();
            if (calls.isEmpty()) {
                tally.notChecked(target.shown() + " makes no ExternalFreeze call (QZ-SC-002 reports it)");
            }
            for (FreezeCall call : calls) {
                judge(p, target, call, timeout, tally);
            }
        }
        return tally.verdict("[vmbackup] timeout (default " + DEFAULT_TIMEOUT + " s, 0 = no timer) longer than every "
                + "ExternalFreeze timeout (7th argument, seconds)", "vmtoolsd's timeout is longer than every freeze "
                + "timeout (" + HOST_REQUEST + ")");
    }

    /** The timer vmtoolsd sets from tools.conf (0: none), or empty when it cannot be told. */
    private static Optional<Integer> timeout(ToolsConfFile.Loaded loaded, Tally tally) {
        if (loaded.defaultsWhy().isPresent()) {
            tally.observe("timeout takes its default " + DEFAULT_TIMEOUT + " s (" + loaded.defaultsWhy().get() + ")");
            return Optional.of(DEFAULT_TIMEOUT);
        }
        Setting<Integer> setting = Setting.integer(loaded.conf(), "vmbackup", "timeout", DEFAULT_TIMEOUT);
        String shown = setting.entry().map(e -> "timeout=" + ShownText.escaped(e.value().stripTrailing()) + " (line "
                + e.line() + ")").orElse("timeout unset");
        switch (setting.source()) {
            case UNREADABLE -> tally.observe(shown + " is not an integer GLib reads, so vmtoolsd uses the default "
                    + DEFAULT_TIMEOUT + " s");
            case SET -> tally.observe(shown + (setting.value() == 0 ? ": no timer" : ""));
            case UNSET, NO_FILE -> tally.observe(shown + ": default " + DEFAULT_TIMEOUT + " s");
        }
        if (setting.value() < 0) {
            tally.unknown(shown + " is negative, and vmtoolsd keeps the timeout unsigned, so what timer it sets is not "
                    + "known here; give a number of seconds");
            return Optional.empty();
        }
        return Optional.of(setting.value());
    }

    private static void judge(Parameters p, ScriptTarget target, FreezeCall call, Optional<Integer> timeout, Tally tally) {
        String where = target.shown() + " line " + call.line();
        if (call.wrapper()) {
            tally.observe(where + ": Epic's instfreeze wrapper");
            tally.unknown(where + " freezes through Epic's instfreeze wrapper, whose freeze timeout is not visible here");
            return;
        }
        if (!call.argumentsKnown()) {
            tally.observe(where + ": the ObjectScript text is not known");
            tally.unknown(where + ": the ExternalFreeze call's text holds a value the reading cannot tell, so its freeze "
                    + "timeout is not a number the script fixes; " + target.simulateHint());
            return;
        }
        Optional<String> argument = call.argument(FreezeCall.TIMEOUT);
        tally.observe(where + ": freeze timeout " + argument.map(ShownText::escaped).orElse("not given"));
        if (argument.isEmpty()) {
            tally.unknown(where + " gives ExternalFreeze no freeze timeout (7th argument; QZ-SC-007 reports it), so "
                    + "there is none to compare vmtoolsd's timeout with");
            return;
        }
        if (call.timeoutSeconds().isEmpty()) {
            tally.unknown(where + ": the freeze timeout " + ShownText.escaped(argument.get()) + " is not a number the "
                    + "script fixes; " + target.simulateHint());
            return;
        }
        int freeze = call.timeoutSeconds().get();
        if (timeout.isPresent() && timeout.get() != 0 && timeout.get() <= freeze) {
            tally.fail("[vmbackup] timeout " + timeout.get() + " s is not longer than the " + freeze + " s freeze "
                    + "timeout at " + where + ": vmtoolsd cancels the quiesce (\"Canceling backup operation due to "
                    + "timeout.\") while the database still allows the freeze; set timeout above " + freeze
                    + " under [vmbackup] in " + ShellQuote.word(p.path()) + " or lower the freeze timeout ("
                    + HOST_REQUEST + ")");
        }
    }
}
