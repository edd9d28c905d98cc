package dev.quiesce.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How much a failed rule matters; declared by the rule, ordered from most to least severe. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** The lower-case name used in rule packs and reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is as severe as {@code threshold} or more. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    public static Optional<Severity> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.label().equals(text)).findFirst();
    }
}
