package dev.quiesce.facts;

/**
 * Host-chosen names as evidence shows them: control characters (a newline in a file name, an escape)
 * written as {@code \n}, {@code \t} or {@code \xNN}, so a name cannot pass for another line of evidence;
 * a byte that was not UTF-8 ({@link HostText}) as {@code \xNN} too.
 */
public final class ShownText {
    private ShownText() {}

    public static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int raw = HostText.rawByteAt(text, i);
            if (raw >= 0) {
                out.append(String.format("\\x%02x", raw));
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
