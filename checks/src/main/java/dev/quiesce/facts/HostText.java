package dev.quiesce.facts;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Names a host printed, as text that keeps every byte. A Linux file name is any bytes, not always
 * UTF-8; decoded with replacement, {@code bad\xff} and {@code bad\xfe} would both read as
 * {@code bad\ufffd}, evidence could not show which file it saw, and a fix would name a file that does
 * not exist. So each byte that is not part of valid UTF-8 becomes the unpaired surrogate
 * {@code U+DC00 + byte} (as Python's {@code surrogateescape} does): no valid UTF-8 decodes to one, so
 * the mapping is reversible. {@link ShownText} shows such a character as {@code \xNN},
 * {@link ShellQuote#word} writes it as an octal escape, and {@link #bytes} turns it back into its byte
 * when a name goes back to the host in a probe script.
 */
public final class HostText {
    private static final char FIRST = '\udc80';
    private static final char LAST = '\udcff';

    private HostText() {}

    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    public static String decode(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                decoder.flush(out);
                return out.flip().toString();
            }
            // Malformed (or truncated at the end): the bytes it names stand for themselves.
            for (int i = 0; i < result.length(); i++) {
                out.put((char) (0xdc00 | (in.get() & 0xff)));
            }
        }
    }

    /**
     * The byte the character at {@code index} stands for, or -1 when it is a character of its own. The
     * low half of a surrogate pair (U+10080 is {@code \ud800\udc80}) is a character, not a byte.
     */
    public static int rawByteAt(CharSequence text, int index) {
        return index > 0 && Character.isHighSurrogate(text.charAt(index - 1)) ? -1 : rawByte(text.charAt(index));
    }

    /** The byte a code point read on its own stands for ({@link String#codePoints} joins pairs), or -1. */
    public static int rawByte(int codePoint) {
        return codePoint >= FIRST && codePoint <= LAST ? codePoint & 0xff : -1;
    }

    /** True when some character of {@code text} stands for a byte that was not UTF-8. */
    public static boolean hasRawBytes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (rawByteAt(text, i) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The bytes {@link #decode} read: UTF-8, with each raw-byte character written as its byte. */
    public static byte[] bytes(String text) {
        if (!hasRawBytes(text)) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            int raw = rawByteAt(text, i);
            if (raw >= 0) {
                out.writeBytes(text.substring(from, i).getBytes(StandardCharsets.UTF_8));
                out.write(raw);
                from = i + 1;
            }
        }
        out.writeBytes(text.substring(from).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
