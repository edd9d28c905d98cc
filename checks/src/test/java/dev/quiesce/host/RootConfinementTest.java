package dev.quiesce.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.facts.Content;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.facts.Lines;
import dev.quiesce.facts.Listing;
import dev.quiesce.facts.ProbeFacts;
import dev.quiesce.facts.ShellProbe;
import dev.quiesce.model.HostInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Under {@code --root}, symbolic links in the tree are resolved inside the tree, as the guest would resolve
 * them: an absolute target restarts at the root, {@code ..} stops there, and a loop is unknown. Nothing
 * this machine has outside the tree is read. Each case runs under every shell this machine has.
 */
class RootConfinementTest {
    @TempDir
    Path tree;

    /** A directory outside the tree, with a marker the probe must never read. */
    @TempDir
    Path outside;

    /** The outside directory's path as the tree's own path (where an absolute link to it lands in the guest). */
    private String outsideInTree;

    @BeforeEach
    void trees() throws IOException {
        Files.writeString(outside.resolve("marker"), "AUDITOR marker\n");
        Files.createDirectories(outside.resolve("log"));
        Files.writeString(outside.resolve("log/vmware.log"), "error of the AUDITOR\n");
        Files.createDirectories(outside.resolve("backupScripts.d"));
        Files.writeString(outside.resolve("backupScripts.d/auditor-job"), "#!/bin/sh\n");
        outsideInTree = outside.toString();
        Path shadow = tree.resolve(outsideInTree.substring(1));
        Files.createDirectories(shadow.resolve("log"));
        Files.writeString(shadow.resolve("marker"), "TREE marker\n");
        Files.writeString(shadow.resolve("log/vmware.log"), "error of the TREE\n");
        Files.createDirectories(shadow.resolve("backupScripts.d"));
        Files.writeString(shadow.resolve("backupScripts.d/tree-job"), "#!/bin/sh\n");
        Files.createDirectories(tree.resolve("etc"));
        Files.createDirectories(tree.resolve("usr"));
    }

    static Stream<ShellProbe.Shell> shells() {
        return ShellProbe.shells();
    }

    private ProbeFacts probe(ShellProbe.Shell shell, FactRequest<?>... requests) {
        return ShellProbe.run(shell, tree.toString(), List.of(requests)).facts();
    }

