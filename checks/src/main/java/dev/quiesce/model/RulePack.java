package dev.quiesce.model;

import java.util.List;
import java.util.Objects;

/**
 * A loaded rule pack. {@code source} names where it came from (a file path or a built-in resource);
 * {@code sha256} is the digest of its bytes, so that a report says exactly which pack was used, and
 * {@code content} the text itself, for the evidence bundle.
 */
public record RulePack(String id, String version, String title, String source, String sha256, String content,
                       List<Rule> rules) {
    public RulePack {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        rules = List.copyOf(rules);
    }

    public PackInfo info() {
        return new PackInfo(id, version, sha256);
    }
}
