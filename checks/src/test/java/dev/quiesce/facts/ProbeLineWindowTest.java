package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real shell runs a scan of IRIS-style rotated logs: a file older than the window is left unread and
 * named, a {@code .gz} is read through the host's gzip (and left unread, named, where there is none), a
 * corrupt one makes the scan unknown, NUL and non-UTF-8 bytes stay text; the same under a root tree.
 */
class ProbeLineWindowTest {
    private static final String GONE_GZIP = "gzip() { return 127; }\nzcat() { return 127; }\n";
    private static final Duration WINDOW = Duration.ofDays(8);

    @TempDir
    Path tree;

    static Stream<ShellProbe.Shell> shells() {
        return Stream.concat(Stream.of(ShellProbe.sh()), ShellProbe.busybox().stream());
    }

    /** {@code <tree>/<dir>} with IRIS's messages.log and its rotations, plus one with NUL and non-UTF-8 bytes. */
    private Path rotatedLogs(String dir) {
        Path mgr = tree.resolve(dir);
        ShellProbe.shell(tree, "mkdir -p \"$1\" && cd \"$1\""
                + " && printf 'one freeze\\nquiet\\n' >messages.log"
                + " && printf 'two freeze\\n' >messages.log.1 && touch -d '3 days ago' messages.log.1"
                + " && printf 'x\\nthree freeze\\n' | gzip -c >messages.log.2.gz && touch -d '3 days ago' messages.log.2.gz"
                + " && printf 'four freeze\\n' | gzip -c >messages.log.3.gz && touch -d '20 days ago' messages.log.3.gz"
                + " && printf 'nul\\000 freeze \\377\\n' >messages.log.9", dir);
        return mgr;
    }

    private static Lines present(Fact<Lines> fact) {
        return assertInstanceOf(Fact.Present.class, fact, () -> "not present: " + fact).value() instanceof Lines l ? l
                : null;
    }

    private static FactRequest.FileLines scan(String dir) {
        return FactRequest.FileLines.in(dir, "messages.log*", List.of("freeze"), 64 * 1024).modifiedWithin(WINDOW)
                .decompressing();
    }

    @ParameterizedTest
    @MethodSource("shells")
    void aRotationOlderThanTheWindowIsNamedAndUnreadAndAGzIsReadThroughGzip(ShellProbe.Shell shell) {
        String dir = rotatedLogs("mgr").toString();
        FactRequest.FileLines scan = scan(dir);
        Lines lines = present(ShellProbe.run(shell, "", List.of(scan)).facts().get(scan));
        assertEquals(List.of(dir + "/messages.log", dir + "/messages.log.1", dir + "/messages.log.2.gz",
                dir + "/messages.log.9"), lines.files());
        assertEquals(List.of(new Lines.Skipped(dir + "/messages.log.3.gz", Lines.Reason.OLDER_THAN_WINDOW)),
                lines.skipped());
        assertEquals(dir + "/messages.log:1:one freeze\n" + dir + "/messages.log.1:1:two freeze\n"
                + dir + "/messages.log.2.gz:2:three freeze\n" + dir + "/messages.log.9:1:nul freeze \uFFFD\n",
                ShellProbe.text(lines));
    }

