package dev.quiesce.report;

import dev.quiesce.model.Details;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Details.TimeSeries} as a self-contained SVG line chart: time on the x axis (UTC),
 * the value with its unit on the y axis, each threshold as a labelled dashed line, each point in the
 * colour of the highest threshold it exceeds (red above the highest). HTML embeds the SVG; the PDF gets the same drawing as PNG
 * ({@link ChartPng}), so the chart is drawn once.
 */
final class ChartSvg {
    static final int WIDTH = 720;
    static final int HEIGHT = 280;
    private static final int LEFT = 70;
    private static final int RIGHT = 150;
    private static final int TOP = 30;
    private static final int BOTTOM = 50;
    private static final String FONT = "font-family=\"DejaVu Sans, Arial, sans-serif\"";

    private ChartSvg() {}

    static String render(Details.TimeSeries series) {
        List<Details.Point> points = series.points();
        Instant first = points.isEmpty() ? Instant.EPOCH : points.get(0).time();
        Instant last = points.isEmpty() ? Instant.EPOCH.plusSeconds(60) : points.get(points.size() - 1).time();
        if (!last.isAfter(first)) {
            first = first.minusSeconds(60);
            last = last.plusSeconds(60);
        }
        double max = points.stream().mapToDouble(Details.Point::value).max().orElse(1);
        double highestThreshold = series.thresholds().stream().mapToDouble(Details.Threshold::value).max()
                .orElse(Double.NaN);
        if (!Double.isNaN(highestThreshold)) {
            max = Math.max(max, highestThreshold);
        }
        double step = niceStep(Math.max(max, 1e-9) * 1.1 / 5);
        double top = Math.ceil(max * 1.1 / step) * step;
        Scale scale = new Scale(first, last, top);

        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(series.name() + " (" + series.unit() + ")"))
                .append("\">");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\"/>");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"18\" ").append(FONT)
                .append(" font-size=\"13\" font-weight=\"bold\" fill=\"#222\">").append(escape(series.name()))
                .append("</text>");
        for (double v = 0; v <= top + step / 2; v += step) {
            double y = scale.y(v);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#e3e3e3", 1, null));
            svg.append(text(LEFT - 6, y + 4, "end", 11, "#444", number(v)));
        }
        List<Instant> ticks = timeTicks(first, last);
        DateTimeFormatter format = Duration.between(first, last).toHours() >= 24
                ? DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC)
                : DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
        for (Instant tick : ticks) {
            double x = scale.x(tick);
            svg.append(line(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 4, "#444", 1, null));
            svg.append(text(x, HEIGHT - BOTTOM + 17, "middle", 11, "#444", format.format(tick)));
        }
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#444", 1, null));
        svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#444", 1, null));
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 8, "middle", 11, "#444",
                "time (UTC" + (format.toString().contains("MonthOfYear") ? "" : ", "
                        + DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(first)) + ")"));
        svg.append("<text transform=\"translate(16 ").append(fmt((TOP + HEIGHT - BOTTOM) / 2.0))
                .append(") rotate(-90)\" text-anchor=\"middle\" ").append(FONT)
                .append(" font-size=\"11\" fill=\"#444\">").append(escape(series.unit())).append("</text>");
        String[] thresholdColours = {"#d08700", "#c62828", "#6a1b9a"};
        List<Details.Threshold> thresholds = series.thresholds().stream()
                .sorted(java.util.Comparator.comparingDouble(Details.Threshold::value)).toList();
        for (int i = 0; i < thresholds.size(); i++) {
            Details.Threshold t = thresholds.get(i);
            String colour = thresholdColours[Math.min(i, thresholdColours.length - 1)];
            double y = scale.y(t.value());
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, colour, 1.5, "6 4"));
            svg.append(text(WIDTH - RIGHT + 6, y + 4, "start", 11, colour, t.label() + " = " + number(t.value()) + " "
                    + series.unit()));
        }
        if (!points.isEmpty()) {
            svg.append("<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\"");
            for (Details.Point p : points) {
                svg.append(fmt(scale.x(p.time()))).append(',').append(fmt(scale.y(p.value()))).append(' ');
            }
            svg.append("\"/>");
            for (Details.Point p : points) {
                // A point takes the colour of the highest threshold it exceeds.
                String fill = "#1565c0";
                for (int i = 0; i < thresholds.size(); i++) {
                    if (p.value() > thresholds.get(i).value()) {
                        fill = i == thresholds.size() - 1 ? "#c62828"
                                : thresholdColours[Math.min(i, thresholdColours.length - 1)];
                    }
                }
                svg.append("<circle cx=\"").append(fmt(scale.x(p.time()))).append("\" cy=\"")
                        .append(fmt(scale.y(p.value()))).append("\" r=\"3\" fill=\"").append(fill).append("\"/>");
            }
        } else {
            svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, (TOP + HEIGHT - BOTTOM) / 2.0, "middle", 12, "#666",
                    "no data points"));
        }
        return svg.append("</svg>").toString();
    }

    private record Scale(Instant first, Instant last, double top) {
        double x(Instant t) {
            double span = Duration.between(first, last).toMillis();
            return LEFT + (WIDTH - LEFT - RIGHT) * Duration.between(first, t).toMillis() / span;
        }

        double y(double v) {
            return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * v / top;
        }
    }

    static List<Instant> timeTicks(Instant first, Instant last) {
        long span = Duration.between(first, last).getSeconds();
        long[] steps = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
                172800, 604800, 2592000};
        long step = steps[steps.length - 1];
        for (long s : steps) {
            if (span / s <= 6) {
                step = s;
                break;
            }
        }
        long start = (first.getEpochSecond() + step - 1) / step * step;
        java.util.ArrayList<Instant> ticks = new java.util.ArrayList<>();
        for (long t = start; t <= last.getEpochSecond(); t += step) {
            ticks.add(Instant.ofEpochSecond(t));
        }
        return ticks;
    }

    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
                + "\" stroke=\"" + colour + "\" stroke-width=\"" + fmt(width) + "\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String text(double x, double y, String anchor, int size, String colour, String content) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\" " + FONT
                + " font-size=\"" + size + "\" fill=\"" + colour + "\">" + escape(content) + "</text>";
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * XML text and attribute escaping, after {@link ReportText#clean}: controls and bidirectional
     * overrides are shown as escapes, as everywhere else in the report, not dropped.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        ReportText.clean(text).codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (ReportText.allowedInXml(c)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
