package dev.quiesce.model;

import java.util.List;
import java.util.Objects;

/** What a check decided, before the engine attaches the rule's identity to it. */
public record Verdict(Status status, String observed, String expected, String message, List<Evidence> evidence,
                      Details details) {
    public Verdict {
        Objects.requireNonNull(status, "status");
        evidence = List.copyOf(evidence);
        details = details == null ? Details.NONE : details;
    }

    public Verdict(Status status, String observed, String expected, String message, List<Evidence> evidence) {
        this(status, observed, expected, message, evidence, Details.NONE);
    }

    /** The same verdict with tables or charts attached. */
    public Verdict withDetails(Details more) {
        return new Verdict(status, observed, expected, message, evidence, more);
    }

    public static Verdict pass(String observed, String expected, String message, List<Evidence> evidence) {
        return new Verdict(Status.PASS, observed, expected, message, evidence);
    }

    public static Verdict fail(String observed, String expected, String message, List<Evidence> evidence) {
        return new Verdict(Status.FAIL, observed, expected, message, evidence);
    }

    /** The check could not decide; {@code reason} says why in words a person can act on. */
    public static Verdict error(String expected, String reason, List<Evidence> evidence) {
        return new Verdict(Status.ERROR, "unknown", expected, reason, evidence);
    }
}
