package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the hostile corpus: every {@code cases.tsv} under the test resource directory {@code hostile/}
 * (one directory per kind: captures, packs, inventories, reports, bundles), one dynamic test per case.
 * Each case runs quiesce as a subprocess with a small heap ({@code -Xmx64m}: a file that makes quiesce
 * allocate without bound shows as an OutOfMemoryError, not as a slow machine) and a 60 s timeout, and
 * requires the documented exit code, no stack trace, no OutOfMemoryError, and, for a run that audits
 * the good capture next to the hostile input, the good host still audited.
 *
 * <p>A line of {@code cases.tsv} is {@code file<TAB>exit<TAB>arguments<TAB>what}; {@code #} lines are
 * comments. The arguments are split on single spaces; {@code {file}}, {@code {good}}, {@code {out}}
 * and {@code {dir}} are replaced in each. The format is described in the project's corpus notes; a
 * line that does not keep to it fails with its file and line number.
 *
 * <p>One reading of the format is made explicit here: the good host must be audited only when the
 * expected exit is 0, 1 or 3, since exit 2 means that nothing was audited; for exit 2, no
 * {@code report.json} may be written.
 */
class HostileCorpusTest {
    private static final String GOOD_HOST = "db-good";
    private static final long TIMEOUT_SECONDS = 60;
    private static final int SHOWN_CHARS = 2_000;
    /** Exit codes a case may expect; 4 (an internal error) is a bug, never a documented outcome. */
    private static final List<Integer> DOCUMENTED_EXITS = List.of(0, 1, 2, 3);

    /** One line of a cases.tsv, with where it was written. */
    record Case(Path dir, String kind, String file, int exit, String arguments, String what, String at) {
        String name() {
            return kind + "/" + file + ": " + what;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyHostileInputIsRefusedOrAuditedAsDocumented() throws IOException {
        Path root = resource("hostile");
        List<Path> tables;
        try (Stream<Path> files = Files.walk(root)) {
            tables = files.filter(p -> p.getFileName().toString().equals("cases.tsv")).sorted().toList();
        }
        assertFalse(tables.isEmpty(), "no cases.tsv under " + root);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path table : tables) {
            tests.addAll(cases(table));
        }
        return tests.stream();
    }

    /** The dynamic tests of one cases.tsv; a malformed line is a test that fails with its place. */
    private static List<DynamicTest> cases(Path table) throws IOException {
        Path dir = table.getParent();
        String kind = dir.getFileName().toString();
        List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String at = table + ":" + (i + 1);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String problem = null;
            Case c = null;
            String[] fields = line.split("\t", -1);
            if (fields.length != 4) {
                problem = "has " + fields.length + " tab-separated field(s); a case is file<TAB>exit<TAB>arguments"
                        + "<TAB>what";
            } else if (!fields[1].matches("[0-9]{1,3}") || !DOCUMENTED_EXITS.contains(Integer.parseInt(fields[1]))) {
                problem = "exit '" + fields[1] + "' is not one of the documented codes " + DOCUMENTED_EXITS;
            } else if (fields[0].isEmpty() || fields[0].contains("/") || !Files.isRegularFile(dir.resolve(fields[0]))) {
                problem = "file '" + fields[0] + "' is not a file of " + dir;
            } else if (fields[2].isBlank() || fields[3].isBlank()) {
                problem = "the arguments and the 'what' must not be empty";
            } else {
                c = new Case(dir, kind, fields[0], Integer.parseInt(fields[1]), fields[2], fields[3], at);
            }
            if (problem != null) {
                String message = at + ": " + problem;
                tests.add(DynamicTest.dynamicTest(kind + "/cases.tsv:" + (i + 1) + ": malformed line",
                        () -> fail(message)));
            } else {
                Case hostile = c;
                tests.add(DynamicTest.dynamicTest(hostile.name(), table.toUri(), () -> run(hostile)));
            }
        }
        return tests;
    }

    private static void run(Case c) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("quiesce-hostile-");
        try {
            Path out = Files.createDirectory(work.resolve("out"));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    QuiesceCommand.class.getName()));
            Map<String, String> placeholders = Map.of("{file}", c.dir().resolve(c.file()).toAbsolutePath().toString(),
                    "{good}", resource("hostile/good.capture.json").toString(), "{out}", out.toString(),
                    "{dir}", c.dir().toAbsolutePath().toString());
            for (String argument : c.arguments().split(" ")) {
                for (Map.Entry<String, String> p : placeholders.entrySet()) {
                    argument = argument.replace(p.getKey(), p.getValue());
                }
                command.add(argument);
            }
            Path stdout = work.resolve("stdout");
            Path stderr = work.resolve("stderr");
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            // Options from the environment would change the heap or turn on stack traces.
            Stream.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "QUIESCE_DEBUG")
                    .forEach(builder.environment()::remove);
            Process process = builder.start();
            boolean ended = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Output o = Output.read(stdout);
            Output e = Output.read(stderr);
            String shown = c.at() + ": " + String.join(" ", command.subList(5, command.size()))
                    + "\n" + (ended ? "exit " + process.exitValue() : "no exit within " + TIMEOUT_SECONDS + " s")
                    + "\n--- stdout (first " + SHOWN_CHARS + " characters)\n" + o.start()
                    + "\n--- stderr (first " + SHOWN_CHARS + " characters)\n" + e.start();
            assertTrue(ended, () -> "timed out: " + shown);
            assertFalse(o.stackTrace() || e.stackTrace(), () -> "a stack trace was printed: " + shown);
            assertFalse(o.outOfMemory() || e.outOfMemory(), () -> "OutOfMemoryError: " + shown);
            assertEquals(c.exit(), process.exitValue(), () -> "exit code: " + shown);
            Path report = out.resolve("report.json");
            if (c.exit() == ExitCode.USAGE.code) {
                assertFalse(Files.exists(report), () -> "exit 2 means nothing was audited, yet " + report
                        + " was written: " + shown);
            } else if (c.arguments().contains("{good}") && c.arguments().contains("--out {out}")) {
                assertTrue(Files.isRegularFile(report), () -> "no report.json: " + shown);
                assertEquals("AUDITED", goodHostStatus(report), () -> "the good host " + GOOD_HOST
                        + " was not audited: " + shown);
            }
        } finally {
            delete(work);
        }
    }

    private static String goodHostStatus(Path report) throws IOException {
        for (JsonNode host : new ObjectMapper().readTree(report.toFile()).path("hosts")) {
            if (GOOD_HOST.equals(host.path("name").asText())) {
                return host.path("status").asText();
            }
        }
        return "missing from " + report;
    }

    /**
     * What a stream of the subprocess showed: its start, and whether any line is part of a stack trace or
     * names an OutOfMemoryError. Read line by line (bytes that are not UTF-8 replaced, never an error), so
     * a stream of hundreds of megabytes is not held whole.
     */
    private record Output(String start, boolean stackTrace, boolean outOfMemory) {
        static Output read(Path file) throws IOException {
            StringBuilder start = new StringBuilder();
            boolean trace = false;
            boolean oom = false;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (start.length() < SHOWN_CHARS) {
                        start.append(line, 0, Math.min(line.length(), SHOWN_CHARS - start.length())).append('\n');
                    }
                    trace |= line.contains("Exception in thread") || line.startsWith("\tat ");
                    oom |= line.contains("OutOfMemoryError");
                }
            }
            return new Output(start.length() > SHOWN_CHARS ? start.substring(0, SHOWN_CHARS) : start.toString(),
                    trace, oom);
        }
    }

    private static Path resource(String name) {
        URL url = HostileCorpusTest.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
