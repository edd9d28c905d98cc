package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value reaches the probe as one word from {@link ShellQuote#quote}. These tests hand hostile
 * strings to a real shell as {@code printf %s <quoted>} and compare the bytes it prints with the bytes
 * of the string: any interpretation (expansion, word splitting, globbing, option parsing) shows.
 */
class ShellQuoteTest {
    /** The JVM encodes argv with the platform's file-name encoding; under a C locale that is ASCII. */
    private static final boolean ARGV_IS_UTF8 = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));

    static List<String> hostile() {
        List<String> values = new ArrayList<>(List.of(
                "", "plain", "it's", "''", "'\\''", "\"double\"", "'mixed\" quotes'",
                "$(touch /nonexistent/x)", "`id`", "${x}", "$x", "$HOME", "$1", "$@", "$*", "$?", "$$", "$((1+1))",
                "a\nb", "\n", "trailing newline\n\n", "a;b", "a && b", "a || b", "a | b", "a & b", "a > b", "a < b",
                "*", "?", "[a]", "/*", ".*", "~", "~root", "{a,b}", "-", "-n", "-e", "--", "-v%s",
                "\\", "\\\\", "\\n", "back\\slash", "a\\'b", "%s%d%%", "tab\there", " leading and trailing ",
                "#comment", "! not", "a=b", "ünïcödé 日本語 🙂", "\r\n", "\u0001\u007f"));
        values.add("x".repeat(4096));
        values.add("'$(`\"\\\n*?[]".repeat(300));
        return values;
    }

    static Stream<Arguments> shellsAndValues() {
        return ShellProbe.shells().flatMap(shell -> hostile().stream()
                .map(value -> Arguments.of(shell, value)));
    }

    @ParameterizedTest(name = "{0}: [{index}]")
    @MethodSource("shellsAndValues")
    void aQuotedValueReachesTheShellAsExactlyItsBytes(ShellProbe.Shell shell, String value) {
        String command = "printf %s " + ShellQuote.quote(value);
        byte[] expected = value.getBytes(StandardCharsets.UTF_8);
        if (ARGV_IS_UTF8 || StandardCharsets.US_ASCII.newEncoder().canEncode(value)) {
            List<String> argv = new ArrayList<>(shell.argv().subList(0, shell.argv().size() - 1));
            argv.addAll(List.of("-c", command));
            assertArrayEquals(expected, ShellProbe.execute(argv, new byte[0]), () -> shell + " -c " + command);
        }
        // The probe itself reaches the shell on stdin, as UTF-8 whatever the JVM's locale.
        assertArrayEquals(expected, ShellProbe.execute(shell.argv(), (command + "\n").getBytes(StandardCharsets.UTF_8)),
                () -> shell + " -s <<< " + command);
    }

    @Test
    void aNulCannotBeQuotedAndIsRefusedRatherThanCut() {
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote("\0a"));
    }

    @Test
    void aWordOfCharactersNoShellInterpretsStaysAsItIsInAFix() {
        assertEquals("/usr/sbin/pre-freeze-script", ShellQuote.word("/usr/sbin/pre-freeze-script"));
        assertEquals("/a_b.c:d=e@f%g+h,i-j", ShellQuote.word("/a_b.c:d=e@f%g+h,i-j"));
    }

    @Test
    void aWordWithShellCharactersIsQuotedWhole() {
        assertEquals("'/usr/sbin/20-job;touch PWNED;#'", ShellQuote.word("/usr/sbin/20-job;touch PWNED;#"));
        assertEquals("'/d/it'\\''s'", ShellQuote.word("/d/it's"));
        assertEquals("'/d/$(id)'", ShellQuote.word("/d/$(id)"));
        assertEquals("''", ShellQuote.word(""));
    }

    @Test
    void aWordWithControlCharactersIsOneLineThatWritesOnlyThoseAsOctalEscapes() {
        assertEquals("\"$(printf %b '/d/20-job\\0012 30 fake')\"", ShellQuote.word("/d/20-job\n 30 fake"));
        assertEquals("\"$(printf %b '/d/a\\0011b\\0177c\\\\d')\"", ShellQuote.word("/d/a\tb\u007fc\\d"));
        assertEquals("\"$(printf %b '/d/it'\\''s\\0001')\"", ShellQuote.word("/d/it's\u0001"));
    }

    static Stream<Arguments> shellsAndControlNames() {
        return ShellProbe.shells().flatMap(shell -> Stream.of("/d/20-job\n30-fake", "/d/a\tb", "/d/esc\u001b[31mred",
                "/d/back\\slash\nnl", "/d/it's\u0001", "/d/del\u007f", "/d/$(touch /nonexistent/x)\n`id`", "/d/\r\nx",
                HostText.decode(new byte[] {'/', 'd', '/', 'b', (byte) 0xff, '\'', (byte) 0xc3}), "/d/\ud800\udc80-u+10080")
                .map(name -> Arguments.of(shell, name)));
    }

    @ParameterizedTest(name = "{0}: [{index}]")
    @MethodSource("shellsAndControlNames")
    void aWordWithControlCharactersPastedIntoAShellNamesExactlyThatFile(ShellProbe.Shell shell, String name) {
        String word = ShellQuote.word(name);
        assertTrue(word.chars().noneMatch(c -> c < 0x20 || c == 0x7f), () -> "not one line: " + word);
        byte[] printed = ShellProbe.execute(shell.argv(), ("printf %s " + word + "\n").getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(HostText.bytes(name), printed, () -> shell + ": " + word);
    }
}
