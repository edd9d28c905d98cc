package dev.quiesce.facts.iris;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the inventory variable that names a host's instances where no command can list them (a directory
 * tree read with {@code --root}): {@code NAME=DIR,NAME=DIR} (blanks around an entry are allowed), or
 * {@code none} for a host that runs no instance. Read strictly, since nothing on the host can correct it:
 * every entry must be an instance name, {@code =}, and an absolute directory with no {@code .} or
 * {@code ..} name; a name given twice, an empty entry or a control character is a problem that names the
 * entry. Never throws.
 */
public final class InventoryInstances {
    /** The value that says, explicitly, that the host runs no instance. */
    public static final String NONE = "none";

    private InventoryInstances() {}

    /** The instances named, or every problem found, each naming its entry. */
    public record Parsed(List<Instance> instances, List<String> problems) {
        public Parsed {
            instances = List.copyOf(instances);
            problems = List.copyOf(problems);
        }
    }

    public static Parsed parse(String value) {
        if (value.strip().equals(NONE)) {
            return new Parsed(List.of(), List.of());
        }
        if (value.isBlank()) {
            return new Parsed(List.of(), List.of("it is empty: write NAME=DIR,NAME=DIR (for example "
                    + "IRIS=/usr/irissys), or none"));
        }
        List<Instance> instances = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] entries = value.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            String where = "entry " + (i + 1) + (entry.isEmpty() ? "" : " '" + shown(entry) + "'");
            Optional<String> why = problem(entry, names);
            if (why.isPresent()) {
                problems.add(where + ": " + why.get());
                continue;
            }
            int equals = entry.indexOf('=');
            String name = entry.substring(0, equals).strip();
            String directory = Instance.withoutFinalSlashes(entry.substring(equals + 1).strip());
            names.add(name);
            instances.add(new Instance(name, directory, "", Instance.State.UNKNOWN, "named in the inventory",
                    Optional.empty(), Optional.empty(), Optional.empty(), i + 1));
        }
        return problems.isEmpty() ? new Parsed(instances, List.of()) : new Parsed(List.of(), problems);
    }

    private static Optional<String> problem(String entry, Set<String> names) {
        if (entry.isEmpty()) {
            return Optional.of("is empty (two commas in a row, or one at an end)");
        }
        if (entry.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("holds a control character");
        }
        int equals = entry.indexOf('=');
        if (equals < 0) {
            return Optional.of("has no '=': write NAME=DIR");
        }
        if (entry.indexOf('=', equals + 1) >= 0) {
            return Optional.of("has more than one '=': write NAME=DIR, one instance per entry");
        }
        String name = entry.substring(0, equals).strip();
        String directory = entry.substring(equals + 1).strip();
        if (!QlistParser.INSTANCE_NAME.matcher(name).matches()) {
            return Optional.of(name.isEmpty() ? "has no instance name before '='"
                    : "'" + shown(name) + "' is not an instance name (letters, digits, _ % . -, at most 64)");
        }
        if (!directory.startsWith("/")) {
            return Optional.of(directory.isEmpty() ? "has no directory after '='"
                    : "the directory '" + shown(directory) + "' is not absolute");
        }
        for (String part : directory.split("/")) {
            if (part.equals(".") || part.equals("..")) {
                return Optional.of("the directory " + shown(directory) + " holds a '" + part
                        + "' name: write the directory itself");
            }
        }
        if (names.contains(name)) {
            return Optional.of("instance " + name + " is named twice");
        }
        return Optional.empty();
    }

    /** Entries are the inventory's text, not the host's, yet stay one line in a message. */
    private static String shown(String text) {
        String line = text.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 100 ? line.substring(0, 100) + "..." : line;
    }
}
