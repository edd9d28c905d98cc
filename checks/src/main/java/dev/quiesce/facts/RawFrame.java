package dev.quiesce.facts;

import java.nio.charset.StandardCharsets;

/** One frame of a probe's answer: the status word the script wrote in its header, and its body bytes. */
public record RawFrame(String status, byte[] body) {
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
