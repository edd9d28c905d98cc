package dev.quiesce.facts;

import java.time.Instant;
import java.util.Map;

/**
 * A probe run as it happened: the token, the requests by frame id, the directory read as {@code /}
 * (empty for a live host) and the raw answer bytes. Enough to parse the answer again later: a capture
 * file stores exactly this.
 */
public record ProbeTranscript(String token, String root, Map<String, FactRequest> requests, byte[] answer,
                              Instant collected) {
    public ProbeTranscript {
        requests = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requests));
    }

    public Facts facts() {
        return Facts.from(this);
    }
}
