package dev.quiesce.facts;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One round trip of a probe, as it happened: the frame token made for it, the requests by frame id, the
 * raw answer bytes, and when the answer arrived by the collecting machine's clock (the host's own clock
 * is in the answer). Enough to read the answer again later: a capture stores exactly this.
 */
public record ProbeStage(String token, Map<String, FactRequest<?>> requests, byte[] answer, Instant received) {
    public ProbeStage {
        requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
    }

    /** A stage that was planned but never ran: every request reads as not collected. */
    public static ProbeStage notRun(Map<String, FactRequest<?>> requests, Instant now) {
        return new ProbeStage("", requests, new byte[0], now);
    }
}
