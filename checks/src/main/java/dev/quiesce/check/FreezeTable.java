package dev.quiesce.check;

import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.freezelog.Freeze;
import dev.quiesce.facts.freezelog.FreezeHistory;
import dev.quiesce.facts.freezelog.LogEvent;
import dev.quiesce.model.Details;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * How the freeze-log rules show freezes: one line a freeze in findings, and on every finding the table of
 * the window's freezes (instance, start, suspended, resumed, duration, journal file, offset, source) and
 * their durations as a time series against {@code max_frozen}. Times are UTC, as everywhere in a report.
 */
final class FreezeTable {
    static final String TABLE = "Freezes in the window";
    static final String SERIES = "Time frozen per freeze";
    static final List<String> COLUMNS = List.of("instance", "start", "suspended", "resumed", "duration",
            "journal file", "offset", "source");

    private FreezeTable() {}

    static Details details(FreezeHistory history, Duration maxFrozen) {
        List<List<String>> rows = history.freezes().stream().map(f -> List.of(instance(f), time(f.start()),
                f.suspended().map(FreezeTable::time).orElse("—"), f.resumed().map(FreezeTable::time).orElse("never"),
                f.frozenFor().map(FreezeTable::seconds).orElse("—"),
                f.markerFile().or(f::journalFile).map(ShownText::escaped).orElse("—"),
                f.markerOffset().isPresent() ? Long.toString(f.markerOffset().getAsLong()) : "—",
                String.join(", ", f.sources().stream().map(ShownText::escaped).toList()))).toList();
        List<Details.Point> points = history.freezes().stream().filter(f -> f.frozenFor().isPresent())
                .map(f -> new Details.Point(f.start(), f.frozenFor().get().toMillis() / 1000.0)).toList();
        return new Details(List.of(new Details.Table(TABLE, COLUMNS, rows)), points.isEmpty() ? List.of()
                : List.of(new Details.TimeSeries(SERIES, "s", points, List.of(new Details.Threshold("max_frozen",
                maxFrozen.toMillis() / 1000.0)))));
    }

    /** True, with the subject left unchecked, when the window holds no freeze: QZ-JM-005 reports that. */
    static boolean noFreeze(FreezeLogReading reading, Tally tally) {
        if (!reading.history().freezes().isEmpty()) {
            return false;
        }
        tally.notChecked("no freeze in " + reading.window().describe() + " (QZ-JM-005 reports it)");
        return true;
    }

    static String instance(Freeze freeze) {
        return freeze.instance().map(ShownText::escaped).orElse("an instance the log does not name");
    }

    /** {@code IRIS at 2026-11-30T03:10:01Z (/var/log/IRIS-pre_post.log:12)}. */
    static String describe(Freeze freeze) {
        return instance(freeze) + " at " + time(freeze.start()) + " (" + ShownText.escaped(freeze.sources().get(0)) + ")";
    }

    static String where(LogEvent event) {
        return ShownText.escaped(event.where())
                + event.time().map(t -> " (" + time(t) + ")").orElse("");
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code 95 s}, {@code 4.21 s}: whole seconds where the logs give no more. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    /** {@code 95 s}, {@code 42 min}, {@code 26 h}, {@code 80.8 h}: an age or a limit on one. */
    static String span(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        return seconds % 3600 == 0 ? seconds / 3600 + " h" : String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }
}
