package dev.quiesce.check;

import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.script.FreezeCall;
import dev.quiesce.facts.script.ScriptFacts;
import java.util.List;
import java.util.Optional;

/**
 * QZ-SC-007: each ExternalFreeze call gives its 7th argument, the freeze timeout in seconds, as a number
 * no greater than {@code max_freeze_timeout}; the 10th ({@code WDSuspendLimit}) is not given, since it lets
 * the write daemon resume by itself and silently invalidates the backup.
 */
final class FreezeTimeoutJudge implements ScriptJudge {
    @Override
    public String expected(ScriptContentCheck.Parameters p) {
        return "ExternalFreeze's 7th argument (timeout) given, at most " + p.maxFreezeTimeout()
                + " s; no 10th argument (WDSuspendLimit)";
    }

    @Override
    public void judge(ScriptTarget target, ScriptContentCheck.Parameters p, Optional<List<String>> running, Tally tally) {
        if (target.side() != ScriptSide.FREEZE) {
            return;
        }
        List<FreezeCall> calls = ScriptFacts.of(target.run(5, ScriptTarget.STAND_IN)).freezeCalls();
        if (calls.isEmpty()) {
            tally.notChecked(target.shown() + " makes no ExternalFreeze call (QZ-SC-002 reports it)");
            return;
        }
        for (FreezeCall call : calls) {
            String where = target.shown() + " line " + call.line();
            if (call.wrapper()) {
                tally.notChecked(where + ": Epic's instfreeze wrapper; its freeze timeout is not visible here");
                continue;
            }
            if (!call.argumentsKnown()) {
                tally.observe(where + ": the ObjectScript text is not known");
                tally.unknown(where + ": the ExternalFreeze call's text holds a value the reading cannot tell, so its "
                        + "arguments are not known; " + target.simulateHint());
                continue;
            }
            Optional<String> timeout = call.argument(FreezeCall.TIMEOUT);
            tally.observe(where + ": timeout " + timeout.map(ShownText::escaped).orElse("not given")
                    + call.argument(FreezeCall.WD_SUSPEND_LIMIT).map(w -> ", WDSuspendLimit " + ShownText.escaped(w))
                    .orElse(""));
            if (call.argument(FreezeCall.WD_SUSPEND_LIMIT).isPresent()) {
                tally.fail(where + " passes WDSuspendLimit (10th argument " + ShownText.escaped(call.argument(
                        FreezeCall.WD_SUSPEND_LIMIT).get()) + "): the write daemon resumes by itself after that many "
                        + "seconds and the backup is silently invalid; leave it out");
            }
            if (timeout.isEmpty()) {
                tally.fail(where + " gives no freeze timeout (7th argument of ExternalFreeze): give it in seconds, "
                        + "at most " + p.maxFreezeTimeout());
            } else if (call.timeoutSeconds().isEmpty()) {
                tally.unknown(where + ": the freeze timeout " + ShownText.escaped(timeout.get()) + " is not a number the "
                        + "script fixes; " + target.simulateHint());
            } else if (call.timeoutSeconds().get() > p.maxFreezeTimeout()) {
                tally.fail(where + " freezes for up to " + call.timeoutSeconds().get() + " s, more than "
                        + p.maxFreezeTimeout() + " s" + (call.timeoutSeconds().get() > 1200 ? " (one secondary source "
                        + "reports ExternalFreeze caps it at 1200 s: unconfirmed)" : "") + ": users stay paused that long "
                        + "when the thaw never comes; lower it");
            }
        }
    }
}
