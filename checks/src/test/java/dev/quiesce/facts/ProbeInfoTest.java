package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
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

    @Test
    void tzNamesTheZoneBeforeTheLocaltimeLinkAndTheTimezoneFile() {
        ProbeInfo info = ProbeInfo.parse("zone=+0100 CET\ntz=:Europe/Berlin\nlocaltime=/usr/share/zoneinfo/Asia/Tokyo\n"
                + "timezone=America/Chicago");
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), info.zoneId());
        assertEquals(Optional.of(new ProbeInfo.HostZone(ZoneId.of("Europe/Berlin"), "TZ")), info.localZone());
    }

    @Test
    void theLocaltimeLinkNamesTheZoneAfterZoneinfo() {
        assertEquals(Optional.of(new ProbeInfo.HostZone(ZoneId.of("Europe/Berlin"), "/etc/localtime -> Europe/Berlin")),
                ProbeInfo.parse("tz=\nlocaltime=../usr/share/zoneinfo/Europe/Berlin\ntimezone=Asia/Tokyo").localZone());
        assertEquals(Optional.of(ZoneId.of("America/Argentina/Buenos_Aires")),
                ProbeInfo.parse("localtime=/usr/share/zoneinfo/posix/America/Argentina/Buenos_Aires").zoneId());
        assertEquals(Optional.of(ZoneId.of("UTC")), ProbeInfo.parse("localtime=/var/db/timezone/zoneinfo/UTC").zoneId());
        assertEquals(Optional.of(ZoneId.of("Etc/GMT+1")), ProbeInfo.parse("localtime=/usr/share/zoneinfo/Etc/GMT+1")
                .zoneId());
        // a link that names no zoneinfo says nothing: the timezone file does
        assertEquals(Optional.of(new ProbeInfo.HostZone(ZoneId.of("Asia/Tokyo"), "/etc/timezone")),
                ProbeInfo.parse("localtime=/etc/localtime.old\ntimezone=Asia/Tokyo").localZone());
    }

    @Test
    void aTzThatIsARuleOrAPathToAZoneFile() {
        // a POSIX rule is not a zone name: the link is read instead
        assertEquals(Optional.of(ZoneId.of("Europe/Paris")),
                ProbeInfo.parse("tz=CET-1CEST,M3.5.0,M10.5.0/3\nlocaltime=/usr/share/zoneinfo/Europe/Paris").zoneId());
        assertEquals(Optional.of(ZoneId.of("Europe/Oslo")), ProbeInfo.parse("tz=:/usr/share/zoneinfo/Europe/Oslo")
                .zoneId());
    }

    @Test
    void withNoZoneNameTheOffsetIsTheZoneAndSaysSo() {
        assertEquals(Optional.of(new ProbeInfo.HostZone(ZoneOffset.ofHours(1), "offset +0100 only")),
                ProbeInfo.parse("zone=+0100 CET\ntz=\nlocaltime=\ntimezone=").localZone());
        assertEquals(Optional.of(new ProbeInfo.HostZone(ZoneOffset.ofHoursMinutes(-3, -30), "offset -0330 only")),
                ProbeInfo.parse("zone=-0330 NST").localZone());
        assertEquals(Optional.empty(), ProbeInfo.parse("zone=garbage").localZone());
        assertEquals(Optional.empty(), ProbeInfo.UNKNOWN.localZone());
        assertEquals(Optional.empty(), ProbeInfo.UNKNOWN.zoneId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "Europe/../../etc/passwd", "+01:00", "UTC+1", "Europe/Berlin x", "/", "",
            "Europe//Berlin", "1Europe/Berlin", "GMT0BST", "GMT+1", "Z", "europe/berlin"})
    void aNameThatIsNoKnownRegionIsNoZone(String name) {
        ProbeInfo info = ProbeInfo.parse("tz=" + name + "\ntimezone=" + name + "\nlocaltime=/usr/share/zoneinfo/" + name);
        assertEquals(Optional.empty(), info.zoneId(), name);
        assertEquals("", info.zoneIdSource());
    }

    @Test
    void aNameWrittenTwiceKeepsItsFirstValue() {
        ProbeInfo info = ProbeInfo.parse("clock=1780315200\ntz=\nclock=1\ntz=Asia/Tokyo");
        assertEquals(Optional.of(Instant.parse("2026-06-01T12:00:00Z")), info.clock());
        assertEquals(Optional.empty(), info.zoneId());
    }

    @Test
    void randomTextNeverThrows() {
        java.util.Random random = new java.util.Random(7);
        String[] parts = {"tz=", "localtime=", "timezone=", "zone=", "clock=", "\n", "/", "zoneinfo/", "Europe",
                "Berlin", ":", "+01", "\u0000", "\uDCFF", "posix/", "..", " "};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> ProbeInfo.parse(text.toString()).localZone());
        }
    }
}
