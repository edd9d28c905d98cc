package dev.quiesce.model;

import java.util.List;

/**
 * A problem the user can fix: a malformed file, a bad flag, an unknown check type. The message names
 * the place and the fix; the command line prints it without a stack trace.
 */
public class QuiesceException extends RuntimeException {
    private final List<Problem> problems;

    public QuiesceException(String message) {
        this(message, List.of(), null);
    }

    public QuiesceException(String message, Throwable cause) {
        this(message, List.of(), cause);
    }

    public QuiesceException(List<Problem> problems) {
        this(Problem.describe(problems), problems, null);
    }

    private QuiesceException(String message, List<Problem> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, for an embedder that wants them as values; empty for a single-message error. */
    public List<Problem> problems() {
        return problems;
    }
}
