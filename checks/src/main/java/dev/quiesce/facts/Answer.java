package dev.quiesce.facts;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One request's answer as the probe framed it: the status word (an exit status such as {@code 0}, or a
 * word the probe decided with a test, such as {@code notfound} or {@code denied}), the standard output
 * and the standard error of the one run, as bytes exactly as the host sent them (NUL bytes never
 * arrive: shells cannot carry them, so the probe drops them from file contents and scanned lines before
 * it applies a cap).
 */
public record Answer(String status, byte[] body, byte[] stderr) {
    /** Status words the probe decides with {@code [ -e ]}, {@code [ -d ]}, {@code [ -r ]} and friends. */
    public static final String NOT_FOUND = "notfound";
    /** A name above the path is not a directory, so the path cannot exist. */
    public static final String NO_PATH = "nopath";
    public static final String DENIED = "denied";
    public static final String NOT_DIRECTORY = "notdir";
    public static final String NOT_FILE = "notfile";
    /** A line scan whose pattern matched no regular file. */
    public static final String NO_FILES = "nofiles";
    /** Under a root: resolving the path inside the tree met more than 40 symbolic links (a loop). */
    public static final String LINK_LOOP = "loop";
    /** Under a root: a symbolic link on the path could not be read, or is empty. */
    public static final String BAD_LINK = "badlink";

    public Answer {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(body, "body");
        stderr = stderr == null ? new byte[0] : stderr;
    }

    public Answer(String status, byte[] body) {
        this(status, body, new byte[0]);
    }

    public boolean ok() {
        return "0".equals(status);
    }

    /** The exit status, when the status is one (not a word); -1 otherwise. */
    public int exitStatus() {
        return status.matches("[0-9]{1,3}") ? Integer.parseInt(status) : -1;
    }

    /** The body as text; bytes that are not UTF-8 become U+FFFD, so any output can be shown safely. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Answer a && status.equals(a.status) && java.util.Arrays.equals(body, a.body)
                && java.util.Arrays.equals(stderr, a.stderr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, java.util.Arrays.hashCode(body), java.util.Arrays.hashCode(stderr));
    }

    @Override
    public String toString() {
        return "Answer[" + status + ", " + body.length + " bytes, " + stderr.length + " bytes on stderr]";
    }
}
