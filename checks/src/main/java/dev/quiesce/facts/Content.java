package dev.quiesce.facts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Text read from a host; {@code truncated} when there was more than the cap allowed. */
public record Content(String text, boolean truncated) {
    /** The body cut at {@code maxBytes}: the probe reads one byte more than the cap, to tell a longer file. */
    static Content capped(byte[] body, int maxBytes) {
        boolean truncated = body.length > maxBytes;
        byte[] bytes = truncated ? Arrays.copyOf(body, maxBytes) : body;
        return new Content(new String(bytes, StandardCharsets.UTF_8), truncated);
    }
}
