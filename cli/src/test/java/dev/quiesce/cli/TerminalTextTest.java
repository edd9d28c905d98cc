package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.facts.HostText;
import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void controlCharactersAndBidiOverridesAreShownNotObeyed() {
        assertEquals("a\\x1b[2Jb\\x07\\x9b\\u202e", TerminalText.safe("a\u001b[2Jb\u0007\u009b\u202e"));
    }

    @Test
    void aNameByteThatWasNotUtf8IsShownAsThatByteWhileRealCharactersStay() {
        String name = HostText.decode(new byte[] {'b', 'a', 'd', (byte) 0xff, (byte) 0xf0, (byte) 0x90, (byte) 0x82,
                (byte) 0x80});
        assertEquals("bad\\xff\ud800\udc80", TerminalText.safe(name));
        assertEquals("\\udc41", TerminalText.safe("\udc41"), "an unpaired surrogate of no byte");
        String signWriting = new String(Character.toChars(0x1d800)); // its low 16 bits fall in the surrogate range
        assertEquals(signWriting, TerminalText.safe(signWriting), "a character beyond U+FFFF is shown as itself");
    }

    @Test
    void wrapBreaksAtBlanksWithinTheWidthAndCutsOnlyAWordLongerThanALine() {
        assertEquals(java.util.List.of("one two", "  three", "  four"), TerminalText.wrap("one two three four", 8, "  "));
        assertEquals(java.util.List.of("abcdefgh", "  ijklmn", "  op x"), TerminalText.wrap("abcdefghijklmnop x", 8, "  "));
        assertEquals(java.util.List.of(""), TerminalText.wrap("", 8, "  "));
        String words = "calls: ccontrol qall; csession CACHE ExternalFreeze=5; csession TEST ExternalFreeze=5; logger";
        for (int width = 4; width <= 100; width++) {
            java.util.List<String> lines = TerminalText.wrap(words, width, "  ");
            for (String line : lines) {
                assertTrue(line.length() <= width, width + ": " + line);
            }
            assertEquals(words.replace(" ", ""), String.join("", lines).replace(" ", ""), "nothing lost at " + width);
        }
    }
}
