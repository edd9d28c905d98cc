package dev.quiesce.facts.freezelog;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time stamp a freeze-log line starts with, in one of three styles, all in the host's local time
 * unless a zone is printed:
 * <ul>
 * <li>the LogFile's {@code MM/DD/YYYY HH:MM:SS: text};
 * <li>messages.log's {@code MM/DD/YY-HH:MM:SS:mmm (pid) sev [Category] text}, {@code YY} read as {@code 20YY};
 * <li>a wrapper's {@code date} output then {@code : text}, in the C locale ({@code Wed Jan  4 16:30:35 EST 2017})
 *     or glibc's en_US one ({@code Wed 04 Jan 2017 04:30:35 PM EST}), the zone optional.
 * </ul>
 * A printed UTC, GMT or Z is UTC; an abbreviation equal to the host's own is the host's zone; any other is
 * read in the host's zone too, and the stamp says the zone was assumed. A local time is placed as
 * {@link ZonedDateTime#ofLocal} places it with no preferred offset (the earlier offset in an overlap, shifted
 * by the gap's length in a gap). The weekday is not checked against the date. Never throws.
 */
final class LogTime {
    private static final String DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");
    private static final String MONTH = "(" + String.join("|", MONTHS) + ")";
    private static final String ZONE = "([A-Za-z]{1,6}|[+-]\\d{2,4})";
    private static final Pattern LOG_FILE = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4}) (\\d{1,2}):(\\d{2}):(\\d{2}):\\s*");
    private static final Pattern MESSAGES_LOG = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{2})-(\\d{1,2}):(\\d{2}):(\\d{2}):(\\d{3}) \\(\\d{1,12}\\) \\d(?: \\[[^\\]]{0,100}\\])?\\s*");
    private static final Pattern C_DATE = Pattern.compile(
            DAY + " " + MONTH + " {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?: " + ZONE + ")? (\\d{4}):\\s*");
    private static final Pattern EN_US_DATE = Pattern.compile(
            DAY + " (\\d{1,2}) " + MONTH + " (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) (AM|PM)(?: " + ZONE + ")?:\\s*");

    private LogTime() {}

    /**
     * A line's time and the text after it.
     *
     * @param time empty when the line has no time stamp or one that names no real time
     * @param rest the text after the stamp (the whole line when there is none)
     * @param unreadable why a stamp-shaped prefix gave no time (month 13, hour 25, 12-hour clock at 13)
     */
    record Stamp(Optional<Instant> time, boolean zoneAssumed, String rest, Optional<String> unreadable) {
        /** This stamp, marked as read in an assumed zone when it printed one that is neither UTC nor the host's. */
        Stamp assumed(String printed, String hostAbbreviation) {
            boolean assumed = printed != null && !isUtc(printed) && !printed.equals(hostAbbreviation);
            return assumed && time.isPresent() ? new Stamp(time, true, rest, unreadable) : this;
        }
    }

    static Stamp read(String text, ZoneId zone, String zoneAbbreviation) {
        Matcher m = LOG_FILE.matcher(text);
        if (m.lookingAt()) {
            return local(m, text, zone, number(m, 3), number(m, 1), number(m, 2), number(m, 4), number(m, 5),
                    number(m, 6), 0);
        }
        m = MESSAGES_LOG.matcher(text);
        if (m.lookingAt()) {
            return local(m, text, zone, 2000 + number(m, 3), number(m, 1), number(m, 2), number(m, 4), number(m, 5),
                    number(m, 6), number(m, 7));
        }
        m = C_DATE.matcher(text);
        if (m.lookingAt()) {
            return local(m, text, zoneOf(m.group(6), zone), number(m, 7),
                    MONTHS.indexOf(m.group(1)) + 1, number(m, 2), number(m, 3), number(m, 4), number(m, 5), 0)
                    .assumed(m.group(6), zoneAbbreviation);
        }
        m = EN_US_DATE.matcher(text);
        if (m.lookingAt()) {
            int hour = number(m, 4);
            if (hour < 1 || hour > 12) {
                return new Stamp(Optional.empty(), false, text.substring(m.end()),
                        Optional.of("hour " + hour + " on a 12-hour clock"));
            }
            int hour24 = hour % 12 + (m.group(7).equals("PM") ? 12 : 0);
            return local(m, text, zoneOf(m.group(8), zone), number(m, 3),
                    MONTHS.indexOf(m.group(2)) + 1, number(m, 1), hour24, number(m, 5), number(m, 6), 0)
                    .assumed(m.group(8), zoneAbbreviation);
        }
        return new Stamp(Optional.empty(), false, text, Optional.empty());
    }

    private static Stamp local(Matcher m, String text, ZoneId zone, int year, int month, int day, int hour,
            int minute, int second, int millis) {
        String rest = text.substring(m.end());
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000);
            return new Stamp(Optional.of(ZonedDateTime.ofLocal(local, zone, null).toInstant()), false, rest,
                    Optional.empty());
        } catch (DateTimeException e) {
            return new Stamp(Optional.empty(), false, rest, Optional.of("no such time: " + e.getMessage()));
        }
    }

    private static ZoneId zoneOf(String printed, ZoneId host) {
        return printed != null && isUtc(printed) ? ZoneOffset.UTC : host;
    }

    private static boolean isUtc(String printed) {
        return printed.equals("UTC") || printed.equals("GMT") || printed.equals("Z");
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group)); // at most four digits: cannot overflow
    }
}
