package dev.quiesce.model;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** One thing wrong in a configuration file, at its place: {@code file:line:column: message}. */
public record Problem(String file, int line, int column, String message) implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column).thenComparing(Problem::message);

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }

    static String describe(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems:\n" + problems.stream().sorted().map(p -> "  " + p)
                .collect(Collectors.joining("\n"));
    }
}
