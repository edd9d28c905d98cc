package dev.quiesce.model;

import java.util.Objects;

/**
 * What a finding rests on: the fact used, where it was read from (the exact command or path), and an
 * excerpt of what the host answered.
 */
public record Evidence(String fact, String source, String excerpt) {
    public Evidence {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(source, "source");
        excerpt = excerpt == null ? "" : excerpt;
    }
}
