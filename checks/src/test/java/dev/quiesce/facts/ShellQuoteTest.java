package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    }
}
