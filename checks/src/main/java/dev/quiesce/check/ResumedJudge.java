package dev.quiesce.check;

import dev.quiesce.facts.freezelog.Freeze;
import java.time.Duration;

/**
 * QZ-JM-002: every {@code System suspended} is followed by {@code System resumed}, and no instance is frozen
 * now (its last freeze event a suspend with no resume): nothing thaws it but ExternalThaw, and users hang.
 */
final class ResumedJudge implements FreezeJudge {
    @Override
    public String expected(FreezeLogCheck.Parameters p) {
        return "every suspend in the window was resumed, and no instance is frozen now";
    }

    @Override
    public String passMessage(FreezeLogCheck.Parameters p) {
        return "every freeze was thawed";
    }

    @Override
    public void judge(FreezeLogReading reading, FreezeLogCheck.Parameters p, Tally tally) {
        if (FreezeTable.noFreeze(reading, tally)) {
            return;
        }
        long unresumed = reading.history().freezes().stream().filter(Freeze::unresumed).count();
        tally.observe(unresumed == 0 ? "every freeze was resumed" : unresumed + " freeze(s) never resumed");
        for (Freeze freeze : reading.history().freezes()) {
            if (!freeze.unresumed()) {
                continue;
            }
            if (freeze.frozenNow()) {
                Duration since = Duration.between(freeze.suspended().orElse(freeze.start()), reading.asOf());
                tally.fail(FreezeTable.instance(freeze) + " is frozen now: suspended at " + FreezeTable.time(
                        freeze.suspended().orElse(freeze.start())) + " (" + FreezeTable.span(since) + " before the "
                        + "audit) with no resume logged since (" + freeze.sources().get(0) + ")");
            } else {
                tally.fail("the freeze of " + FreezeTable.describe(freeze) + " was never resumed in the logs, though "
                        + "later freezes were");
            }
        }
    }
}
