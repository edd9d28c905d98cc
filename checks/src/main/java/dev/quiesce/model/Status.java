package dev.quiesce.model;

/**
 * The outcome of one rule on one host. {@code ERROR} means the check could not decide (and says why);
 * it is never turned into {@code PASS}.
 */
public enum Status {
    PASS, FAIL, ERROR, SKIPPED, WAIVED;

    /** True for outcomes that leave the rule unsatisfied or unverified. */
    public boolean isProblem() {
        return this == FAIL || this == ERROR;
    }
}