    @ParameterizedTest
    @MethodSource("shells")
    void withNeitherGzipNorZcatAGzIsNamedAsUnreadAndTheRestIsRead(ShellProbe.Shell shell) {
        String dir = rotatedLogs("mgr").toString();
        FactRequest.FileLines scan = scan(dir);
        Lines lines = present(ShellProbe.run(shell.withPrelude(GONE_GZIP), "", List.of(scan)).facts().get(scan));
        assertEquals(List.of(dir + "/messages.log", dir + "/messages.log.1", dir + "/messages.log.9"), lines.files());
        // the old one is older first: it would not be read even with a gzip
        assertEquals(List.of(new Lines.Skipped(dir + "/messages.log.2.gz", Lines.Reason.NO_DECOMPRESSOR),
                new Lines.Skipped(dir + "/messages.log.3.gz", Lines.Reason.OLDER_THAN_WINDOW)), lines.skipped());
        assertEquals(3, lines.lines().size());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void zcatServesWhereGzipIsMissing(ShellProbe.Shell shell) {
        String dir = rotatedLogs("mgr").toString();
        FactRequest.FileLines scan = scan(dir);
        Lines lines = present(ShellProbe.run(shell.withPrelude("gzip() { return 127; }\n"), "", List.of(scan)).facts()
                .get(scan));
        assertTrue(ShellProbe.text(lines).contains(dir + "/messages.log.2.gz:2:three freeze\n"), ShellProbe.text(lines));
    }

    @ParameterizedTest
    @MethodSource("shells")
    void withoutSettingsEveryFileIsReadAsItIs(ShellProbe.Shell shell) {
        String dir = rotatedLogs("mgr").toString();
        FactRequest.FileLines plain = FactRequest.FileLines.in(dir, "messages.log*", List.of("freeze"), 64 * 1024);
        FactRequest.FileLines unzipped = plain.decompressing();
        ProbeFacts facts = ShellProbe.run(shell, "", List.of(plain, unzipped)).facts();
        Lines raw = present(facts.get(plain));
        assertEquals(5, raw.files().size());
        assertEquals(List.of(), raw.skipped());
        assertTrue(!ShellProbe.text(raw).contains("three freeze"), "a .gz read as it is holds no plain text");
        assertTrue(ShellProbe.text(present(facts.get(unzipped))).contains(dir + "/messages.log.3.gz:1:four freeze\n"));
    }

    @ParameterizedTest
    @MethodSource("shells")
    void everyFileOlderThanTheWindowIsPresentWithNoFileReadAndNoMatchIsAbsent(ShellProbe.Shell shell) {
        ShellProbe.shell(tree, "mkdir old && printf 'a freeze\\n' >old/messages.log && touch -d '20 days ago' "
                + "old/messages.log && mkdir none");
        FactRequest.FileLines old = scan(tree.resolve("old").toString());
        FactRequest.FileLines none = scan(tree.resolve("none").toString());
        ProbeFacts facts = ShellProbe.run(shell, "", List.of(old, none)).facts();
        Fact<Lines> fact = facts.get(old);
        assertEquals(new Lines(List.of(), List.of(), false, List.of(new Lines.Skipped(tree.resolve("old/messages.log")
                .toString(), Lines.Reason.OLDER_THAN_WINDOW))), present(fact));
        assertTrue(fact.evidence().excerpt().contains("left unread 1 file(s): " + tree + "/old/messages.log (older than "
                + "the window)"), fact.evidence().excerpt());
        assertInstanceOf(Fact.Absent.class, facts.get(none));
    }

    @ParameterizedTest
    @MethodSource("shells")
    void aCorruptGzMakesTheScanUnknownAsAnUnreadableFileDoes(ShellProbe.Shell shell) {
        ShellProbe.shell(tree, "mkdir bad && printf 'a freeze\\n' >bad/messages.log"
                + " && printf '\\037\\213garbage, not deflate' >bad/messages.log.2.gz");
        FactRequest.FileLines scan = scan(tree.resolve("bad").toString());
        Fact.Unknown<?> unknown = assertInstanceOf(Fact.Unknown.class, ShellProbe.run(shell, "", List.of(scan)).facts()
                .get(scan));
        assertEquals(Fact.Cause.UNEXPECTED, unknown.cause());
        assertTrue(unknown.reason().startsWith("grep could not read " + tree + "/bad/messages.log*"), unknown.reason());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void theLsFallbackCannotTellAnMtimeAndReadsTheFile(ShellProbe.Shell shell) {
        String dir = rotatedLogs("mgr").toString();
        FactRequest.FileLines scan = scan(dir);
        Lines lines = present(ShellProbe.run(shell.withPrelude(ShellProbe.NO_STAT_C), "", List.of(scan)).facts()
                .get(scan));
        assertEquals(List.of(), lines.skipped());
        assertTrue(ShellProbe.text(lines).contains(dir + "/messages.log.3.gz:1:four freeze\n"), ShellProbe.text(lines));
    }

    @ParameterizedTest
    @MethodSource("shells")
    void underARootTheTreesFilesAreFilteredAndNamedAsFromItsRoot(ShellProbe.Shell shell) {
        rotatedLogs("real/mgr");
        // the install directory is a link in the tree, resolved inside it
        ShellProbe.shell(tree, "mkdir -p usr/irissys && ln -s /real/mgr usr/irissys/mgr");
        FactRequest.FileLines scan = scan("/usr/irissys/mgr");
        Lines lines = present(ShellProbe.run(shell, tree.toString(), List.of(scan)).facts().get(scan));
        // the base directory is named as the pattern names it, wherever its link leads in the tree
        assertEquals(List.of("/usr/irissys/mgr/messages.log", "/usr/irissys/mgr/messages.log.1",
                "/usr/irissys/mgr/messages.log.2.gz", "/usr/irissys/mgr/messages.log.9"), lines.files());
        assertEquals(List.of(new Lines.Skipped("/usr/irissys/mgr/messages.log.3.gz", Lines.Reason.OLDER_THAN_WINDOW)),
                lines.skipped());
        assertTrue(ShellProbe.text(lines).contains("/usr/irissys/mgr/messages.log.2.gz:2:three freeze\n"));
    }

    @ParameterizedTest
    @MethodSource("shells")
    void underARootAFileMatchedThroughALinkIsFilteredByWhereItLeads(ShellProbe.Shell shell) {
        rotatedLogs("real/mgr");
        // a pattern level that is a link: the match is named by where it leads in the tree
        ShellProbe.shell(tree, "mkdir -p inst && ln -s /real inst/a");
        FactRequest.FileLines scan = new FactRequest.FileLines("/inst/*/mgr/messages.log*", List.of("freeze"), 65536)
                .modifiedWithin(WINDOW).decompressing();
        Lines lines = present(ShellProbe.run(shell.withPrelude(GONE_GZIP), tree.toString(), List.of(scan)).facts()
                .get(scan));
        assertEquals(List.of("/real/mgr/messages.log", "/real/mgr/messages.log.1", "/real/mgr/messages.log.9"),
                lines.files());
        assertEquals(List.of(new Lines.Skipped("/real/mgr/messages.log.2.gz", Lines.Reason.NO_DECOMPRESSOR),
                new Lines.Skipped("/real/mgr/messages.log.3.gz", Lines.Reason.OLDER_THAN_WINDOW)), lines.skipped());
    }
}
