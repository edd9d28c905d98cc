package dev.quiesce.check;

import dev.quiesce.facts.freezelog.Freeze;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/**
 * QZ-JM-005: the last successful freeze (suspended, then resumed) is no older than {@code max_age}, so the
 * backup actually ran: a schedule that stopped leaves nothing else behind.
 */
final class RecentJudge implements FreezeJudge {
    @Override
    public String expected(FreezeLogCheck.Parameters p) {
        return "a successful freeze within the last " + FreezeTable.span(p.maxAge());
    }

    @Override
    public String passMessage(FreezeLogCheck.Parameters p) {
        return "the backup froze the database lately";
    }

    @Override
    public void judge(FreezeLogReading reading, FreezeLogCheck.Parameters p, Tally tally) {
        Optional<Freeze> last = reading.history().freezes().stream()
                .filter(f -> f.suspended().isPresent() && f.resumed().isPresent())
                .max(Comparator.comparing(Freeze::start));
        if (last.isEmpty()) {
            tally.observe("no successful freeze in " + reading.window().describe());
            tally.fail("no freeze in " + reading.window().describe() + " (since " + FreezeTable.time(reading.windowStart())
                    + ") was suspended and resumed: the snapshot backups are not running, or run without freezing");
            return;
        }
        Duration age = Duration.between(last.get().start(), reading.asOf());
        tally.observe("the last successful freeze: " + FreezeTable.describe(last.get()) + ", "
                + FreezeTable.span(age) + " before the audit");
        if (age.compareTo(p.maxAge()) > 0) {
            tally.fail("the last successful freeze was " + FreezeTable.span(age) + " before the audit ("
                    + FreezeTable.describe(last.get()) + "), more than max_age "
                    + FreezeTable.span(p.maxAge()) + ": the last backup or backups did not freeze");
        }
    }
}
