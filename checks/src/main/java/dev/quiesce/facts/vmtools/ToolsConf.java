package dev.quiesce.facts.vmtools;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /etc/vmware-tools/tools.conf} read as vmtoolsd reads it: a GLib key file. GLib is stricter than
 * an INI reader: a line that is neither blank, a {@code #} comment, a {@code [group]} nor {@code key=value}
 * (a {@code ;} comment, a stray word) makes the whole file fail to load, and so does a key before any
 * group (what vmtoolsd then runs with: {@link Refusal}). A later key or group of the same name wins. Booleans are
 * {@code true}, {@code false}, {@code 1} or {@code 0} exactly (surrounding blanks aside); anything else
 * ({@code False}, {@code true # comment}) cannot be read and vmtoolsd uses the default. The rules here are
 * GLib's {@code gkeyfile.c}, checked side by side with GLib itself in the tests.
 */
public final class ToolsConf {
    private final Optional<Refusal> refusal;
    private final Map<String, Map<String, Entry>> groups;

    private ToolsConf(Optional<Refusal> refusal, Map<String, Map<String, Entry>> groups) {
        this.refusal = refusal;
        this.groups = groups;
    }

    /** One {@code key=value} line: the value with leading blanks removed, as GLib keeps it, and its line. */
    public record Entry(String key, String value, int line) {}

    /**
     * Why GLib would not load the file, and at which line. vmtoolsd then ignores the whole file
     * (libvmtools/vmtoolsConfig.c, VMTools_LoadConfig, read on open-vm-tools master of May 2026): a
     * vmtoolsd that starts with it runs with its defaults, and one already running keeps the dictionary it
     * loaded before, except when {@code loadsEmpty}: GLib's "does not start with a group" error, which
     * vmtoolsd takes as a loaded file holding what GLib read before the error (nothing), so every key
     * takes its default from the next reload on.
     */
    public record Refusal(int line, String why, boolean loadsEmpty) {
        public Refusal(int line, String why) {
            this(line, why, false);
        }
    }

    public static ToolsConf parse(String text) {
        Map<String, Map<String, Entry>> groups = new HashMap<>();
        Map<String, Entry> group = null;
        List<String> lines = List.of(text.split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = stripLeading(raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw);
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (isGroupLine(line)) {
                String name = line.substring(1, line.indexOf(']'));
                if (!isGroupName(name)) {
                    return refused(number, "'" + name + "' is not a group name");
                }
                group = groups.computeIfAbsent(name, n -> new HashMap<>());
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                return refused(number, "the line is not a [group], a key=value or a # comment");
            }
            String key = stripTrailing(line.substring(0, equals));
            if (!isKeyName(key)) {
                return refused(number, "'" + key + "' is not a key name");
            }
            if (group == null) {
                return new ToolsConf(Optional.of(new Refusal(number, "a key before the first [group]", true)), Map.of());
            }
            group.put(key, new Entry(key, stripLeading(line.substring(equals + 1)), number));
        }
        return new ToolsConf(Optional.empty(), groups);
    }

    private static ToolsConf refused(int line, String why) {
        return new ToolsConf(Optional.of(new Refusal(line, why)), Map.of());
    }

    /** Present when GLib would refuse the whole file. */
    public Optional<Refusal> refusal() {
        return refusal;
    }

    /** The entry that wins for {@code key} in {@code group}: the last one written. */
    public Optional<Entry> entry(String group, String key) {
        return Optional.ofNullable(groups.getOrDefault(group, Map.of()).get(key));
    }

    /** The value as a GLib boolean, or empty when GLib cannot read it as one (vmtoolsd then uses its default). */
    public static Optional<Boolean> asBoolean(String value) {
        return switch (stripTrailing(value)) {
            case "true", "1" -> Optional.of(true);
            case "false", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** The value as a GLib integer (a C {@code int}), or empty when GLib cannot read it as one. */
    public static Optional<Integer> asInteger(String value) {
        String digits = stripTrailing(value);
        if (!digits.matches("[+-]?[0-9]{1,10}")) {
            return Optional.empty();
        }
        long number = Long.parseLong(digits);
        return number < Integer.MIN_VALUE || number > Integer.MAX_VALUE ? Optional.empty()
                : Optional.of((int) number);
    }

    /**
     * The value as GLib's {@code g_key_file_get_string} gives it (what {@code VMTools_ConfigGetString}
     * returns): the escapes {@code \\s \\n \\t \\r \\\\} replaced, blanks at the end kept; empty when GLib
     * refuses it (another escape, or a {@code \\} at the end), and vmtoolsd then takes the default.
     */
    public static Optional<String> asString(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == value.length()) {
                return Optional.empty();
            }
            switch (value.charAt(i)) {
                case 's' -> out.append(' ');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\' -> out.append('\\');
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(out.toString());
    }

    /** {@code [name]}, then only blanks and tabs. */
    private static boolean isGroupLine(String line) {
        int close = line.indexOf(']');
        return line.startsWith("[") && close > 0 && line.substring(close + 1).chars().allMatch(c -> c == ' ' || c == '\t');
    }

    private static boolean isGroupName(String name) {
        return !name.isEmpty() && name.chars().noneMatch(c -> c == '[' || c == ']' || c < 0x20 || c == 0x7f);
    }

    /** Not empty, no blank at either end, no {@code [ ] =} except a locale suffix {@code key[xx]}. */
    private static boolean isKeyName(String key) {
        int end = 0;
        while (end < key.length() && "=[]".indexOf(key.charAt(end)) < 0) {
            end++;
        }
        if (end == 0 || key.charAt(0) == ' ' || key.charAt(end - 1) == ' ') {
            return false;
        }
        if (end < key.length() && key.charAt(end) == '[') {
            int close = end + 1;
            while (close < key.length() && (Character.isLetterOrDigit(key.charAt(close)) || "-_.@".indexOf(key.charAt(close)) >= 0)) {
                close++;
            }
            return close == key.length() - 1 && key.charAt(close) == ']';
        }
        return end == key.length();
    }

    /** GLib's {@code g_ascii_isspace}: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
