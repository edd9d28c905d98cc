package dev.quiesce.facts;

/**
 * The one way a value reaches a shell: as a single-quoted POSIX shell word. Inside single quotes the
 * shell interprets nothing, so the only character to handle is the quote itself, written as
 * {@code '\''} (close, escaped quote, reopen). The probe script and every command a finding suggests
 * (a fix to paste) quote host and rule values with it.
 */
public final class ShellQuote {
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ShellQuote() {}

    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            // A shell word cannot hold NUL; refusing is safer than silently truncating the value.
            throw new IllegalArgumentException("a NUL character cannot be passed to the shell");
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** The value as one shell word: as it is when it holds only characters no shell interprets, else quoted. */
    public static String word(String value) {
        return PLAIN.matcher(value).matches() ? value : quote(value);
    }
}
