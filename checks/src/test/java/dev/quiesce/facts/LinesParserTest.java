package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A line scan's answer: the files read ({@code <n>|/path} lines), then, file by file, {@code @<index>} and
 * grep's {@code number:text} lines, all cut at the cap. A line's file is named by its index, so a name
 * holding {@code :<n>:} or a newline cannot take another file's line; anything else is unknown, never
 * misread, and never an exception.
 */
class LinesParserTest {
    private static final FactRequest.FileLines SCAN = new FactRequest.FileLines("/var/log/vmware*.log",
            List.of("Checkpoint_Unstun"), FactRequest.DEFAULT_MAX_BYTES);

    private static Fact<Lines> read(FactRequest.FileLines request, String status, String body, String stderr) {
        return CannedFacts.builder().answer(request, new Answer(status, bytes(body), bytes(stderr))).build()
                .get(request);
    }

    private static Fact<Lines> read(String status, String body) {
        return read(SCAN, status, body, "");
    }

    private static Lines present(Fact<Lines> fact) {
        if (fact instanceof Fact.Present<Lines> p) {
            return p.value();
        }
        throw new AssertionError("not present: " + fact);
    }

    private static String fileList(String... files) {
        StringBuilder out = new StringBuilder();
        for (String file : files) {
            out.append(bytes(file).length).append('|').append(file).append('\n');
        }
        return out.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void logsReadWithNoLineMatchedArePresentAndEmptyAndSaySo() {
        Fact<Lines> fact = read("1", fileList("/var/log/vmware.log", "/var/log/vmware-1.log"));
        Lines lines = present(fact);
        assertEquals(List.of("/var/log/vmware.log", "/var/log/vmware-1.log"), lines.files());
        assertEquals(List.of(), lines.lines());
        assertFalse(lines.truncated());
        assertEquals("read 2 file(s): /var/log/vmware.log, /var/log/vmware-1.log\n(no line matched)",
                fact.evidence().excerpt());
    }

    @Test
    void eachLineIsTheFileItIsInItsNumberAndItsText() {
        Fact<Lines> fact = read("0", fileList("/var/log/vmware.log", "/var/log/vmware-1.log")
                + "@1\n12:2026-05-31T01:00:00 Checkpoint_Unstun: vm stopped for 812 us\n"
                + "@2\n3:Checkpoint_Unstun: vm stopped for 9 us\n");
        assertEquals(List.of(
                new Lines.Line("/var/log/vmware.log", 12, "2026-05-31T01:00:00 Checkpoint_Unstun: vm stopped for 812 us"),
                new Lines.Line("/var/log/vmware-1.log", 3, "Checkpoint_Unstun: vm stopped for 9 us")),
                present(fact).lines());
        assertEquals("read 2 file(s): /var/log/vmware.log, /var/log/vmware-1.log\n"
                + "/var/log/vmware.log:12:2026-05-31T01:00:00 Checkpoint_Unstun: vm stopped for 812 us\n"
                + "/var/log/vmware-1.log:3:Checkpoint_Unstun: vm stopped for 9 us", fact.evidence().excerpt());
    }

    @Test
    void aNameHoldingAColonAndDigitsKeepsItsLinesBesideTheFileItsPrefixNames() {
        // Each line belongs to the file of the last "@<index>": its text, ":7:" or not, names no file.
        Lines lines = present(read("0", fileList("/l/a", "/l/a:7:b") + "@1\n2:y:1:z\n7:b:3:x\n@2\n3:x\n"));
        assertEquals(List.of(new Lines.Line("/l/a", 2, "y:1:z"), new Lines.Line("/l/a", 7, "b:3:x"),
                new Lines.Line("/l/a:7:b", 3, "x")), lines.lines());
    }

    @Test
    void aNameHoldingANewlineStaysOneNameAndIsShownEscaped() {
        Fact<Lines> fact = read("0", fileList("/l/x\n./l/y:1:forged") + "@1\n4:real\n");
        assertEquals(List.of("/l/x\n./l/y:1:forged"), present(fact).files());
        assertEquals(List.of(new Lines.Line("/l/x\n./l/y:1:forged", 4, "real")), present(fact).lines());
        assertEquals("read 1 file(s): /l/x\\n./l/y:1:forged\n/l/x\\n./l/y:1:forged:4:real", fact.evidence().excerpt());
    }

    @Test
    void linesOfExactlyTheCapAreWholeAndNotCut() {
        String line = "1:" + "x".repeat(20) + "\n";
        FactRequest.FileLines capped = new FactRequest.FileLines("/l/*", List.of("x"), 3 + bytes(line).length * 2);
        Lines lines = present(read(capped, "0", fileList("/l/a") + "@1\n" + line + line, ""));
        assertEquals(2, lines.lines().size());
        assertFalse(lines.truncated());
    }

    @Test
    void oneByteOverTheCapDropsTheCutLineAndSaysSo() {
        String line = "1:" + "x".repeat(20) + "\n";
        FactRequest.FileLines capped = new FactRequest.FileLines("/l/*", List.of("x"), 3 + bytes(line).length * 2);
        // head -c MAX+1 gave the cap and one byte of the third line
        Fact<Lines> fact = read(capped, "0", fileList("/l/a") + "@1\n" + line + line + "2", "");
        assertEquals(2, present(fact).lines().size());
        assertTrue(present(fact).truncated());
        assertTrue(fact.evidence().excerpt().endsWith("\n[... cut at the byte cap]"), fact.evidence().excerpt());
        // the cut falls inside the second line: only the first is kept
        Fact<Lines> inside = read(capped, "0", fileList("/l/a") + "@1\n" + line + line.substring(0, line.length() - 1)
                + "xx", "");
        assertEquals(1, present(inside).lines().size());
        assertTrue(present(inside).truncated());
    }

    @Test
    void aCapSmallerThanTheFirstLineKeepsNoLineAndSaysItWasCut() {
        FactRequest.FileLines tiny = new FactRequest.FileLines("/l/*", List.of("x"), 5);
        Lines lines = present(read(tiny, "0", fileList("/l/a") + "@1\n1:x", ""));
        assertEquals(List.of(), lines.lines());
        assertTrue(lines.truncated());
    }

    @Test
    void grepsErrorMakesTheScanUnknownWithWhatItSaidUnlessTheCapCutItShort() {
        Fact.Unknown<?> error = assertInstanceOf(Fact.Unknown.class, read(SCAN, "2", fileList("/var/log/vmware.log"),
                "grep: /var/log/vmware.log: Input/output error\nmore"));
        assertEquals(Fact.Cause.UNEXPECTED, error.cause());
        assertEquals("grep could not read /var/log/vmware*.log: grep: /var/log/vmware.log: Input/output error",
                error.reason());
        Fact.Unknown<?> silent = assertInstanceOf(Fact.Unknown.class, read("2", fileList("/var/log/vmware.log")));
        assertEquals("grep could not read /var/log/vmware*.log: exit 2", silent.reason());

        // grep stopped by the cap's broken pipe: its status says nothing, the lines read stand
        FactRequest.FileLines tiny = new FactRequest.FileLines("/l/*", List.of("x"), 10);
        assertTrue(present(read(tiny, "2", fileList("/l/a") + "@1\n1:xx\n2:xx\n", "")).truncated());
    }

    @Test
    void noFileToScanIsAbsentAndAnUnreadableOneIsDeniedNamingIt() {
        assertInstanceOf(Fact.Absent.class, read(Answer.NO_FILES, ""));
        Fact.Unknown<?> denied = assertInstanceOf(Fact.Unknown.class, read(Answer.DENIED, "/var/log/vmware.log\n"));
        assertEquals(Fact.Cause.DENIED, denied.cause());
        assertTrue(denied.reason().startsWith("permission denied reading /var/log/vmware*.log (/var/log/vmware.log)"),
                denied.reason());
    }

    @Test
    void aLineNumberAsLongAsALongHoldsIsRead() {
        Lines lines = present(read("0", fileList("/l/a") + "@1\n" + "9".repeat(18) + ":x\n"));
        assertEquals(999_999_999_999_999_999L, lines.lines().get(0).number());
    }

    @Test
    void aCountWithLeadingZerosIsStillItsCount() {
        assertEquals(List.of("/l/ab"), present(read("0", "0000000005|/l/ab\n@0001\n1:x\n")).files());
    }

    @Test
    void filesLeftUnreadAreNamedWithTheirReasonBeforeTheFilesRead() {
        FactRequest.FileLines window = FactRequest.FileLines.in("/m", "messages.log*", List.of("freeze"), 1000)
                .modifiedWithin(java.time.Duration.ofDays(8)).decompressing();
        Fact<Lines> fact = read(window, "0", "O13|/m/messages.3\nZ16|/m/messages.2.gz\n" + fileList("/m/messages")
                + "@1\n4:a freeze\n", "");
        Lines lines = present(fact);
        assertEquals(List.of(new Lines.Skipped("/m/messages.3", Lines.Reason.OLDER_THAN_WINDOW),
                new Lines.Skipped("/m/messages.2.gz", Lines.Reason.NO_DECOMPRESSOR)), lines.skipped());
        assertEquals(List.of("/m/messages"), lines.files());
        assertEquals(List.of(new Lines.Line("/m/messages", 4, "a freeze")), lines.lines());
        assertEquals("read 1 file(s): /m/messages\nleft unread 2 file(s): /m/messages.3 (older than the window), "
                + "/m/messages.2.gz (no gzip or zcat to read it)\n/m/messages:4:a freeze", fact.evidence().excerpt());
    }

    @Test
    void everyFileLeftUnreadIsPresentWithNoFileRead() {
        Lines lines = present(read("1", "O6|/m/a\nb\n"));
        assertEquals(new Lines(List.of(), List.of(), false, List.of(new Lines.Skipped("/m/a\nb",
                Lines.Reason.OLDER_THAN_WINDOW))), lines);
    }

    @Test
    void anUnreadNameHoldingARecordCannotPassItselfOffAsAFileRead() {
        // the name "/m/a\n3|/m/b" is one name, left unread: no file "/m/b" is read, no line is its
        Lines lines = present(read("1", "O9|/m/a\n3|/m\n"));
        assertEquals(List.of(new Lines.Skipped("/m/a\n3|/m", Lines.Reason.OLDER_THAN_WINDOW)), lines.skipped());
        assertEquals(List.of(), lines.files());
    }

    @Test
    void aCorruptGzIsGrepsErrorLikeAnyUnreadableFile() {
        Fact.Unknown<?> unknown = assertInstanceOf(Fact.Unknown.class, read(SCAN, "2", fileList("/m/a.gz") + "@1\n",
                "gzip: stdin: not in gzip format"));
        assertEquals("grep could not read /var/log/vmware*.log: gzip: stdin: not in gzip format", unknown.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "O",                                    // a mark and nothing else
            "O|/m/a\n",                             // a mark with no count
            "Ox|/m/a\n",
            "Z5|/m/a\n",                            // a count longer than the name
            "O3|/m/a\n",                            // shorter
            "O00000000005|/m/ab\n",                 // more than ten digits
            "O4|/m/a",                              // no newline after the name
            "4|/m/a\nO4|/m/b\n@1\n",                // a file left unread after a file read
            "Q4|/m/a\n",                            // a mark the probe never writes
            "O4|/m/a\n@1\n1:x\n",                   // lines with no file read
            "O4|/m/a\n1:x\n",
            "O4|/m/a\n\n"})
    void aMalformedSkipRecordIsUnknownNeverMisreadAndNeverThrows(String body) {
        Optional<Lines> parsed = assertDoesNotThrow(() -> LinesParser.parse(bytes(body), 1000));
        assertTrue(parsed.isEmpty() || parsed.get().files().isEmpty() && parsed.get().skipped().isEmpty(),
                () -> "read as " + parsed);
        Fact.Unknown<?> unknown = assertInstanceOf(Fact.Unknown.class, read("0", body));
        assertEquals(Fact.Cause.UNEXPECTED, unknown.cause());
    }

    @Test
    void randomBytesAndRecordLikeGarbageNeverThrow() {
        java.util.Random random = new java.util.Random(20261202);
        byte[] alphabet = bytes("OZ@|:\n0123456789/ab");
        for (int round = 0; round < 20_000; round++) {
            byte[] body = new byte[random.nextInt(40)];
            for (int i = 0; i < body.length; i++) {
                body[i] = round % 2 == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            String status = String.valueOf(random.nextInt(4));
            assertDoesNotThrow(() -> LinesParser.parse(body, 1 + random.nextInt(50)));
            assertDoesNotThrow(() -> CannedFacts.builder().answer(SCAN, new Answer(status, body)).build().get(SCAN));
        }
    }

    /** Answers no probe sends: each is unknown as an unexpected answer, and reading it never throws. */
    @ParameterizedTest
    @ValueSource(strings = {
            "12",                                   // a count and nothing else
            "12|",                                  // a count and no name
            "12|/abcdefghi\n",                      // a count larger than what follows
            "2|/abc\n",                             // a count shorter than the name
            "00000000005|/l/ab\n",                  // a count of more than ten digits
            "99999999999999999999|/l/ab\n",         // one that no long holds
            "5|/l/ab\n@2\n1:x\n",                  // a line of a file not scanned
            "5|/l/ab\n@0\n1:x\n",
            "5|/l/ab\n1:x\n",                      // a line before any file is named
            "5|/l/ab\n@\n1:x\n",                   // no index
            "5|/l/ab\n@1x\n1:x\n",                 // an index not followed by the end of its line
            "5|/l/ab\n@1\n12",                     // a line cut after its number
            "5|/l/ab\n@1\n12:text",                // a last line without its newline
            "5|/l/ab\n@1\n:text\n",                // no line number
            "5|/l/ab\n@1\n1x:text\n",              // a number not followed by ':'
            "5|/l/ab\n@1\n./l/ab:1:text\n",        // grep's -H form: not what the probe prints
            "5|/l/ab\n@1\n9999999999999999999:x\n", // a line number no long holds
            "5|/l/ab\n@99999999999999999999\n",     // an index no long holds
            "@1\n1:x\n",                           // lines but no file read
            "",                                     // nothing at all
            "x|/l/ab\n"})
    void aMalformedScanIsUnknownNeverMisreadAndNeverThrows(String body) {
        Optional<Lines> parsed = assertDoesNotThrow(() -> LinesParser.parse(bytes(body), 1000));
        assertTrue(parsed.isEmpty() || parsed.get().files().isEmpty(), () -> "read as " + parsed);
        Fact.Unknown<?> unknown = assertInstanceOf(Fact.Unknown.class, read("0", body));
        assertEquals(Fact.Cause.UNEXPECTED, unknown.cause());
        assertTrue(unknown.reason().startsWith("unexpected answer for grep -a -F 'Checkpoint_Unstun' in "
                + "/var/log/vmware*.log"), unknown.reason());
    }
}
