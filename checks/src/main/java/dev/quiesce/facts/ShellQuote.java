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

    /**
     * The value as one shell word on one line: as it is when it holds only characters no shell
     * interprets, else quoted; a value holding a control character (a newline in a file name) becomes
     * {@code "$(printf %b '...')"} with the character written as an octal escape, so a command to paste
     * stays one line that cannot be mistaken for two, and still names the file exactly; so does a byte that
     * was not UTF-8 ({@link HostText}). (A name ending
     * in a newline loses it to the command substitution: no fix can name such a file on one line.)
     */
    public static String word(String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        if (value.chars().noneMatch(c -> c < 0x20 || c == 0x7f) && !HostText.hasRawBytes(value)) {
            return quote(value);
        }
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int raw = HostText.rawByteAt(value, i);
            if (raw >= 0) {
                escaped.append(String.format("\\0%03o", raw));
            } else if (c == '\\') {
                escaped.append("\\\\");
            } else if (c < 0x20 || c == 0x7f) {
                escaped.append(String.format("\\0%03o", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return "\"$(printf %b " + quote(escaped.toString()) + ")\"";
    }
}
