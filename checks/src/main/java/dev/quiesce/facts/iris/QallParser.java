package dev.quiesce.facts.iris;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code iris qall} / {@code ccontrol qall}, the fallback where {@code qlist} is missing: a header
 * (column names, then a rule of dashes), then one row per instance. The first two columns are the
 * status ({@code up}, {@code dn}), the fourth is {@code >} for the default instance, and from the fifth
 * come name, version, superserver port and directory, separated by blanks (a long name pushes the
 * others right, so columns are read as words, not by position). Never throws: a row it cannot read is
 * skipped with why.
 */
public final class QallParser {
    private QallParser() {}

    public static InstanceList parse(String output) {
        List<String> lines = output.lines().map(String::stripTrailing).toList();
        int first = firstRow(lines);
        List<Instance> instances = new ArrayList<>();
        List<InstanceList.Skipped> skipped = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = first; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] words = line.length() > 4 ? line.substring(4).strip().split("\\s+", 4) : new String[0];
            Optional<String> why = problem(line, words, names);
            if (why.isPresent()) {
                skipped.add(new InstanceList.Skipped(i + 1, line, why.get()));
                continue;
            }
            names.add(words[0]);
            String code = line.substring(0, 2);
            instances.add(new Instance(words[0], words[3], words[1], InstanceStates.ofCode(code), code,
                    Optional.empty(), Optional.empty(), Optional.empty(), i + 1));
        }
        return new InstanceList(instances, skipped);
    }

    /** The line after the rule of dashes; without one, the line after the two header lines. */
    private static int firstRow(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (isRule(lines.get(i))) {
                return i + 1;
            }
        }
        return Math.min(2, lines.size());
    }

    /**
     * Blanks, then at least three dashes, then dashes and blanks only: checked in one pass, since the pattern
     * {@code " *-{3,}[- ]*"} backtracks quadratically on a long run of dashes that ends otherwise.
     */
    private static boolean isRule(String line) {
        int start = 0;
        while (start < line.length() && line.charAt(start) == ' ') {
            start++;
        }
        return line.startsWith("---", start) && line.chars().allMatch(c -> c == '-' || c == ' ');
    }

    private static Optional<String> problem(String line, String[] words, Set<String> names) {
        if (words.length < 4 || line.charAt(2) != ' ' || (line.charAt(3) != ' ' && line.charAt(3) != '>')) {
            return Optional.of("not a row of status, name, version, port and directory");
        }
        if (!QlistParser.INSTANCE_NAME.matcher(words[0]).matches()) {
            return Optional.of("the name column holds no instance name");
        }
        if (!words[3].startsWith("/")) {
            return Optional.of("the directory column holds no absolute directory");
        }
        if (names.contains(words[0])) {
            return Optional.of("instance " + words[0] + " is listed twice");
        }
        return Optional.empty();
    }
}
