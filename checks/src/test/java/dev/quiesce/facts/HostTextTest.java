package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HostTextTest {
    @Test
    void anyBytesComeBackExactlyFromTheirText() {
        Random random = new Random(8);
        for (int n = 0; n < 2_000; n++) {
            byte[] bytes = new byte[random.nextInt(24)];
            random.nextBytes(bytes);
            assertArrayEquals(bytes, HostText.bytes(HostText.decode(bytes)), () -> java.util.HexFormat.of().formatHex(bytes));
        }
    }

    @Test
    void utf8IsReadAsItsCharactersAndOnlyWhatIsNotUtf8AsBytes() {
        String valid = "ünïcödé 日本語 🙂 \ud800\udc80";
        assertEquals(valid, HostText.decode(valid.getBytes(StandardCharsets.UTF_8)));
        assertFalse(HostText.hasRawBytes(valid), "the low half of U+10080 is not a byte");
        // an overlong NUL, a UTF-8 encoded surrogate, a sequence cut at the end
        byte[] bad = {'a', (byte) 0xc0, (byte) 0x80, 'b', (byte) 0xed, (byte) 0xa0, (byte) 0x80, 'c', (byte) 0xe6, (byte) 0x97};
        String text = HostText.decode(bad);
        assertTrue(HostText.hasRawBytes(text));
        assertEquals("a\\xc0\\x80b\\xed\\xa0\\x80c\\xe6\\x97", ShownText.escaped(text));
        assertEquals(0xc0, HostText.rawByteAt(text, 1));
        assertEquals(-1, HostText.rawByteAt(text, 0));
    }

    @Test
    void aPartOfABufferIsReadAlone() {
        byte[] bytes = {'x', (byte) 0xff, 'y', 'z'};
        assertEquals("\udcffy", HostText.decode(bytes, 1, 2));
    }
}
