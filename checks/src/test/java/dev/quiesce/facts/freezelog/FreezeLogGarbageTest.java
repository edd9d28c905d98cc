package dev.quiesce.facts.freezelog;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.facts.Lines;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Freeze logs are host text: garbage in any order never throws and gives bounded results. */
class FreezeLogGarbageTest {
    private static final List<String> FRAGMENTS = List.of(
            "11/28/2026 01:00:02: ", "12/01/26-01:00:02:311 (41877) 0 [Utility.Event] ", "Wed Jan  4 16:30:35 EST 2017: ",
            "Wed 04 Jan 2017 04:30:35 PM CET: ", "13/45/2026 25:61:61: ", "02/30/26-24:00:00:999 (1) 9 [",
            "Backup.General.ExternalFreeze: ", "Backup.General.ExternalThaw: ", "Suspending system", "System suspended",
            "Resuming system", "System resumed", "Start a journal restore for this backup with journal file: ",
            "Journal file switched to:", "Journaling switched to: ", "Journal marker set at", "offset 123 of ",
            "offset 99999999999999999999 of ", "/irissys/journal/MIRROR-MIRRORA-20261130.002", "IRIS IS FROZEN",
            "FREEZE FAILED", "IS THAWED", "THAW FAILED", "ERROR: Unknown status code: ", "-2147483649", " ", "\t",
            "\ufffd", "\ud800", "x", ":", "0");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("America/New_York"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("Australia/Lord_Howe"));

    @Test
    void randomLinesInRandomOrderNeverThrowAndGiveBoundedResults() {
        Random random = new Random(10);
        int[] reached = new int[4]; // freezes, failed suspends, wrapper failures, online markers: the fuzz is not vacuous
        for (int n = 0; n < 10_000; n++) {
            List<LogSource> sources = new ArrayList<>();
            int total = 0;
            for (int s = 1 + random.nextInt(3); s > 0; s--) {
                List<Lines.Line> lines = lines(random);
                total += lines.size();
                sources.add(new LogSource("/s" + s, "fuzz", random.nextBoolean() ? Optional.of("IRIS")
                        : random.nextBoolean() ? Optional.empty() : Optional.of("TEST"), lines));
            }
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            String abbreviation = List.of("", "EST", "CET", "UTC").get(random.nextInt(4));
            Instant windowStart = Instant.parse("2017-01-01T00:00:00Z").plusSeconds(random.nextLong(400_000_000L));
            Instant asOf = windowStart.plusSeconds(random.nextLong(400_000_000L));
            int lineCount = total;
            FreezeHistory history = assertDoesNotThrow(
                    () -> FreezeHistory.assemble(sources, zone, abbreviation, windowStart, asOf), sources::toString);
            assertTrue(history.freezes().size() <= lineCount);
            assertTrue(history.failedSuspends().size() <= history.freezes().size());
            assertTrue(history.wrapperFailures().size() <= lineCount);
            assertTrue(history.onlineBackupMarkers() <= lineCount);
            assertTrue(history.problems().size() <= FreezeLogParser.MAX_PROBLEMS + 1);
            reached[0] += history.freezes().size();
            reached[1] += history.failedSuspends().size();
            reached[2] += history.wrapperFailures().size();
            reached[3] += history.onlineBackupMarkers();
            for (Freeze freeze : history.freezes()) {
                assertTrue(!freeze.start().isBefore(windowStart) && !freeze.start().isAfter(asOf), freeze::toString);
                assertTrue(freeze.sources().size() >= 1 && freeze.sources().size() <= sources.size(), freeze::toString);
                assertTrue(!freeze.frozenNow() || freeze.unresumed(), freeze::toString);
            }
        }
        for (int count : reached) {
            assertTrue(count > 0, () -> java.util.Arrays.toString(reached));
        }
    }

    /** Up to 40 lines of fragments and random characters, numbered in runs (so continuation lines pair) and shuffled. */
    private static List<Lines.Line> lines(Random random) {
        List<Lines.Line> lines = new ArrayList<>();
        long number = 1;
        for (int i = random.nextInt(40); i > 0; i--) {
            StringBuilder text = new StringBuilder();
            for (int parts = random.nextInt(6); parts > 0; parts--) {
                text.append(random.nextInt(5) == 0 ? String.valueOf((char) random.nextInt(0x3000))
                        : FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            }
            number += random.nextInt(4) == 0 ? random.nextInt(5) : 1;
            lines.add(new Lines.Line(random.nextInt(8) == 0 ? "/other" : "/f", number, text.toString()));
        }
        if (random.nextInt(4) == 0) {
            Collections.shuffle(lines, random);
        }
        return lines;
    }

    @Test
    void longLinesAreReadInLinearTime() {
        List<String> texts = List.of("Backup.General.External" + "x".repeat(300_000),
                "x ".repeat(150_000) + "IS FROZEN", "11/28/2026 01:00:02: " + " ".repeat(300_000) + "x",
                "Journal marker set at" + " offset 1".repeat(30_000), "offset " + "9".repeat(300_000) + " of /j",
                "12/01/26-01:00:02:311 (1) 0 [" + "]".repeat(300_000), "Unknown status code" + "-".repeat(300_000));
        List<Lines.Line> lines = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            lines.add(new Lines.Line("/f", i + 1, texts.get(i)));
        }
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> FreezeHistory.assemble(
                List.of(new LogSource("/f", "t", Optional.empty(), lines)), ZoneId.of("UTC"), "UTC", Instant.EPOCH,
                Instant.parse("2100-01-01T00:00:00Z")));
    }

    @Test
    void problemsStopAtTheCapAndSayHowManyMore() {
        List<Lines.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            lines.add(new Lines.Line("/f", i, "no time: Backup.General.ExternalFreeze: Suspending system"));
        }
        FreezeHistory history = FreezeHistory.assemble(List.of(new LogSource("/f", "t", Optional.empty(), lines)),
                ZoneId.of("UTC"), "", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        assertEquals(101, history.problems().size());
        assertEquals("... and 150 more problem(s)", history.problems().get(100));
        assertEquals(List.of(), history.freezes());
    }

    @Test
    void everyCutOfTheExampleLogsNeverThrows() {
        for (String name : List.of("article-IRIS-pre_post.log", "messages.log", "snapshot.log")) {
            List<Lines.Line> all = FreezeLogFiles.lines(name, "/f");
            for (int cut = 0; cut <= all.size(); cut++) {
                List<Lines.Line> head = all.subList(0, cut);
                List<Lines.Line> tail = all.subList(cut, all.size());
                assertDoesNotThrow(() -> FreezeHistory.assemble(List.of(new LogSource("/f", "t", Optional.empty(), head),
                        new LogSource("/g", "t", Optional.empty(), tail)), ZoneId.of("America/New_York"), "EST",
                        Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")));
            }
        }
    }
}
