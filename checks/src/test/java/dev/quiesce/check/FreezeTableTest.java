package dev.quiesce.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.facts.freezelog.Freeze;
import dev.quiesce.facts.freezelog.FreezeHistory;
import dev.quiesce.model.Details;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The table and series every freeze-log finding carries, the way durations read, and which files are console logs. */
class FreezeTableTest {
    private static final Instant T = Instant.parse("2026-11-30T03:10:01Z");

    @Test
    void theTableHasARowPerFreezeAndTheSeriesAPointPerResumedOneAgainstMaxFrozen() {
        Freeze done = new Freeze(Optional.of("IRIS"), T, Optional.of(T.plusSeconds(1)), Optional.of(T.plusMillis(96_500)),
                true, Optional.of("/j/20261130.002"), OptionalLong.of(136104), Optional.of("/j/20261130.002"),
                List.of("/var/log/x.log:3", "/m/messages.log:9"), false);
        Freeze open = new Freeze(Optional.empty(), T.plusSeconds(86_400), Optional.of(T.plusSeconds(86_401)),
                Optional.empty(), false, Optional.empty(), OptionalLong.empty(), Optional.empty(), List.of("/x:1"), true);
        Details details = FreezeTable.details(new FreezeHistory(List.of(done, open), List.of(), List.of(), 0, List.of()),
                Duration.ofSeconds(60));

        Details.Table table = details.tables().get(0);
        assertEquals(FreezeTable.COLUMNS, table.columns());
        assertEquals(List.of("IRIS", "2026-11-30T03:10:01Z", "2026-11-30T03:10:02Z", "2026-11-30T03:11:37Z", "95.50 s",
                "/j/20261130.002", "136104", "/var/log/x.log:3, /m/messages.log:9"), table.rows().get(0));
        assertEquals(List.of("an instance the log does not name", "2026-12-01T03:10:01Z", "2026-12-01T03:10:02Z", "never",
                "—", "—", "—", "/x:1"), table.rows().get(1));
        Details.TimeSeries series = details.series().get(0);
        assertEquals(List.of(new Details.Point(T, 95.5)), series.points());
        assertEquals(List.of(new Details.Threshold("max_frozen", 60.0)), series.thresholds());
        assertEquals("s", series.unit());
    }

    @Test
    void withNoResumedFreezeThereIsATableButNoSeries() {
        Details details = FreezeTable.details(new FreezeHistory(List.of(), List.of(), List.of(), 0, List.of()),
                Duration.ofSeconds(60));
        assertEquals(1, details.tables().size());
        assertTrue(details.series().isEmpty());
    }

    @Test
    void durationsReadInTheirUnit() {
        assertEquals("95 s", FreezeTable.seconds(Duration.ofSeconds(95)));
        assertEquals("4.21 s", FreezeTable.seconds(Duration.ofMillis(4210)));
        assertEquals("119 s", FreezeTable.span(Duration.ofSeconds(119)));
        assertEquals("2 min", FreezeTable.span(Duration.ofSeconds(120)));
        assertEquals("119 min", FreezeTable.span(Duration.ofSeconds(7199)));
        assertEquals("2 h", FreezeTable.span(Duration.ofSeconds(7200)));
        assertEquals("26 h", FreezeTable.span(Duration.ofHours(26)));
        assertEquals("80.8 h", FreezeTable.span(Duration.ofMinutes(4850)));
    }

    @Test
    void consoleLogsAreMessagesLogAndCconsoleLogWithTheirRotations() {
        for (String file : List.of("/usr/irissys/mgr/messages.log", "/usr/irissys/mgr/messages.log.1",
                "/usr/cachesys/mgr/cconsole.log", "/x/cconsole.log-20261130.gz", "messages.log")) {
            assertTrue(FreezeLogSources.consoleLog(file), file);
        }
        for (String file : List.of("/var/log/IRIS-pre_post.log", "/var/log/snapshot.log", "/x/mymessages.log",
                "/x/messages.log.d/other", "/x/messages.logger")) {
            assertFalse(FreezeLogSources.consoleLog(file), file);
        }
        assertEquals(List.of("messages.log"), FreezeLogSources.consoleLogs(InstanceSource.Product.IRIS));
        assertEquals(List.of("cconsole.log"), FreezeLogSources.consoleLogs(InstanceSource.Product.CACHE));
        assertEquals(List.of("messages.log", "cconsole.log"), FreezeLogSources.consoleLogs(InstanceSource.Product.UNKNOWN));
    }
}
