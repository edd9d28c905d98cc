package dev.quiesce.model;

import java.util.Optional;

/** The verdict of a whole audit at a severity threshold, as every output states it. */
public enum RunVerdict {
    /** Nothing failed or stayed undecided at or above the threshold. */
    PASS,
    /** Something did. */
    FAIL,
    /** A host could not be audited: the run proves nothing about it. */
    INCOMPLETE,
    /** No threshold was applied ({@code --fail-on none}). */
    NOT_APPLIED;

    public static RunVerdict of(AuditRun run, Optional<Severity> threshold) {
        if (!run.allHostsAudited()) {
            return INCOMPLETE;
        }
        if (threshold.isEmpty()) {
            return NOT_APPLIED;
        }
        return run.failsAt(threshold.get()) ? FAIL : PASS;
    }

    /** Findings that make the run fail: FAIL or ERROR at or above the threshold. */
    public static long failing(AuditRun run, Severity threshold) {
        return run.findings().filter(f -> f.status().isProblem() && f.severity().atLeast(threshold)).count();
    }

    public String label() {
        return name().replace('_', ' ');
    }
}
