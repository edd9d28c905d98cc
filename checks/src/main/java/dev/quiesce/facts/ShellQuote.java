package dev.quiesce.facts;

/**
 * The one way a value reaches the probe script: as a single-quoted POSIX shell word. Inside single
 * quotes the shell interprets nothing, so the only character to handle is the quote itself, written
 * as {@code '\''} (close, escaped quote, reopen).
 */
public final class ShellQuote {
    private ShellQuote() {}

    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            // A shell word cannot hold NUL; refusing is safer than silently truncating the value.
            throw new IllegalArgumentException("a NUL character cannot be passed to the shell");
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
