package dev.quiesce.facts;

import java.nio.charset.StandardCharsets;

/**
 * One frame of a probe's answer: the status word the script reported (an exit code such as {@code 0}
 * or {@code 1}, or a word such as {@code denied}) and the body bytes exactly as the host sent them.
 */
public record RawAnswer(String status, byte[] body) {
    public boolean ok() {
        return "0".equals(status);
    }

    /** The body as text; bytes that are not UTF-8 become U+FFFD, so any output can be shown safely. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
