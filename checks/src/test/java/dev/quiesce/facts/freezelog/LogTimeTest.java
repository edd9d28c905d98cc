package dev.quiesce.facts.freezelog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The three time-stamp styles, in the host's zone unless one is printed, and DST gaps and overlaps. */
class LogTimeTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static LogTime.Stamp read(String text, ZoneId zone, String abbreviation) {
        return LogTime.read(text, zone, abbreviation);
    }

    private static LogTime.Stamp at(String instant, boolean assumed, String rest) {
        return new LogTime.Stamp(Optional.of(Instant.parse(instant)), assumed, rest, Optional.empty());
    }

    @Test
    void theLogFileStyleIsLocalTimeWithAFourDigitYear() {
        assertEquals(at("2026-11-28T06:00:02Z", false, "Backup.General.ExternalFreeze: Suspending system"),
                read("11/28/2026 01:00:02: Backup.General.ExternalFreeze: Suspending system", NEW_YORK, "EST"));
    }

    @Test
    void theMessagesLogStyleHasATwoDigitYearMillisecondsPidSeverityAndCategory() {
        assertEquals(at("2026-12-01T06:00:02.311Z", false, "Backup.General.ExternalFreeze: Suspending system"),
                read("12/01/26-01:00:02:311 (41877) 0 [Utility.Event] Backup.General.ExternalFreeze: Suspending system",
                        NEW_YORK, "EST"));
        assertEquals(at("2026-12-01T00:00:02.311Z", false, "Backup.General.ExternalThaw: System resumed"),
                read("12/01/26-01:00:02:311 (7) 2 [Generic.Event] Backup.General.ExternalThaw: System resumed",
                        BERLIN, "CET"));
    }

    @Test
    void dateInTheCLocaleWithASpacePaddedDayAndTheHostsAbbreviation() {
        assertEquals(at("2017-01-04T21:30:35Z", false, "IRIS IS FROZEN"),
                read("Wed Jan  4 16:30:35 EST 2017:   IRIS IS FROZEN", NEW_YORK, "EST"));
        assertEquals(at("2017-01-14T21:30:35Z", false, "IRIS IS FROZEN"),
                read("Sat Jan 14 16:30:35 EST 2017: IRIS IS FROZEN", NEW_YORK, "EST"));
    }

    @Test
    void dateInGlibcsEnUsLocaleWithATwelveHourClock() {
        assertEquals(at("2017-01-04T21:30:35Z", false, "IRIS IS THAWED"),
                read("Wed 04 Jan 2017 04:30:35 PM EST: IRIS IS THAWED", NEW_YORK, "EST"));
        assertEquals(at("2017-01-04T05:05:00Z", false, "x"), read("Wed 04 Jan 2017 12:05:00 AM EST: x", NEW_YORK, "EST"));
        assertEquals(at("2017-01-04T17:05:00Z", false, "x"), read("Wed 04 Jan 2017 12:05:00 PM EST: x", NEW_YORK, "EST"));
        assertEquals(new LogTime.Stamp(Optional.empty(), false, "x", Optional.of("hour 13 on a 12-hour clock")),
                read("Wed 04 Jan 2017 13:05:00 PM EST: x", NEW_YORK, "EST"));
    }

    @Test
    void utcAndGmtAreUtcAnUnknownAbbreviationIsTheHostZoneAssumedAndNoZoneIsTheHostZone() {
        assertEquals(at("2017-01-04T16:30:35Z", false, "x"), read("Wed Jan  4 16:30:35 UTC 2017: x", NEW_YORK, "EST"));
        assertEquals(at("2017-01-04T16:30:35Z", false, "x"), read("Wed 04 Jan 2017 04:30:35 PM GMT: x", NEW_YORK, "EST"));
        assertEquals(at("2017-01-04T21:30:35Z", true, "x"), read("Wed Jan  4 16:30:35 CET 2017: x", NEW_YORK, "EST"));
        assertEquals(at("2017-01-04T21:30:35Z", true, "x"), read("Wed Jan  4 16:30:35 EST 2017: x", NEW_YORK, ""));
        assertEquals(at("2017-01-04T21:30:35Z", false, "x"), read("Wed Jan  4 16:30:35 2017: x", NEW_YORK, ""));
        assertEquals(at("2017-01-04T21:30:35Z", false, "x"), read("Wed 04 Jan 2017 04:30:35 PM: x", NEW_YORK, ""));
    }

    @Test
    void aDstGapIsShiftedByItsLengthAndAnOverlapTakesTheEarlierOffset() {
        // New York, 2026-03-08: 02:00 EST becomes 03:00 EDT; 2026-11-01: 02:00 EDT becomes 01:00 EST.
        assertEquals(at("2026-03-08T07:30:00Z", false, "x"), read("03/08/2026 02:30:00: x", NEW_YORK, "EST"));
        assertEquals(at("2026-11-01T05:30:00Z", false, "x"), read("11/01/2026 01:30:00: x", NEW_YORK, "EST"));
        // Berlin, 2026-03-29: 02:00 CET becomes 03:00 CEST.
        assertEquals(at("2026-03-29T01:30:00Z", false, "x"), read("03/29/26-02:30:00:000 (1) 0 [E] x", BERLIN, "CET"));
        assertEquals(at("2026-07-01T10:00:00Z", false, "x"), read("07/01/2026 12:00:00: x", BERLIN, "CET"));
    }

    @Test
    void aStampShapedPrefixNamingNoRealTimeSaysWhyAndALineWithoutOneIsAllRest() {
        assertEquals(new LogTime.Stamp(Optional.empty(), false, "x",
                        Optional.of("no such time: Invalid value for MonthOfYear (valid values 1 - 12): 13")),
                read("13/28/2026 01:00:00: x", NEW_YORK, "EST"));
        assertEquals(new LogTime.Stamp(Optional.empty(), false, "Journal file switched to:", Optional.empty()),
                read("Journal file switched to:", NEW_YORK, "EST"));
        assertEquals(new LogTime.Stamp(Optional.empty(), false, "\ufffd11/28/2026 01:00:02: x", Optional.empty()),
                read("\ufffd11/28/2026 01:00:02: x", NEW_YORK, "EST"));
    }
}
