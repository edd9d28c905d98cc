package dev.quiesce.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Structured evidence beyond one line: named tables and time series. Every report format renders
 * them generically, so a check adds a table (freeze history, snapshot list) or a chart (stun times
 * against the mirror QoS timeout) without touching a template.
 */
public record Details(List<Table> tables, List<TimeSeries> series) {
    public static final Details NONE = new Details(List.of(), List.of());

    public Details {
        tables = List.copyOf(tables);
        series = List.copyOf(series);
    }

    public boolean isEmpty() {
        return tables.isEmpty() && series.isEmpty();
    }

    /** A named table; every row has one cell per column. */
    public record Table(String name, List<String> columns, List<List<String>> rows) {
        public Table {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("table '" + name + "': a row has " + row.size()
                            + " cells for " + columns.size() + " columns");
                }
            }
        }
    }

    /** Values over time in one unit, with horizontal threshold lines to judge them against. */
    public record TimeSeries(String name, String unit, List<Point> points, List<Threshold> thresholds) {
        public TimeSeries {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            points = points.stream().sorted(java.util.Comparator.comparing(Point::time)).toList();
            thresholds = List.copyOf(thresholds);
        }
    }

    public record Point(Instant time, double value) {
        public Point {
            Objects.requireNonNull(time, "time");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a point's value must be finite");
            }
        }
    }

    public record Threshold(String label, double value) {
        public Threshold {
            Objects.requireNonNull(label, "label");
        }
    }
}
