package dev.quiesce.check;

import dev.quiesce.facts.freezelog.Freeze;
import java.util.List;

/**
 * QZ-JM-001: every freeze of the window switched the journal and set a journal marker, the point a restore of
 * that snapshot rolls forward from. A marker outside a freeze (an online backup's) was not counted as one.
 */
final class MarkerJudge implements FreezeJudge {
    @Override
    public String expected(FreezeLogCheck.Parameters p) {
        return "every freeze in the window switched the journal and set a journal marker";
    }

    @Override
    public String passMessage(FreezeLogCheck.Parameters p) {
        return "every freeze switched the journal and set a marker";
    }

    @Override
    public void judge(FreezeLogReading reading, FreezeLogCheck.Parameters p, Tally tally) {
        if (FreezeTable.noFreeze(reading, tally)) {
            return;
        }
        List<Freeze> suspended = reading.history().freezes().stream().filter(f -> !f.suspendFailed()).toList();
        long set = suspended.stream().filter(f -> f.markerSet() && f.journalSwitched()).count();
        tally.observe(set + " of " + suspended.size() + " freeze(s) switched the journal and set a marker"
                + (reading.history().onlineBackupMarkers() > 0 ? " (" + reading.history().onlineBackupMarkers()
                + " marker(s) outside a freeze, as an online backup writes them, not counted)" : ""));
        for (Freeze freeze : suspended) {
            if (freeze.journalSwitched() && !freeze.markerSet() && toldByConsoleLogsOnly(freeze)) {
                tally.unknown("the freeze of " + FreezeTable.describe(freeze) + " switched the journal, but only the "
                        + "console log tells it, and IRIS does not log the marker there (the LogFile the freeze script "
                        + "names does): name that LogFile in the inventory variable " + FreezeLogSources.VARIABLE);
                continue;
            }
            if (!freeze.journalSwitched() || !freeze.markerSet()) {
                tally.fail("the freeze of " + FreezeTable.describe(freeze) + " "
                        + (!freeze.journalSwitched() && !freeze.markerSet() ? "neither switched the journal nor set a marker"
                        : freeze.markerSet() ? "did not switch the journal" : "set no journal marker")
                        + ": a restore of that snapshot has no journal point to roll forward from");
            }
        }
    }

    private static boolean toldByConsoleLogsOnly(Freeze freeze) {
        return freeze.sources().stream().allMatch(s -> FreezeLogSources.consoleLog(s.replaceFirst(":[0-9]+$", "")));
    }
}
