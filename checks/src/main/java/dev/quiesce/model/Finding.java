package dev.quiesce.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The outcome of one rule on one host, with what was observed, what was expected and why. */
public record Finding(
        String rule,
        String title,
        Severity severity,
        Status status,
        String observed,
        String expected,
        String message,
        List<Evidence> evidence,
        Details details) {

    /** Reports list findings by rule id, so two runs of the same audit diff cleanly. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::rule);

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(status, "status");
        observed = observed == null ? "" : observed;
        expected = expected == null ? "" : expected;
        message = message == null ? "" : message;
        evidence = List.copyOf(evidence);
        details = details == null ? Details.NONE : details;
    }

    public static Finding of(Rule rule, Verdict verdict) {
        return new Finding(rule.id(), rule.title(), rule.severity(), verdict.status(), verdict.observed(),
                verdict.expected(), verdict.message(), verdict.evidence(), verdict.details());
    }
}