    /** As many {@code ..} as lead from {@code dir} in the tree far above this machine's root. */
    private static String upAndOut(int depth) {
        return "../".repeat(depth + 40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void anAbsoluteLinkRestartsAtTheRoot(ShellProbe.Shell shell) throws IOException {
        Files.createSymbolicLink(tree.resolve("etc/marker"), Path.of(outside.resolve("marker").toString()));
        // /usr/sbin -> /usr/sbin is, in the guest, a link to itself: a loop, never this machine's /usr/sbin.
        Files.createSymbolicLink(tree.resolve("usr/sbin"), Path.of("/usr/sbin"));
        FactRequest.FileContent marker = new FactRequest.FileContent("/etc/marker", 100);
        FactRequest.DirectoryListing sbin = new FactRequest.DirectoryListing("/usr/sbin");
        FactRequest.FileStat sh = new FactRequest.FileStat("/usr/sbin/sh");
        ProbeFacts facts = probe(shell, marker, sbin, sh);
        assertEquals("TREE marker\n", present(facts.get(marker)).text());
        assertLoop(facts.get(sbin));
        assertLoop(facts.get(sh));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void dotDotStopsAtTheRoot(ShellProbe.Shell shell) throws IOException {
        Files.createSymbolicLink(tree.resolve("etc/vmware-tools"), Path.of(upAndOut(1) + outsideInTree.substring(1)));
        FactRequest.FileContent marker = new FactRequest.FileContent("/etc/vmware-tools/marker", 100);
        FactRequest.DirectoryListing scripts = new FactRequest.DirectoryListing("/etc/vmware-tools/backupScripts.d");
        FactRequest.FileContent direct = new FactRequest.FileContent("/../../../.." + outsideInTree + "/marker", 100);
        ProbeFacts facts = probe(shell, marker, scripts, direct);
        assertEquals("TREE marker\n", present(facts.get(marker)).text());
        assertEquals(List.of("/etc/vmware-tools/backupScripts.d/tree-job"), paths(present(facts.get(scripts))));
        assertEquals("TREE marker\n", present(facts.get(direct)).text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aChainOfLinksInTheTreeReachesTheTreesFile(ShellProbe.Shell shell) throws IOException {
        Files.createDirectories(tree.resolve("srv/data"));
        Files.writeString(tree.resolve("srv/data/file"), "the tree's file\n");
        Files.createSymbolicLink(tree.resolve("etc/a"), Path.of("b"));
        Files.createSymbolicLink(tree.resolve("etc/b"), Path.of("/srv/c"));
        Files.createSymbolicLink(tree.resolve("srv/c"), Path.of("./../srv/data/../data/file"));
        FactRequest.FileContent content = new FactRequest.FileContent("/etc/a", 100);
        FactRequest.FileStat stat = new FactRequest.FileStat("/etc/a");
        ProbeFacts facts = probe(shell, content, stat);
        assertEquals("the tree's file\n", present(facts.get(content)).text());
        FileInfo link = present(facts.get(stat));
        assertEquals(FileKind.SYMLINK, link.kind());
        assertEquals(Optional.of("b"), link.linkTarget());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aLoopIsUnknownNeverAbsent(ShellProbe.Shell shell) throws IOException {
        Files.createSymbolicLink(tree.resolve("etc/a"), Path.of("b"));
        Files.createSymbolicLink(tree.resolve("etc/b"), Path.of("/etc/a"));
        FactRequest.FileContent content = new FactRequest.FileContent("/etc/a", 100);
        FactRequest.FileStat below = new FactRequest.FileStat("/etc/a/x");
        FactRequest.DirectoryListing listing = new FactRequest.DirectoryListing("/etc/a");
        FactRequest.FileLines lines = FactRequest.FileLines.in("/etc/a", "*.log", List.of("error"), 100);
        Files.createDirectories(tree.resolve("var/x"));
        Files.createSymbolicLink(tree.resolve("var/x/c"), Path.of("c"));
        FactRequest.FileLines level = new FactRequest.FileLines("/var/*/c/*.log", List.of("error"), 100);
        ProbeFacts facts = probe(shell, content, below, listing, lines, level);
        for (FactRequest<?> request : List.of(content, below, listing, lines, level)) {
            assertLoop(facts.get(request));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aLinkInMidPathIsFollowedInsideTheTree(ShellProbe.Shell shell) throws IOException {
        Files.createDirectories(tree.resolve("srv/tools/backupScripts.d"));
        Files.writeString(tree.resolve("srv/tools/backupScripts.d/10-job"), "#!/bin/sh\n");
        Files.createSymbolicLink(tree.resolve("etc/vmware-tools"), Path.of("/srv/tools"));
        FactRequest.DirectoryListing scripts = new FactRequest.DirectoryListing("/etc/vmware-tools/backupScripts.d");
        FactRequest.FileStat job = new FactRequest.FileStat("/etc/vmware-tools/backupScripts.d/10-job");
        ProbeFacts facts = probe(shell, scripts, job);
        assertEquals(List.of("/etc/vmware-tools/backupScripts.d/10-job"), paths(present(facts.get(scripts))));
        assertEquals(FileKind.REGULAR, present(facts.get(job)).kind());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aScanWhoseDirectoryIsALinkOutReadsTheTree(ShellProbe.Shell shell) throws IOException {
        Files.createDirectories(tree.resolve("var"));
        Files.createSymbolicLink(tree.resolve("var/log"), outside.resolve("log"));
        Files.createDirectories(tree.resolve("var/spool/a"));
        // A match that is a link out (file level), and one below a directory link out (directory level).
        Files.createSymbolicLink(tree.resolve("var/spool/a/vmware.log"), Path.of(upAndOut(3)
                + outsideInTree.substring(1) + "/log/vmware.log"));
        Files.createDirectories(tree.resolve("var/lib"));
        Files.createSymbolicLink(tree.resolve("var/lib/b"), outside.resolve("log"));
        FactRequest.FileLines direct = FactRequest.FileLines.in("/var/log", "*.log", List.of("error"), 1000);
        FactRequest.FileLines file = new FactRequest.FileLines("/var/spool/*/*.log", List.of("error"), 1000);
        FactRequest.FileLines directory = new FactRequest.FileLines("/var/lib/*/*.log", List.of("error"), 1000);
        ProbeFacts facts = probe(shell, direct, file, directory);
        Lines lines = present(facts.get(direct));
        assertEquals(List.of("error of the TREE"), lines.lines().stream().map(Lines.Line::text).toList());
        assertEquals(List.of("/var/log/vmware.log"), lines.files());
        Lines resolved = present(facts.get(file));
        assertEquals(List.of("error of the TREE"), resolved.lines().stream().map(Lines.Line::text).toList());
        assertEquals(List.of(outsideInTree + "/log/vmware.log"), resolved.files());
        // A directory link at a pattern level is resolved inside the tree too, as on ESXi's /vmfs/volumes/*.
        Lines level = present(facts.get(directory));
        assertEquals(List.of("error of the TREE"), level.lines().stream().map(Lines.Line::text).toList());
        assertEquals(List.of(outsideInTree + "/log/vmware.log"), level.files());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aFifoAtAContentPathReturnsPromptly(ShellProbe.Shell shell) throws IOException {
        ShellProbe.shell(tree.resolve("etc"), "mkfifo pipe && ln -s /etc/pipe via-link");
        FactRequest.FileContent direct = new FactRequest.FileContent("/etc/pipe", 100);
        FactRequest.FileContent linked = new FactRequest.FileContent("/etc/via-link", 100);
        ProbeFacts facts = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> probe(shell, direct, linked));
        for (FactRequest<?> request : List.of(direct, linked)) {
            Fact.Unknown<?> unknown = assertInstanceOf(Fact.Unknown.class, facts.get(request));
            assertEquals(Fact.Cause.WRONG_KIND, unknown.cause());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void linkTargetsAreNamesNeverShellText(ShellProbe.Shell shell) throws IOException {
        String odd = "we*ird [x]\nname $(touch PWNED) `touch PWNED` ..";
        Files.createDirectories(tree.resolve("srv").resolve(odd));
        Files.writeString(tree.resolve("srv").resolve(odd).resolve("file"), "odd but the tree's\n");
        Files.createSymbolicLink(tree.resolve("etc/odd"), Path.of("../srv/" + odd + "/./file"));
        FactRequest.FileContent content = new FactRequest.FileContent("/etc/odd", 100);
        ProbeFacts facts = probe(shell, content);
        assertEquals("odd but the tree's\n", present(facts.get(content)).text());
        try (Stream<Path> all = Files.walk(tree)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().equals("PWNED")));
        }
        assertTrue(Files.notExists(Path.of("/PWNED")));
    }

    @Test
    void localHostWithARootIsConfinedToo() throws Exception {
        Files.createSymbolicLink(tree.resolve("etc/marker"), outside.resolve("marker"));
        FactRequest.FileContent marker = new FactRequest.FileContent("/etc/marker", 100);
        ProbeFacts facts = new LocalHost(new HostInfo("h", Set.of("guest"), Map.of()), Optional.of(tree),
                Duration.ofSeconds(30), Clock.systemUTC()).probe(List.of(marker)).facts();
        assertEquals("TREE marker\n", present(facts.get(marker)).text());
    }

    private static void assertLoop(Fact<?> fact) {
        Fact.Unknown<?> unknown = assertInstanceOf(Fact.Unknown.class, fact, String.valueOf(fact));
        assertTrue(unknown.reason().contains("more than 40 symbolic links"), unknown.reason());
    }

    private static List<String> paths(Listing listing) {
        return listing.entries().stream().map(FileInfo::path).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> T present(Fact<T> fact) {
        return (T) assertInstanceOf(Fact.Present.class, fact, String.valueOf(fact)).value();
    }
}
