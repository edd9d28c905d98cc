package dev.quiesce.facts.freezelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.facts.Lines;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Events assembled into freezes: per source in line order, merged across sources, kept by window. */
class FreezeHistoryTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final String LOG_FILE = "/irissys/backup/freeze.log";
    private static final String MESSAGES = "/irissys/mgr/messages.log";
    private static final Instant WEEK_START = Instant.parse("2026-11-27T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2026-12-02T00:00:00Z");
    private static final String FREEZE = "Backup.General.ExternalFreeze: ";
    private static final String THAW = "Backup.General.ExternalThaw: ";

    private static LogSource logFile(Optional<String> instance) {
        return new LogSource(LOG_FILE, "LogFile of /opt/backup/pre.sh", instance,
                FreezeLogFiles.lines("article-IRIS-pre_post.log", LOG_FILE));
    }

    private static LogSource messages(Optional<String> instance) {
        return new LogSource(MESSAGES, "messages.log of IRIS", instance, FreezeLogFiles.lines("messages.log", MESSAGES));
    }

    private static FreezeHistory newYork(Instant from, Instant asOf, LogSource... sources) {
        return FreezeHistory.assemble(List.of(sources), NEW_YORK, "EST", from, asOf);
    }

    /** A source of LogFile-style lines in UTC, numbered from 1. */
    private static FreezeHistory utc(String... lines) {
        return FreezeHistory.assemble(List.of(source("/f", lines)), UTC, "UTC", WEEK_START, AS_OF);
    }

    private static LogSource source(String file, String... lines) {
        List<Lines.Line> numbered = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            numbered.add(new Lines.Line(file, i + 1, lines[i]));
        }
        return new LogSource(file, "test", Optional.of("IRIS"), numbered);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static String journal(String day) {
        return "/irissys/journal/MIRROR-MIRRORA-" + day;
    }

    @Test
    void threeNightlyFreezesFromTheLogFileOneSpanningMidnight() {
        FreezeHistory history = newYork(WEEK_START, AS_OF, logFile(Optional.of("IRIS")));

        assertEquals(List.of(
                new Freeze(Optional.of("IRIS"), at("2026-11-28T06:00:02Z"), Optional.of(at("2026-11-28T06:00:03Z")),
                        Optional.of(at("2026-11-28T06:00:21Z")), true, Optional.of(journal("20261128.002")),
                        OptionalLong.of(197572), Optional.of(journal("20261128.002")), List.of(LOG_FILE + ":1"), false),
                new Freeze(Optional.of("IRIS"), at("2026-11-30T04:59:58Z"), Optional.of(at("2026-11-30T05:00:00Z")),
                        Optional.of(at("2026-11-30T05:00:31Z")), true, Optional.of(journal("20261129.004")),
                        OptionalLong.of(131204), Optional.of(journal("20261129.004")), List.of(LOG_FILE + ":13"), false),
                new Freeze(Optional.of("IRIS"), at("2026-12-01T06:00:02Z"), Optional.of(at("2026-12-01T06:00:03Z")),
                        Optional.of(at("2026-12-01T06:00:19Z")), true, Optional.of(journal("20261201.002")),
                        OptionalLong.of(198020), Optional.of(journal("20261201.002")), List.of(LOG_FILE + ":25"), false)),
                history.freezes());
        assertEquals(List.of(Optional.of(Duration.ofSeconds(18)), Optional.of(Duration.ofSeconds(31)),
                Optional.of(Duration.ofSeconds(16))), history.freezes().stream().map(Freeze::frozenFor).toList());
        assertTrue(history.freezes().stream().allMatch(Freeze::markerSet));
        assertEquals(List.of(), history.failedSuspends());
        assertEquals(0, history.onlineBackupMarkers());
        assertEquals(List.of(), history.problems());
    }

    @Test
    void theSameFreezeInTheLogFileAndMessagesLogIsOneFreezeWithBothSources() {
        FreezeHistory history = newYork(WEEK_START, AS_OF, logFile(Optional.of("IRIS")), messages(Optional.of("IRIS")));

        assertEquals(3, history.freezes().size());
        assertEquals(new Freeze(Optional.of("IRIS"), at("2026-12-01T06:00:02Z"), Optional.of(at("2026-12-01T06:00:03Z")),
                Optional.of(at("2026-12-01T06:00:19.901Z")), true, Optional.of(journal("20261201.002")),
                OptionalLong.of(198020), Optional.of(journal("20261201.002")),
                List.of(LOG_FILE + ":25", MESSAGES + ":2"), false), history.freezes().get(2));
        assertEquals(1, history.onlineBackupMarkers(), "the ^DBACK marker at 02:30 is outside every freeze");
        assertEquals(List.of(), history.problems());
    }

    @Test
    void aSourceWithNoInstanceMergesAndOneOfAnotherInstanceDoesNot() {
        FreezeHistory unnamed = newYork(WEEK_START, AS_OF, logFile(Optional.empty()), messages(Optional.of("IRIS")));
        assertEquals(3, unnamed.freezes().size());
        assertEquals(Optional.of("IRIS"), unnamed.freezes().get(2).instance());
        assertEquals(Optional.empty(), unnamed.freezes().get(0).instance());

        FreezeHistory other = newYork(WEEK_START, AS_OF, logFile(Optional.of("IRIS")), messages(Optional.of("TEST")));
        assertEquals(4, other.freezes().size());
        assertEquals(List.of(MESSAGES + ":2"), other.freezes().get(3).sources());
    }

    @Test
    void suspendTimesMoreThanFiveSecondsApartAreTwoFreezes() {
        LogSource a = source("/a", "11/28/2026 01:00:00: " + FREEZE + "Suspending system",
                "11/28/2026 01:00:01: " + FREEZE + "System suspended", "11/28/2026 01:00:09: " + THAW + "System resumed");
        LogSource five = source("/b", "11/28/2026 01:00:05: " + FREEZE + "Suspending system",
                "11/28/2026 01:00:06: " + FREEZE + "System suspended", "11/28/2026 01:00:10: " + THAW + "System resumed");
        LogSource six = source("/c", "11/28/2026 01:00:06: " + FREEZE + "Suspending system",
                "11/28/2026 01:00:07: " + FREEZE + "System suspended", "11/28/2026 01:00:11: " + THAW + "System resumed");
        assertEquals(List.of(List.of("/a:1", "/b:1")), FreezeHistory.assemble(List.of(a, five), UTC, "UTC", WEEK_START,
                AS_OF).freezes().stream().map(Freeze::sources).toList());
        assertEquals(List.of(List.of("/a:1"), List.of("/c:1")), FreezeHistory.assemble(List.of(a, six), UTC, "UTC",
                WEEK_START, AS_OF).freezes().stream().map(Freeze::sources).toList());
    }

    @Test
    void onlyFreezesStartingInTheWindowCountAndOneResumedInsideItAfterStartingBeforeIsIgnored() {
        // The midnight freeze started 04:59:58Z and resumed 05:00:31Z.
        FreezeHistory history = newYork(at("2026-11-30T05:00:00Z"), AS_OF, logFile(Optional.of("IRIS")));
        assertEquals(List.of(List.of(LOG_FILE + ":25")), history.freezes().stream().map(Freeze::sources).toList());

        FreezeHistory bounds = newYork(at("2026-11-28T06:00:02Z"), at("2026-12-01T06:00:02Z"),
                logFile(Optional.of("IRIS")));
        assertEquals(3, bounds.freezes().size(), "both ends of the window are inside it");

        FreezeHistory early = newYork(at("2026-11-28T06:00:03Z"), at("2026-12-01T06:00:01Z"),
                logFile(Optional.of("IRIS")));
        assertEquals(List.of(List.of(LOG_FILE + ":13")), early.freezes().stream().map(Freeze::sources).toList());
    }

    @Test
    void aSuspendingWithNoSuspendedBeforeTheNextIsAFailedFreeze() {
        FreezeHistory history = utc(
                "11/28/2026 01:00:02: " + FREEZE + "Suspending system",
                "11/28/2026 01:00:12: " + THAW + "System resumed",
                "11/28/2026 01:05:00: " + FREEZE + "Suspending system",
                "11/28/2026 01:05:30: " + FREEZE + "Suspending system",
                "11/28/2026 01:05:31: " + FREEZE + "System suspended",
                "11/28/2026 01:05:40: " + THAW + "System resumed",
                "11/28/2026 02:00:00: " + FREEZE + "Suspending system");

        assertEquals(List.of(true, true, false, true),
                history.freezes().stream().map(Freeze::suspendFailed).toList());
        assertEquals(List.of(1L, 3L, 7L), history.failedSuspends().stream().map(LogEvent::line).toList());
        assertEquals(Optional.of(Duration.ofSeconds(10)), history.freezes().get(0).frozenFor(),
                "never suspended: measured from Suspending system");
        assertEquals(Optional.of(Duration.ofSeconds(9)), history.freezes().get(2).frozenFor(),
                "measured from System suspended");
        assertEquals(List.of(false, false, false, false), history.freezes().stream().map(Freeze::frozenNow).toList());
    }

    @Test
    void aSuspendedWithNoLaterResumedIsUnresumedAndFrozenNowOnlyWhenLast() {
        FreezeHistory history = utc(
                "11/28/2026 01:00:02: " + FREEZE + "Suspending system",
                "11/28/2026 01:00:03: " + FREEZE + "System suspended",
                "11/29/2026 01:00:02: " + FREEZE + "Suspending system",
                "11/29/2026 01:00:03: " + FREEZE + "System suspended",
                "11/29/2026 01:00:20: " + THAW + "Resuming system");

        assertEquals(List.of(true, true), history.freezes().stream().map(Freeze::unresumed).toList());
        assertEquals(List.of(false, true), history.freezes().stream().map(Freeze::frozenNow).toList());
        assertEquals(Optional.empty(), history.freezes().get(1).frozenFor());
        assertEquals(List.of(), history.failedSuspends());
    }

    @Test
    void aFreezeOneSourceLeavesUnresumedButAnotherSawResumedIsNotFrozenNow() {
        LogSource cut = source("/a", "11/28/2026 01:00:00: " + FREEZE + "Suspending system",
                "11/28/2026 01:00:01: " + FREEZE + "System suspended");
        LogSource whole = source("/b", "11/28/2026 01:00:00: " + FREEZE + "Suspending system",
                "11/28/2026 01:00:01: " + FREEZE + "System suspended", "11/28/2026 01:00:09: " + THAW + "System resumed");
        Freeze freeze = FreezeHistory.assemble(List.of(cut, whole), UTC, "UTC", WEEK_START, AS_OF).freezes().get(0);
        assertFalse(freeze.frozenNow());
        assertEquals(Optional.of(Duration.ofSeconds(8)), freeze.frozenFor());
        assertEquals(List.of(true), FreezeHistory.assemble(List.of(cut), UTC, "UTC", WEEK_START, AS_OF).freezes()
                .stream().map(Freeze::frozenNow).toList());
    }

    @Test
    void aMarkerOutsideAFreezeIsAnOnlineBackupsAndAttachesToNothing() {
        FreezeHistory history = utc(
                "Journal marker set at",
                "offset 4096 of /j/20261128.001",
                "11/28/2026 01:00:02: " + FREEZE + "Suspending system",
                "11/28/2026 01:00:03: " + FREEZE + "System suspended",
                "11/28/2026 01:00:09: " + THAW + "System resumed",
                "11/28/2026 02:00:00: Journal marker set at offset 8192 of /j/20261128.001");

        assertEquals(2, history.onlineBackupMarkers());
        assertFalse(history.freezes().get(0).markerSet());
        assertEquals(OptionalLong.empty(), history.freezes().get(0).markerOffset());
        assertFalse(history.freezes().get(0).journalSwitched());
        assertEquals(Optional.empty(), history.freezes().get(0).journalFile());
    }

    @Test
    void resumingClosesTheFreezeForJournalFactsAndSystemResumedStillGivesItsResumeTime() {
        FreezeHistory history = utc(
                "11/28/2026 01:00:02: " + FREEZE + "Suspending system",
                "11/28/2026 01:00:03: " + FREEZE + "System suspended",
                "11/28/2026 01:00:10: " + THAW + "Resuming system",
                "11/28/2026 01:00:10: Journal marker set at offset 77 of /j/20261128.001",
                "11/28/2026 01:00:11: " + THAW + "System resumed",
                "11/28/2026 01:00:12: " + THAW + "System resumed");

        assertEquals(1, history.onlineBackupMarkers());
        assertEquals(Optional.of(at("2026-11-28T01:00:11Z")), history.freezes().get(0).resumed());
        assertFalse(history.freezes().get(0).markerSet());
        assertEquals(List.of(), history.problems());
    }

    @Test
    void theJournalFileIsTheOneSwitchedToElseTheRestoreLinesElseTheMarkers() {
        String start = "11/28/2026 01:00:02: " + FREEZE + "Suspending system";
        String marker = "11/28/2026 01:00:02: Journal marker set at offset 1 of /j/marker";
        String restore = "11/28/2026 01:00:02: " + FREEZE + "Start a journal restore for this backup with journal"
                + " file: /j/restore";
        assertEquals(Optional.of("/j/switched"), utc(start, "Journaling switched to: /j/switched", restore, marker)
                .freezes().get(0).journalFile());
        assertEquals(Optional.of("/j/restore"), utc(start, "Journal file switched to:", restore, marker)
                .freezes().get(0).journalFile());
        assertEquals(Optional.of("/j/marker"), utc(start, marker).freezes().get(0).journalFile());
    }

    @Test
    void aSuspendedWithNoStartIsAProblem() {
        FreezeHistory history = utc("11/28/2026 01:00:03: " + FREEZE + "System suspended",
                "11/28/2026 01:00:09: " + THAW + "System resumed");
        assertEquals(List.of(), history.freezes());
        assertEquals(List.of("/f:1: System suspended with no Suspending system before it (the start of this freeze is"
                + " not in the log)"), history.problems());
    }

    @Test
    void wrapperFailuresDatedInTheWindowAreKept() {
        LogSource snapshot = new LogSource("/var/log/snapshot.log", "snapshot log of /usr/local/bin/freeze.sh",
                Optional.of("IRIS"), FreezeLogFiles.lines("snapshot.log", "/var/log/snapshot.log"));
        FreezeHistory week = newYork(WEEK_START, AS_OF, snapshot);
        assertEquals(List.of(LogEvent.Kind.WRAPPER_THAW_FAILED, LogEvent.Kind.WRAPPER_UNKNOWN_STATUS,
                LogEvent.Kind.WRAPPER_FREEZE_FAILED), week.wrapperFailures().stream().map(LogEvent::kind).toList());
        assertEquals(OptionalLong.of(1), week.wrapperFailures().get(1).statusCode());
        assertEquals(List.of(), week.freezes());

        FreezeHistory lastDay = newYork(at("2026-12-01T00:00:00Z"), AS_OF, snapshot);
        assertEquals(List.of(9L), lastDay.wrapperFailures().stream().map(LogEvent::line).toList());
    }

    @Test
    void europeBerlinAndANewYorkDstDayAreReadInTheirOwnOffsets() {
        LogSource berlin = source("/b", "12/01/26-01:00:02:311 (1) 0 [Utility.Event] " + FREEZE + "Suspending system",
                "12/01/26-01:00:03:000 (1) 0 [Utility.Event] " + FREEZE + "System suspended",
                "12/01/26-01:00:19:500 (2) 0 [Utility.Event] " + THAW + "System resumed");
        Freeze inBerlin = FreezeHistory.assemble(List.of(berlin), ZoneId.of("Europe/Berlin"), "CET", WEEK_START, AS_OF)
                .freezes().get(0);
        assertEquals(at("2026-12-01T00:00:02.311Z"), inBerlin.start());
        assertEquals(Optional.of(Duration.ofMillis(16_500)), inBerlin.frozenFor());

        // 2026-03-08: New York's clocks jump from 02:00 EST to 03:00 EDT in the middle of this freeze.
        LogSource dst = source("/n", "03/08/2026 01:59:58: " + FREEZE + "Suspending system",
                "03/08/2026 01:59:59: " + FREEZE + "System suspended", "03/08/2026 03:00:31: " + THAW + "System resumed");
        Freeze acrossTheGap = FreezeHistory.assemble(List.of(dst), NEW_YORK, "EST", at("2026-03-01T00:00:00Z"),
                at("2026-03-09T00:00:00Z")).freezes().get(0);
        assertEquals(at("2026-03-08T06:59:58Z"), acrossTheGap.start());
        assertEquals(Optional.of(at("2026-03-08T07:00:31Z")), acrossTheGap.resumed());
        assertEquals(Optional.of(Duration.ofSeconds(32)), acrossTheGap.frozenFor());
    }
}
