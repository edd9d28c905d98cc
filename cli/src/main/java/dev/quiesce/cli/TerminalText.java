package dev.quiesce.cli;

import dev.quiesce.facts.HostText;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * {@code text} broken at blanks into lines of at most {@code width} characters, each but the first
     * starting with {@code indent} (counted in the width); a word longer than a line is cut. For output that
     * must read at 80 columns as well as at 200.
     */
    static List<String> wrap(String text, int width, String indent) {
        if (width <= indent.length() + 1) {
            throw new IllegalArgumentException("no room for text within " + width + " columns");
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            String rest = word;
            while (true) {
                int room = width - (lines.isEmpty() ? 0 : indent.length()) - (line.isEmpty() ? 0 : line.length() + 1);
                if (rest.length() <= room) {
                    line.append(line.isEmpty() ? "" : " ").append(rest);
                    break;
                }
                if (line.isEmpty()) {
                    line.append(rest, 0, room);
                    rest = rest.substring(room);
                }
                lines.add((lines.isEmpty() ? "" : indent) + line);
                line.setLength(0);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add((lines.isEmpty() ? "" : indent) + line);
        }
        return lines;
    }

    /** At most {@code width} characters, with an ellipsis when cut. */
    static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
    }
}
