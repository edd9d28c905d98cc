package dev.quiesce.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dotted version number such as {@code 12.3.5} or {@code 13.1.0.0.25218885}, compared part by part as
 * numbers, missing parts counting as 0 (so {@code 12.3} equals {@code 12.3.0}).
 */
public record Version(List<Long> parts) implements Comparable<Version> {
    public Version {
        parts = List.copyOf(parts);
        if (parts.isEmpty() || parts.stream().anyMatch(p -> p < 0)) {
            throw new IllegalArgumentException("a version has one or more parts, none negative");
        }
    }

    /** Parses {@code 12.3.5}; empty for anything but digits separated by single dots (at most 9 parts). */
    public static Optional<Version> parse(String text) {
        if (text == null || !text.matches("[0-9]{1,15}(\\.[0-9]{1,15}){0,8}")) {
            return Optional.empty();
        }
        List<Long> parts = new ArrayList<>();
        for (String part : text.split("\\.")) {
            parts.add(Long.parseLong(part));
        }
        return Optional.of(new Version(parts));
    }

    public boolean atLeast(Version other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Version other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            long a = i < parts.size() ? parts.get(i) : 0;
            long b = i < other.parts.size() ? other.parts.get(i) : 0;
            if (a != b) {
                return Long.compare(a, b);
            }
        }
        return 0;
    }

    /** Equal when they compare equal: 12.3 and 12.3.0 are the same version however written. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        List<Long> significant = new ArrayList<>(parts);
        while (significant.size() > 1 && significant.get(significant.size() - 1) == 0) {
            significant.remove(significant.size() - 1);
        }
        return significant.hashCode();
    }

    @Override
    public String toString() {
        return String.join(".", parts.stream().map(String::valueOf).toList());
    }
}
