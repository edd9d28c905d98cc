package dev.quiesce.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes host text safe to put in a report before any format escapes it: characters XML 1.0 forbids
 * (NUL, ESC and the other controls) and the bidirectional overrides and isolates (which could make
 * {@code exe.txt} read as {@code txt.exe}) are shown as backslash-x or backslash-u escapes instead.
 * Ordinary right-to-left and CJK text is left alone.
 */
final class ReportText {
    private ReportText() {}

    static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static boolean shown(int c) {
        boolean control = c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || (c >= 0x80 && c < 0xa0);
        boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
                || c == 0x061c;
        return control || bidi || !allowedInXml(c);
    }

    static String clean(String text) {
        if (text.codePoints().noneMatch(ReportText::shown)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (!shown(c)) {
                out.appendCodePoint(c);
            } else if (c <= 0xff) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }

    /** {@link #clean} applied to every string inside maps and lists. */
    @SuppressWarnings("unchecked")
    static Object cleanAll(Object value) {
        if (value instanceof String s) {
            return clean(s);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(cleanAll(item)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, cleanAll(v)));
            return out;
        }
        return value;
    }
}
