package dev.quiesce.facts.freezelog;

import dev.quiesce.facts.Lines;
import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.freezelog.LogEvent.Kind;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the lines a {@code grep -F} of {@link FreezeLogStrings#FIXED} picked from one freeze log or messages.log
 * into {@link LogEvent}s, in the order given. Continuation lines have no time stamp and are read by their line
 * number: a {@code Journal marker set at} line takes its {@code offset <N> of <journal>} from the next line of the
 * same file (number + 1) unless the offset is on the marker line itself, as messages.log may write it. A line that
 * holds a fixed string but none of the events is ignored; text after an event's phrase is ignored too. An event
 * that needs a time (suspend, resume, a wrapper's report) but has no readable one is not made an event: it is a
 * problem instead, so a check can say it could not decide rather than judge without it. Never throws; at most
 * {@link #MAX_PROBLEMS} problems are kept.
 */
public final class FreezeLogParser {
    static final int MAX_PROBLEMS = 100;
    private static final int MAX_SHOWN = 200;
    private static final Pattern BACKUP_GENERAL = Pattern.compile("Backup\\.General\\.External\\w{0,40}:\\s*");
    private static final String RESTORE_FROM = "Start a journal restore for this backup with journal file:";
    private static final Pattern SWITCHED = Pattern.compile("Journal(?:ing| file) switched to:\\s*");
    private static final String MARKER = "Journal marker set at";
    private static final Pattern OFFSET = Pattern.compile("\\s*offset\\s+(\\d{1,18})\\s+of\\s+(\\S.*)");
    private static final Pattern WRAPPER = Pattern.compile(
            "(?:(\\S{1,64})\\s+)?(IS FROZEN|FREEZE FAILED|IS THAWED|THAW FAILED)");
    private static final Pattern UNKNOWN_STATUS = Pattern.compile("Unknown status code:?\\s*(-?\\d{1,9})?");

    private FreezeLogParser() {}

    /** The events read, in line order, and the lines that looked like events but could not be read as one. */
    public record Parsed(List<LogEvent> events, List<String> problems) {
        public Parsed {
            events = List.copyOf(events);
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param zone the host's zone, in which local time stamps are read
     * @param zoneAbbreviation the host's own zone abbreviation ({@code date +%Z}), possibly empty
     */
    public static Parsed parse(List<Lines.Line> lines, ZoneId zone, String zoneAbbreviation) {
        Problems problems = new Problems();
        return new Parsed(parse(lines, zone, zoneAbbreviation, problems), problems.list());
    }

    static List<LogEvent> parse(List<Lines.Line> lines, ZoneId zone, String zoneAbbreviation, Problems problems) {
        String abbreviation = Objects.requireNonNullElse(zoneAbbreviation, "");
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Lines.Line line = lines.get(i);
            LogTime.Stamp stamp = LogTime.read(line.text(), zone, abbreviation);
            String rest = stamp.rest().strip();
            int markerAt = rest.indexOf(MARKER);
            if (markerAt >= 0) {
                Matcher offset = OFFSET.matcher(rest.substring(markerAt + MARKER.length()));
                Lines.Line next = i + 1 < lines.size() ? lines.get(i + 1) : null;
                if (offset.matches()) {
                    events.add(marker(line, line.text(), stamp, offset));
                } else if (next != null && next.file().equals(line.file()) && next.number() == line.number() + 1
                        && (offset = OFFSET.matcher(next.text().strip())).matches()) {
                    events.add(marker(line, line.text() + "\n" + next.text(), stamp, offset));
                    i++;
                } else {
                    problems.add(line, "a journal marker line with no \"offset <N> of <journal>\" on it or on the"
                            + " next line");
                    events.add(event(Kind.MARKER, line, line.text(), stamp, Optional.empty(), OptionalLong.empty(),
                            Optional.empty(), OptionalLong.empty()));
                }
                continue;
            }
            Matcher switched = SWITCHED.matcher(rest);
            if (switched.find()) {
                String path = rest.substring(switched.end()).strip();
                events.add(event(Kind.JOURNAL_SWITCHED, line, line.text(), stamp,
                        path.isEmpty() ? Optional.empty() : Optional.of(path), OptionalLong.empty(), Optional.empty(),
                        OptionalLong.empty()));
                continue;
            }
            Matcher backup = BACKUP_GENERAL.matcher(rest);
            if (backup.find()) {
                backupGeneral(line, stamp, rest.substring(backup.end()), events, problems);
                continue;
            }
            Matcher unknown = UNKNOWN_STATUS.matcher(rest);
            if (unknown.find()) {
                timed(Kind.WRAPPER_UNKNOWN_STATUS, line, stamp, Optional.empty(), unknown.group(1) == null
                        ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(unknown.group(1))), events, problems);
                continue;
            }
            Matcher wrapper = WRAPPER.matcher(rest);
            if (wrapper.find()) {
                Kind kind = switch (wrapper.group(2)) {
                    case "IS FROZEN" -> Kind.WRAPPER_FROZEN;
                    case "FREEZE FAILED" -> Kind.WRAPPER_FREEZE_FAILED;
                    case "IS THAWED" -> Kind.WRAPPER_THAWED;
                    default -> Kind.WRAPPER_THAW_FAILED;
                };
                timed(kind, line, stamp, Optional.ofNullable(wrapper.group(1)), OptionalLong.empty(), events, problems);
            }
            // Anything else (a lone "offset " line, "Warning, <dir> is not being journalled") says nothing of a freeze.
        }
        return events;
    }

    private static void backupGeneral(Lines.Line line, LogTime.Stamp stamp, String text, List<LogEvent> events,
            Problems problems) {
        if (text.startsWith(RESTORE_FROM)) {
            String path = text.substring(RESTORE_FROM.length()).strip();
            events.add(event(Kind.RESTORE_FROM, line, line.text(), stamp,
                    path.isEmpty() ? Optional.empty() : Optional.of(path), OptionalLong.empty(), Optional.empty(),
                    OptionalLong.empty()));
            return;
        }
        Kind kind = text.startsWith("Suspending system") ? Kind.SUSPENDING
                : text.startsWith("System suspended") ? Kind.SUSPENDED
                : text.startsWith("Resuming system") ? Kind.RESUMING
                : text.startsWith("System resumed") ? Kind.RESUMED
                : null;
        if (kind != null) {
            timed(kind, line, stamp, Optional.empty(), OptionalLong.empty(), events, problems);
        }
    }

    /** An event that means nothing without its time: with none readable it is a problem, not an event. */
    private static void timed(Kind kind, Lines.Line line, LogTime.Stamp stamp, Optional<String> instance,
            OptionalLong code, List<LogEvent> events, Problems problems) {
        if (stamp.time().isEmpty()) {
            problems.add(line, "looks like " + kind + " but has no readable time stamp"
                    + stamp.unreadable().map(why -> " (" + why + ")").orElse(""));
            return;
        }
        events.add(event(kind, line, line.text(), stamp, Optional.empty(), OptionalLong.empty(), instance, code));
    }

    private static LogEvent marker(Lines.Line line, String text, LogTime.Stamp stamp, Matcher offset) {
        return event(Kind.MARKER, line, text, stamp, Optional.of(offset.group(2).strip()),
                OptionalLong.of(Long.parseLong(offset.group(1))), Optional.empty(), OptionalLong.empty());
    }

    private static LogEvent event(Kind kind, Lines.Line line, String text, LogTime.Stamp stamp, Optional<String> path,
            OptionalLong offset, Optional<String> instance, OptionalLong code) {
        return new LogEvent(kind, line.file(), line.number(), text, stamp.time(), stamp.zoneAssumed(), path, offset,
                instance, code);
    }

    /** Problems as evidence shows them: host text escaped and cut, at most {@link #MAX_PROBLEMS} kept. */
    static final class Problems {
        private final List<String> list = new ArrayList<>();
        private int dropped;

        void add(Lines.Line line, String why) {
            add(ShownText.escaped(line.file()) + ":" + line.number() + ": " + why + ": " + shown(line.text()));
        }

        void add(String problem) {
            if (list.size() < MAX_PROBLEMS) {
                list.add(problem);
            } else {
                dropped++;
            }
        }

        List<String> list() {
            List<String> out = new ArrayList<>(list);
            if (dropped > 0) {
                out.add("... and " + dropped + " more problem(s)");
            }
            return out;
        }

        private static String shown(String text) {
            String cut = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
            return ShownText.escaped(cut);
        }
    }
}
