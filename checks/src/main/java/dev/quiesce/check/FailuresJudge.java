package dev.quiesce.check;

import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.freezelog.LogEvent;

/**
 * QZ-JM-004: no freeze or thaw failure is logged in the window: the wrappers' {@code FREEZE FAILED},
 * {@code THAW FAILED} and {@code Unknown status code}, and a {@code Suspending system} never followed by
 * {@code System suspended} (InterSystems' own failure texts are unconfirmed; that sequence is the signal).
 */
final class FailuresJudge implements FreezeJudge {
    @Override
    public String expected(FreezeLogCheck.Parameters p) {
        return "no failed freeze or thaw logged in the window";
    }

    @Override
    public String passMessage(FreezeLogCheck.Parameters p) {
        return "no failure logged";
    }

    @Override
    public void judge(FreezeLogReading reading, FreezeLogCheck.Parameters p, Tally tally) {
        int failures = reading.history().wrapperFailures().size() + reading.history().failedSuspends().size();
        tally.observe(failures == 0 ? "no failure logged in " + reading.window().describe()
                : failures + " failure(s) logged in " + reading.window().describe());
        for (LogEvent event : reading.history().wrapperFailures()) {
            tally.fail(FreezeTable.where(event) + ": " + ShownText.escaped(event.text().strip()));
        }
        for (LogEvent event : reading.history().failedSuspends()) {
            tally.fail(FreezeTable.where(event) + ": 'Suspending system' was never followed by 'System suspended': "
                    + "the freeze failed, and the snapshot was taken of a database that was not frozen");
        }
    }
}
