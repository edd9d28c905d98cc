package dev.quiesce.cli;

import dev.quiesce.facts.HostText;

/**
 * Makes host-provided text safe to print on a terminal: control characters (ANSI escapes, carriage
 * returns, bells) are shown as backslash-x escapes instead of acting on the terminal; so are the bytes of
 * a host's file name that were not UTF-8.
 */
final class TerminalText {
    private TerminalText() {}

    static String safe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                out.append(c <= 0xff ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
            } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                // Unpaired (codePoints joins pairs): a byte of a host's name that was not UTF-8 (see
                // HostText) is shown as that byte; a terminal would print any surrogate as '?'.
                int raw = HostText.rawByte(c);
                out.append(raw >= 0 ? String.format("\\x%02x", raw) : String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** {@link #safe} line by line: a message of several lines keeps its line breaks, and only them. */
    static String safeLines(String text) {
        return String.join("\n", text.lines().map(TerminalText::safe).toList());
    }

    /** At most {@code width} characters, with an ellipsis when cut. */
    static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
    }
}
