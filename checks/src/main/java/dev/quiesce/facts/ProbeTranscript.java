package dev.quiesce.facts;

import java.time.Instant;
import java.util.Map;

/**
 * A probe run as it happened: the token, the requests by frame id, the directory read as {@code /}
 * (empty for a live host), the raw answer bytes, and a note on how it ran that facts should mention
 * (for example that {@code sudo -n} was refused, so the probe ran unprivileged). Enough to parse the
 * answer again later: a capture file stores exactly this.
 */
public record ProbeTranscript(String token, String root, Map<String, FactRequest> requests, byte[] answer,
                              Instant collected, String note) {
    public ProbeTranscript {
        requests = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requests));
        note = note == null ? "" : note;
    }

    public ProbeTranscript(String token, String root, Map<String, FactRequest> requests, byte[] answer,
                           Instant collected) {
        this(token, root, requests, answer, collected, "");
    }

    public Facts facts() {
        return Facts.from(this);
    }
}
