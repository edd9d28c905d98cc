package dev.quiesce.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What a finding rests on: the fact used, where it was read from (the exact command or path), an
 * excerpt of what the host answered, and when the host answered, by its own clock (null when unknown).
 */
public record Evidence(String fact, String source, String excerpt, Instant collected) {
    public Evidence {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(source, "source");
        excerpt = excerpt == null ? "" : excerpt;
    }

    public Evidence(String fact, String source, String excerpt) {
        this(fact, source, excerpt, null);
    }
}
