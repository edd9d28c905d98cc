package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The info frame: who ran the probe, the host's name, its stat method, its clock and its zone. */
class ProbeInfoTest {
    @Test
    void theInfoFrameGivesUidHostClockZoneAndStatMethod() {
        ProbeInfo info = ProbeInfo.parse("uid=1000\nhost=db1.example\nclock=1780315200\nzone=+0530 IST\nstat=ls");
        assertEquals(Optional.of(1000L), info.uid());
        assertEquals("db1.example", info.nodeName());
        assertEquals(Optional.of(Instant.parse("2026-06-01T12:00:00Z")), info.clock());
        assertEquals(Optional.of(ZoneOffset.ofHoursMinutes(5, 30)), info.zoneOffset());
        assertEquals("IST", info.zoneName());
        assertEquals("ls", info.statMethod());
    }

    @Test
    void anOffsetWestOfUtcIsNegativeInItsHoursAndMinutes() {
        assertEquals(Optional.of(ZoneOffset.ofHoursMinutes(-3, -30)), ProbeInfo.parse("zone=-0330 NST").zoneOffset());
        assertEquals(Optional.of(ZoneOffset.UTC), ProbeInfo.parse("zone=+0000 UTC").zoneOffset());
        assertEquals(Optional.of(ZoneOffset.ofHours(18)), ProbeInfo.parse("zone=+1800 X").zoneOffset());
    }

    @Test
    void aZoneWithoutANameOrWithSpacesInItsName() {
        ProbeInfo bare = ProbeInfo.parse("zone=+0100");
        assertEquals(Optional.of(ZoneOffset.ofHours(1)), bare.zoneOffset());
        assertEquals("", bare.zoneName());
        assertEquals("Central European Time", ProbeInfo.parse("zone=+0100 Central European Time").zoneName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0100", "+100", "+01000", "+1900", "+1860", "+1859", "-1801", "UTC", "+01:00"})
    void anOffsetOutOfRangeOrOfAnotherFormIsUnknown(String zone) {
        assertEquals(Optional.empty(), ProbeInfo.parse("zone=" + zone + " X").zoneOffset(), zone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-5", "1780315200.5", "1234567890123"})
    void aClockThatIsNotSecondsSince1970IsUnknown(String clock) {
        assertEquals(Optional.empty(), ProbeInfo.parse("clock=" + clock).clock(), clock);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "root", "-1", "12345678901"})
    void aUidThatIsNotANumberIsUnknownAndNotRoot(String uid) {
        ProbeInfo info = ProbeInfo.parse("uid=" + uid);
        assertEquals(Optional.empty(), info.uid(), uid);
        assertFalse(info.root(), uid);
    }

    @Test
    void onlyUidZeroIsRoot() {
        assertTrue(ProbeInfo.parse("uid=0").root());
        assertFalse(ProbeInfo.parse("uid=1000").root());
        assertFalse(ProbeInfo.UNKNOWN.root());
    }

    @Test
    void valuesAreTrimmedAndLinesWithoutANameAreIgnored() {
        ProbeInfo info = ProbeInfo.parse("noise\n=orphan\nuid= 0 \nhost=a=b\n");
        assertEquals(Optional.of(0L), info.uid());
        assertEquals("a=b", info.nodeName());
        assertEquals("", info.statMethod());
    }
}
