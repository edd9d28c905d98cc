package dev.quiesce.facts.iris;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An instance's configuration file ({@code iris.cpf}, {@code cache.cpf}): {@code [Section]} lines and
 * {@code Key=Value} lines, read for what the checks need (mirrors and their QoS timeout, mirror
 * membership, journal directories). Never throws: a line that is neither is skipped and counted.
 */
public final class Cpf {
    /** The QoS timeout an empty fifth field means (it was 2000 ms before 2015). */
    public static final Duration DEFAULT_QOS = Duration.ofMillis(8000);
    private static final int QOS_FIELD = 4;

    private final List<Entry> entries;
    private final List<Integer> unreadLines;

    private Cpf(List<Entry> entries, List<Integer> unreadLines) {
        this.entries = List.copyOf(entries);
        this.unreadLines = List.copyOf(unreadLines);
    }

    /** One {@code Key=Value} line of a section (1-based line number). */
    public record Entry(String section, String key, String value, int line) {}

    /**
     * One line of {@code [Mirrors]}: {@code NAME=f1,f2,f3,f4,QOSTimeout,...}. The QoS timeout is empty,
     * with {@code why}, when the fifth field is not a number of milliseconds.
     */
    public record Mirror(String name, Optional<Duration> qosTimeout, boolean qosDefaulted, String why, int line) {}

    public static Cpf parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<Integer> unread = new ArrayList<>();
        String section = "";
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int equals = line.indexOf('=');
            if (line.isEmpty()) {
                continue;
            } else if (line.startsWith("[") && line.endsWith("]") && line.length() > 2) {
                section = line.substring(1, line.length() - 1).strip();
            } else if (equals > 0 && !section.isEmpty()) {
                entries.add(new Entry(section, line.substring(0, equals).strip(), line.substring(equals + 1).strip(),
                        i + 1));
            } else {
                unread.add(i + 1);
            }
        }
        return new Cpf(entries, unread);
    }

    public List<Entry> section(String name) {
        return entries.stream().filter(e -> e.section().equals(name)).toList();
    }

    /** The last value of {@code key} in {@code section} (a later line overrides an earlier one). */
    public Optional<String> value(String section, String key) {
        return section(section).stream().filter(e -> e.key().equals(key)).reduce((a, b) -> b).map(Entry::value);
    }

    /** Lines that were neither a section nor a key and value, nor blank. */
    public List<Integer> unreadLines() {
        return unreadLines;
    }

    /** The mirrors this instance belongs to, from {@code [Mirrors]}, with their QoS timeouts. */
    public List<Mirror> mirrors() {
        return section("Mirrors").stream().map(Cpf::mirror).toList();
    }

    private static Mirror mirror(Entry entry) {
        String[] fields = entry.value().split(",", -1);
        if (fields.length <= QOS_FIELD) {
            return new Mirror(entry.key(), Optional.empty(), false, "the line has " + fields.length
                    + " comma-separated values; the QoS timeout is the fifth", entry.line());
        }
        String qos = fields[QOS_FIELD].strip();
        if (qos.isEmpty()) {
            return new Mirror(entry.key(), Optional.of(DEFAULT_QOS), true, "", entry.line());
        }
        if (!qos.matches("[0-9]{1,9}")) {
            return new Mirror(entry.key(), Optional.empty(), false, "the fifth value '" + qos
                    + "' is not a number of milliseconds", entry.line());
        }
        return new Mirror(entry.key(), Optional.of(Duration.ofMillis(Long.parseLong(qos))), false, "", entry.line());
    }

    /** The {@code [MirrorMember]} entries that hold a value: a default CPF has the section, empty. */
    public List<Entry> mirrorMemberEntries() {
        return section("MirrorMember").stream().filter(e -> !e.value().isEmpty()).toList();
    }

    /** {@code [Journal]} {@code CurrentDirectory} and {@code AlternateDirectory}, where set. */
    public List<String> journalDirectories() {
        return java.util.stream.Stream.of("CurrentDirectory", "AlternateDirectory")
                .map(key -> value("Journal", key)).flatMap(Optional::stream).filter(v -> !v.isEmpty()).toList();
    }
}
