package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The frame format end to end: a real script through a real shell, with file contents and names that
 * try to forge frames using the run's actual token, answers cut at every byte, bytes that are not
 * UTF-8, and noise before the first frame.
 */
class ProbeFramingTest {
    private static final String TOKEN = ShellProbe.freshToken();
    private static final byte[] NOT_UTF8 = {'a', (byte) 0xff, 'b', (byte) 0xc3, 0x28, 'c', (byte) 0x80, (byte) 0xbf,
            '\n'};

    @TempDir
    Path root;

    private String forged;
    private String markerName;

    @BeforeEach
    void tree() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("raw"));
        // Forges, with the real token: the end of its own frame (f1), a whole frame for f2, the final
        // frame, and a header whose length would swallow the real frames that follow.
        forged = "before\n" + TOKEN + " E f1\n" + TOKEN + " B f2 0 6\nforged\n" + TOKEN + " E f2\n"
                + TOKEN + " B end 0 0\n\n" + TOKEN + " E end\n" + TOKEN + " B f4 0 99999\nafter";
        Files.writeString(root.resolve("etc/forged.conf"), forged);
        Files.writeString(root.resolve("etc/other.conf"), "needle in other\nnothing here\n");
        markerName = "x\n" + TOKEN + " E f4\n" + TOKEN + " B f5 0 1\ny";
        Files.writeString(root.resolve("etc").resolve(markerName), "");
        Files.write(root.resolve("raw/bad-content"), NOT_UTF8);
        ShellProbe.shell(root.resolve("raw"), "touch \"$(printf 'name-\\377-\\303(-\\200')\"");
    }

    private List<FactRequest<?>> requests() {
        return List.of(
                new FactRequest.FileContent("/etc/forged.conf", 4096),       // f1
                new FactRequest.FileStat("/etc/other.conf"),                 // f2
                new FactRequest.FileContent("/etc/other.conf", 4096),        // f3
                new FactRequest.DirectoryListing("/etc"),                    // f4
                FactRequest.FileLines.in("/etc", "*.conf", List.of("needle", TOKEN), 4096), // f5
                new FactRequest.FileContent("/raw/bad-content", 100),
                new FactRequest.DirectoryListing("/raw"),
                new FactRequest.FileStat("/etc/missing"));
    }

    static java.util.stream.Stream<ShellProbe.Shell> shells() {
        return ShellProbe.shells();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void forgedFramesInAFileAreThatFilesContentAndChangeNoOtherFact(ShellProbe.Shell shell) throws IOException {
        Facts facts = ShellProbe.run(shell, TOKEN, root.toString(), requests()).facts();

        Fact.Present<?> content = assertInstanceOf(Fact.Present.class, facts.get(content("/etc/forged.conf", 4096)));
        assertEquals(new Content(forged, false), content.value());
        assertEquals(new Content("needle in other\nnothing here\n", false),
                present(facts.get(content("/etc/other.conf", 4096))));
        FileInfo other = present(facts.get(new FactRequest.FileStat("/etc/other.conf")));
        assertEquals(FileKind.REGULAR, other.kind());
        assertEquals(Files.size(root.resolve("etc/other.conf")), other.size());
        List<FileInfo> listing = present(facts.get(new FactRequest.DirectoryListing("/etc"))).entries();
        assertEquals(List.of("/etc/forged.conf", "/etc/other.conf", "/etc/" + markerName),
                listing.stream().map(FileInfo::path).sorted().toList());
        String lines = ShellProbe.text(present(facts.get(lines())));
        assertTrue(lines.contains("/etc/other.conf:1:needle in other\n"), lines);
        assertTrue(lines.contains("forged.conf:2:" + TOKEN + " E f1\n"), lines);
        assertInstanceOf(Fact.Absent.class, facts.get(new FactRequest.FileStat("/etc/missing")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void bytesThatAreNotUtf8ComeBackRawContentReadsThemAsReplacementCharactersAndNamesKeepThem(ShellProbe.Shell shell) {
        ShellProbe.Run run = ShellProbe.run(shell, TOKEN, root.toString(), requests());
        Facts facts = run.facts();

        FactRequest.FileContent content = content("/raw/bad-content", 100);
        assertArrayEquals(NOT_UTF8, run.body(content));
        assertEquals("a\uFFFDb\uFFFD(c\uFFFD\uFFFD\n", present(facts.get(content)).text());

        byte[] name = {'n', 'a', 'm', 'e', '-', (byte) 0xff, '-', (byte) 0xc3, '(', '-', (byte) 0x80};
        byte[] listing = run.body(new FactRequest.DirectoryListing("/raw"));
        assertTrue(indexOf(listing, name) >= 0, () -> "raw name bytes in " + Arrays.toString(listing));
        List<String> names = present(facts.get(new FactRequest.DirectoryListing("/raw"))).entries().stream()
                .map(FileInfo::name).toList();
        assertEquals(List.of("bad-content", "name-\\xff-\\xc3(-\\x80"), names.stream().map(ShownText::escaped).toList());
        assertArrayEquals(name, HostText.bytes(names.get(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void noiseBeforeTheFirstFrameIsIgnoredWithOrWithoutAFinalNewline(ShellProbe.Shell shell) {
        for (String banner : List.of("printf 'Last login: today\\r\\n*** AUTHORIZED USE ONLY ***\\n'\n",
                "printf 'a profile that prints without a newline'\n")) {
            ProbeFacts facts = ShellProbe.run(shell.withPrelude(banner), TOKEN, root.toString(), requests()).facts();
            assertTrue(facts.info().uid().isPresent(), () -> banner + " cost the info frame");
            assertEquals(forged, present(facts.get(content("/etc/forged.conf", 4096))).text(), banner);
            assertInstanceOf(Fact.Absent.class, facts.get(new FactRequest.FileStat("/etc/missing")), banner);
        }
    }

    @Test
    void anAnswerCutAtEveryByteNeverThrowsAndKeepsOnlyWhatArrivedWhole() {
        ShellProbe.Run run = ShellProbe.run(ShellProbe.sh(), TOKEN, root.toString(), requests());
        byte[] answer = run.answer();
        Map<String, Integer> frameEnds = frameEnds(answer);
        Map<String, FactRequest<?>> byId = run.script().requestsById();
        assertEquals(byId.keySet(), frameEnds.keySet().stream().filter(id -> id.matches("f[0-9]+"))
                .collect(java.util.stream.Collectors.toSet()), "every request answered in the uncut run");
        Facts whole = run.facts();
        Map<FactRequest<?>, Fact<?>> uncut = new LinkedHashMap<>();
        byId.values().forEach(r -> uncut.put(r, whole.get(r)));
        assertFalse(uncut.values().stream().anyMatch(f -> f instanceof Fact.Unknown), uncut::toString);
        Instant received = run.transcript().received();

        for (int cut = 0; cut < answer.length; cut++) {
            Facts facts = new ProbeTranscript(root.toString(), "", new ProbeStage(TOKEN, byId,
                    Arrays.copyOf(answer, cut), received)).facts();
            for (Map.Entry<String, FactRequest<?>> entry : byId.entrySet()) {
                Fact<?> fact = facts.get(entry.getValue());
                String where = "cut at byte " + cut + ", " + entry.getKey();
                int end = Math.max(frameEnds.get(entry.getKey()), frameEnds.getOrDefault(entry.getKey()
                        + ProbeScript.STDERR_SUFFIX, 0));
                if (cut >= end) {
                    assertEquals(uncut.get(entry.getValue()), fact, where);
                } else {
                    Fact.Unknown<?> unknown = assertInstanceOf(Fact.Unknown.class, fact, where);
                    assertTrue(unknown.reason().contains("cut short"), where + ": " + unknown.reason());
                }
            }
        }
    }

    private FactRequest.FileLines lines() {
        return (FactRequest.FileLines) requests().get(4);
    }

    private static FactRequest.FileContent content(String path, int maxBytes) {
        return new FactRequest.FileContent(path, maxBytes);
    }

    /** Where each frame of a well-formed answer ends, found by walking headers and lengths. */
    private static Map<String, Integer> frameEnds(byte[] answer) {
        Map<String, Integer> ends = new LinkedHashMap<>();
        byte[] header = (TOKEN + " B ").getBytes(StandardCharsets.US_ASCII);
        int position = 0;
        while (position < answer.length) {
            if (Arrays.equals(answer, position, position + header.length, header, 0, header.length)) {
                int lineEnd = position;
                while (answer[lineEnd] != '\n') {
                    lineEnd++;
                }
                String[] fields = new String(answer, position, lineEnd - position, StandardCharsets.US_ASCII).split(" ");
                int end = lineEnd + 1 + Integer.parseInt(fields[4]) + ("\n" + TOKEN + " E " + fields[2] + "\n").length();
                ends.put(fields[2], end);
                position = end;
            } else {
                position++;
            }
        }
        return ends;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    static <T> T present(Fact<T> fact) {
        if (fact instanceof Fact.Present<T> present) {
            return present.value();
        }
        throw new AssertionError("expected a present fact, got " + fact);
    }
}
