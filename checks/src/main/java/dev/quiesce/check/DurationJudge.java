package dev.quiesce.check;

import dev.quiesce.facts.freezelog.Freeze;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/**
 * QZ-JM-003: writes stayed suspended less than {@code max_frozen} in each freeze; the longest is shown. A
 * freeze never resumed has no duration: QZ-JM-002 reports it.
 */
final class DurationJudge implements FreezeJudge {
    @Override
    public String expected(FreezeLogCheck.Parameters p) {
        return "each freeze lasted less than " + FreezeTable.seconds(p.maxFrozen());
    }

    @Override
    public String passMessage(FreezeLogCheck.Parameters p) {
        return "every freeze was shorter than " + FreezeTable.seconds(p.maxFrozen());
    }

    @Override
    public void judge(FreezeLogReading reading, FreezeLogCheck.Parameters p, Tally tally) {
        if (FreezeTable.noFreeze(reading, tally)) {
            return;
        }
        Optional<Freeze> longest = reading.history().freezes().stream().filter(f -> f.frozenFor().isPresent())
                .max(Comparator.comparing(f -> f.frozenFor().get()));
        if (longest.isEmpty()) {
            tally.notChecked("no freeze of the window was resumed, so none has a duration (QZ-JM-002 reports it)");
            return;
        }
        tally.observe("the longest freeze lasted " + FreezeTable.seconds(longest.get().frozenFor().get()) + " ("
                + FreezeTable.describe(longest.get()) + ")");
        for (Freeze freeze : reading.history().freezes()) {
            Optional<Duration> frozen = freeze.frozenFor();
            if (frozen.isPresent() && frozen.get().compareTo(p.maxFrozen()) >= 0) {
                tally.fail("the freeze of " + FreezeTable.describe(freeze) + " kept writes suspended for "
                        + FreezeTable.seconds(frozen.get()) + ", max_frozen is " + FreezeTable.seconds(p.maxFrozen()));
            }
        }
    }
}
