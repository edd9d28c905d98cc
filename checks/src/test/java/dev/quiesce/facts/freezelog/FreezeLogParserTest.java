package dev.quiesce.facts.freezelog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiesce.facts.Lines;
import dev.quiesce.facts.freezelog.LogEvent.Kind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Lines a grep picked from freeze logs, read as events: every style, both journal phrasings, both marker forms. */
class FreezeLogParserTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String LOG_FILE = "/irissys/backup/freeze.log";
    private static final String MESSAGES = "/irissys/mgr/messages.log";
    private static final String JOURNAL_1128 = "/irissys/journal/MIRROR-MIRRORA-20261128.002";
    private static final String JOURNAL_1201 = "/irissys/journal/MIRROR-MIRRORA-20261201.002";

    private static FreezeLogParser.Parsed parse(List<Lines.Line> lines) {
        return FreezeLogParser.parse(lines, NEW_YORK, "EST");
    }

    private static Lines.Line line(long number, String text) {
        return new Lines.Line("/f", number, text);
    }

    private static Optional<Instant> at(String instant) {
        return Optional.of(Instant.parse(instant));
    }

    private static LogEvent plain(Kind kind, String file, long line, String text, Optional<Instant> time) {
        return new LogEvent(kind, file, line, text, time, false, Optional.empty(), OptionalLong.empty(),
                Optional.empty(), OptionalLong.empty());
    }

    private static LogEvent withPath(Kind kind, String file, long line, String text, Optional<Instant> time,
            String path) {
        return new LogEvent(kind, file, line, text, time, false, Optional.of(path), OptionalLong.empty(),
                Optional.empty(), OptionalLong.empty());
    }

    private static LogEvent marker(String file, long line, String text, Optional<Instant> time, long offset,
            String path) {
        return new LogEvent(Kind.MARKER, file, line, text, time, false, Optional.of(path), OptionalLong.of(offset),
                Optional.empty(), OptionalLong.empty());
    }

    private static LogEvent wrapper(Kind kind, long line, String text, String time) {
        return new LogEvent(kind, "/s", line, text, at(time), false, Optional.empty(), OptionalLong.empty(),
                Optional.of("IRIS"), OptionalLong.empty());
    }

    @Test
    void theLogFileGivesSevenEventsPerFreezeWithTheMarkerFromTwoLines() {
        FreezeLogParser.Parsed parsed = parse(FreezeLogFiles.lines("article-IRIS-pre_post.log", LOG_FILE));

        assertEquals(List.of(), parsed.problems());
        assertEquals(21, parsed.events().size());
        assertEquals(List.of(
                plain(Kind.SUSPENDING, LOG_FILE, 1, "11/28/2026 01:00:02: Backup.General.ExternalFreeze: Suspending system",
                        at("2026-11-28T06:00:02Z")),
                plain(Kind.JOURNAL_SWITCHED, LOG_FILE, 4, "Journal file switched to:", Optional.empty()),
                withPath(Kind.RESTORE_FROM, LOG_FILE, 6, "11/28/2026 01:00:02: Backup.General.ExternalFreeze: Start a"
                        + " journal restore for this backup with journal file: " + JOURNAL_1128,
                        at("2026-11-28T06:00:02Z"), JOURNAL_1128),
                marker(LOG_FILE, 8, "Journal marker set at\noffset 197572 of " + JOURNAL_1128, Optional.empty(),
                        197572, JOURNAL_1128),
                plain(Kind.SUSPENDED, LOG_FILE, 10, "11/28/2026 01:00:03: Backup.General.ExternalFreeze: System suspended",
                        at("2026-11-28T06:00:03Z")),
                plain(Kind.RESUMING, LOG_FILE, 11, "11/28/2026 01:00:21: Backup.General.ExternalThaw: Resuming system",
                        at("2026-11-28T06:00:21Z")),
                plain(Kind.RESUMED, LOG_FILE, 12, "11/28/2026 01:00:21: Backup.General.ExternalThaw: System resumed",
                        at("2026-11-28T06:00:21Z"))), parsed.events().subList(0, 7));
        assertEquals(List.of(Kind.SUSPENDING, Kind.JOURNAL_SWITCHED, Kind.RESTORE_FROM, Kind.MARKER, Kind.SUSPENDED,
                Kind.RESUMING, Kind.RESUMED), parsed.events().subList(14, 21).stream().map(LogEvent::kind).toList());
    }

    @Test
    void messagesLogHasJournalingSwitchedWithItsPathAndTheMarkerOnOneLine() {
        FreezeLogParser.Parsed parsed = parse(FreezeLogFiles.lines("messages.log", MESSAGES));

        assertEquals(List.of(), parsed.problems());
        String prefix = "12/01/26-01:00:0";
        assertEquals(List.of(
                plain(Kind.SUSPENDING, MESSAGES, 2, prefix + "2:311 (41877) 0 [Utility.Event] Backup.General."
                        + "ExternalFreeze: Suspending system", at("2026-12-01T06:00:02.311Z")),
                withPath(Kind.JOURNAL_SWITCHED, MESSAGES, 4, "Journaling switched to: " + JOURNAL_1201, Optional.empty(),
                        JOURNAL_1201),
                withPath(Kind.RESTORE_FROM, MESSAGES, 5, prefix + "2:402 (41877) 0 [Utility.Event] Backup.General."
                        + "ExternalFreeze: Start a journal restore for this backup with journal file: " + JOURNAL_1201,
                        at("2026-12-01T06:00:02.402Z"), JOURNAL_1201),
                marker(MESSAGES, 6, prefix + "2:430 (41877) 0 [Utility.Event] Journal marker set at offset 198020 of "
                        + JOURNAL_1201, at("2026-12-01T06:00:02.430Z"), 198020, JOURNAL_1201),
                plain(Kind.SUSPENDED, MESSAGES, 7, prefix + "3:017 (41877) 0 [Utility.Event] Backup.General."
                        + "ExternalFreeze: System suspended", at("2026-12-01T06:00:03.017Z")),
                plain(Kind.RESUMING, MESSAGES, 8, "12/01/26-01:00:19:884 (41902) 0 [Utility.Event] Backup.General."
                        + "ExternalThaw: Resuming system", at("2026-12-01T06:00:19.884Z")),
                plain(Kind.RESUMED, MESSAGES, 9, "12/01/26-01:00:19:901 (41902) 0 [Utility.Event] Backup.General."
                        + "ExternalThaw: System resumed", at("2026-12-01T06:00:19.901Z")),
                marker(MESSAGES, 10, "12/01/26-02:30:00:120 (52011) 0 [Utility.Event] Journal marker set at offset"
                        + " 1048576 of /irissys/journal/MIRROR-MIRRORA-20261201.003", at("2026-12-01T07:30:00.120Z"),
                        1048576, "/irissys/journal/MIRROR-MIRRORA-20261201.003")), parsed.events());
    }

    @Test
    void aWrapperLogGivesEachReportWithItsInstanceInBothDateStyles() {
        FreezeLogParser.Parsed parsed = parse(FreezeLogFiles.lines("snapshot.log", "/s"));

        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of(
                wrapper(Kind.WRAPPER_FROZEN, 2, "Sat Nov 28 01:00:04 EST 2026:   IRIS IS FROZEN", "2026-11-28T06:00:04Z"),
                wrapper(Kind.WRAPPER_THAWED, 3, "Sat Nov 28 01:00:22 EST 2026:   IRIS IS THAWED", "2026-11-28T06:00:22Z"),
                wrapper(Kind.WRAPPER_FROZEN, 5, "Mon Nov 30 00:00:01 EST 2026:   IRIS IS FROZEN", "2026-11-30T05:00:01Z"),
                wrapper(Kind.WRAPPER_THAW_FAILED, 6, "Mon Nov 30 00:00:32 EST 2026:   IRIS THAW FAILED",
                        "2026-11-30T05:00:32Z"),
                new LogEvent(Kind.WRAPPER_UNKNOWN_STATUS, "/s", 7, "Mon Nov 30 00:00:32 EST 2026: ERROR: Unknown status"
                        + " code: 1", at("2026-11-30T05:00:32Z"), false, Optional.empty(), OptionalLong.empty(),
                        Optional.empty(), OptionalLong.of(1)),
                wrapper(Kind.WRAPPER_FREEZE_FAILED, 9, "Tue Dec  1 01:00:04 EST 2026:   IRIS FREEZE FAILED",
                        "2026-12-01T06:00:04Z"),
                wrapper(Kind.WRAPPER_THAWED, 10, "Tue 01 Dec 2026 01:00:20 AM EST:   IRIS IS THAWED",
                        "2026-12-01T06:00:20Z")), parsed.events());
    }

    @Test
    void aWrapperZoneThatIsNeitherUtcNorTheHostsIsMarkedAssumed() {
        LogEvent event = parse(List.of(line(1, "Wed Jan  4 16:30:35 CET 2017: IRIS FREEZE FAILED"))).events().get(0);
        assertEquals(at("2017-01-04T21:30:35Z"), event.time());
        assertEquals(true, event.zoneAssumed());
        assertEquals(Kind.WRAPPER_FREEZE_FAILED, event.kind());
    }

    @Test
    void replacementCharactersAreKeptInPathsAndNamesAndJunkAfterAPhraseIsIgnored() {
        List<LogEvent> events = parse(List.of(
                line(1, "Journaling switched to: /irissys/journal/MIRROR-MIRR\ufffdRA-20261130.002"),
                line(2, "Wed Jan  4 16:30:35 EST 2017:   IR\ufffdS IS FROZEN"),
                line(3, "11/28/2026 01:00:03: Backup.General.ExternalFreeze: System suspended\ufffd\ufffd ;x]"))).events();
        assertEquals(Optional.of("/irissys/journal/MIRROR-MIRR\ufffdRA-20261130.002"), events.get(0).path());
        assertEquals(Optional.of("IR\ufffdS"), events.get(1).wrapperInstance());
        assertEquals(Kind.SUSPENDED, events.get(2).kind());
        assertEquals(at("2026-11-28T06:00:03Z"), events.get(2).time());
    }

    @Test
    void anEventWithJunkBeforeItsStampOrAnImpossibleTimeIsAProblemNotAnEvent() {
        FreezeLogParser.Parsed parsed = parse(List.of(
                line(7, "xx11/28/2026 01:00:02: Backup.General.ExternalFreeze: Suspending system"),
                line(8, "02/30/2026 01:00:00: Backup.General.ExternalThaw: System resumed"),
                line(9, "IRIS IS\tTHAWED and \u001b[31m IRIS THAW FAILED")));
        assertEquals(List.of(), parsed.events());
        assertEquals(List.of(
                "/f:7: looks like SUSPENDING but has no readable time stamp: xx11/28/2026 01:00:02: Backup.General."
                        + "ExternalFreeze: Suspending system",
                "/f:8: looks like RESUMED but has no readable time stamp (no such time: Invalid date 'FEBRUARY 30'):"
                        + " 02/30/2026 01:00:00: Backup.General.ExternalThaw: System resumed",
                "/f:9: looks like WRAPPER_THAW_FAILED but has no readable time stamp: IRIS IS\\tTHAWED and"
                        + " \\x1b[31m IRIS THAW FAILED"), parsed.problems());
    }

    @Test
    void aMarkerTakesItsOffsetOnlyFromTheVeryNextLineOfTheSameFile() {
        FreezeLogParser.Parsed parsed = FreezeLogParser.parse(List.of(
                line(3, "Journal marker set at"),
                line(5, "offset 12 of /j/20261130.001"),
                new Lines.Line("/g", 6, "Journal marker set at"),
                line(7, "offset 13 of /j/20261130.001")), ZoneId.of("UTC"), "UTC");
        assertEquals(List.of(plain(Kind.MARKER, "/f", 3, "Journal marker set at", Optional.empty()),
                new LogEvent(Kind.MARKER, "/g", 6, "Journal marker set at", Optional.empty(), false, Optional.empty(),
                        OptionalLong.empty(), Optional.empty(), OptionalLong.empty())), parsed.events());
        assertEquals(List.of("/f:3: a journal marker line with no \"offset <N> of <journal>\" on it or on the next"
                + " line: Journal marker set at", "/g:6: a journal marker line with no \"offset <N> of <journal>\" on it"
                + " or on the next line: Journal marker set at"), parsed.problems());
    }

    @Test
    void linesWithAFixedStringButNoEventAreIgnored() {
        FreezeLogParser.Parsed parsed = parse(List.of(
                line(1, "11/28/2026 01:00:02: Backup.General.ExternalFreeze: Warning, /d/ is not being journalled"),
                line(2, "offset 5 of /j/x"),
                line(3, "12/01/26-02:41:17:004 (1) 0 [Utility.Event] Backup.General.ExternalSetHistory: recorded"),
                line(4, "Wed Jan  4 16:30:35 EST 2017: the WORD IS FROZEN"),
                line(5, "")));
        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of(new LogEvent(Kind.WRAPPER_FROZEN, "/f", 4, "Wed Jan  4 16:30:35 EST 2017: the WORD IS"
                + " FROZEN", at("2017-01-04T21:30:35Z"), false, Optional.empty(), OptionalLong.empty(),
                Optional.of("WORD"), OptionalLong.empty())), parsed.events());
    }

    @Test
    void journalFileSwitchedWithThePathOnTheSameLineKeepsIt() {
        LogEvent event = parse(List.of(line(4, "Journal file switched to: /j/20261130.003"))).events().get(0);
        assertEquals(withPath(Kind.JOURNAL_SWITCHED, "/f", 4, "Journal file switched to: /j/20261130.003",
                Optional.empty(), "/j/20261130.003"), event);
    }
}
