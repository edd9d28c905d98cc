package dev.quiesce.model;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as rule packs write them: a number and a unit, {@code ms}, {@code s}, {@code m},
 * {@code h} or {@code d}, several in a row if need be ({@code 500ms}, {@code 26h}, {@code 8d},
 * {@code 1h30m}).
 */
public final class DurationText {
    private static final Pattern WHOLE = Pattern.compile("([0-9]{1,9}(ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

    private DurationText() {}

    public static Optional<Duration> parse(String text) {
        if (text == null || !WHOLE.matcher(text).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            long n = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        return Optional.of(total);
    }

    /** The shortest way to write {@code duration} in the same notation: {@code 26h}, {@code 1h30m}, {@code 500ms}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long days = duration.toDays();
        if (days > 0) {
            out.append(days).append('d');
        }
        append(out, duration.toHoursPart(), "h");
        append(out, duration.toMinutesPart(), "m");
        append(out, duration.toSecondsPart(), "s");
        append(out, duration.toMillisPart(), "ms");
        return out.toString();
    }

    private static void append(StringBuilder out, long value, String unit) {
        if (value > 0) {
            out.append(value).append(unit);
        }
    }
}
