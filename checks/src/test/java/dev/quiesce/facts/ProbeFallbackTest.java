package dev.quiesce.facts;

import static dev.quiesce.facts.ProbeFramingTest.present;
import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiesce.model.FileMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where {@code stat -c} does not work the probe reads file status from {@code ls -lnd}. A prelude
 * {@code stat() { return 1; }} makes any shell take that path (a function shadows the command); the
 * facts must then say the same kind, mode (special bits included), ids, size and link target as
 * {@code stat -c} says, with no owner names.
 */
class ProbeFallbackTest {
    @TempDir
    Path root;

    private final List<String> names = List.of("setuid", "setgid", "sticky", "sticky-no-x", "setuid-no-x",
            "plain", "link", "fifo", "ids", "with space", "it's \"quoted\"", "-n", "new\nline", "nl\n>gt",
            "ln\n>x", "$(touch x)", "*", ".hidden");

    @BeforeEach
    void tree() throws IOException {
        Path d = Files.createDirectories(root.resolve("d"));
        for (String name : List.of("setuid", "setgid", "setuid-no-x", "plain", "ids", "with space",
                "it's \"quoted\"", "-n", "new\nline", "nl\n>gt", "$(touch x)", "*", ".hidden")) {
            Files.writeString(d.resolve(name), name);
        }
        Files.createDirectory(d.resolve("sticky"));
        Files.createDirectory(d.resolve("sticky-no-x"));
        Files.createSymbolicLink(d.resolve("link"), Path.of("../target -> with arrow"));
        Files.createSymbolicLink(d.resolve("ln\n>x"), Path.of("t"));
        ShellProbe.shell(d, """
                chmod 4755 setuid && chmod 2750 setgid && chmod 1777 sticky && chmod 1776 sticky-no-x
                chmod 4600 setuid-no-x && chmod 0640 plain && mkfifo -m 0620 fifo
                if [ "$(id -u)" = 0 ]; then chown 1234:5678 ids; fi
                """);
    }

    static Stream<ShellProbe.Shell> shells() {
        return ShellProbe.shells();
    }

    private List<FactRequest<?>> requests() {
        List<FactRequest<?>> requests = new ArrayList<>();
        names.forEach(n -> requests.add(new FactRequest.FileStat("/d/" + n)));
        requests.add(new FactRequest.FileStat("/d"));
        requests.add(new FactRequest.DirectoryListing("/d"));
        return requests;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void lsFallbackGivesTheSameStatusAsStatWithoutOwnerNames(ShellProbe.Shell shell) throws IOException {
        ProbeFacts viaLs = ShellProbe.run(shell.withPrelude(ShellProbe.NO_STAT_C), root.toString(), requests()).facts();
        ProbeFacts viaStat = ShellProbe.run(shell, root.toString(), requests()).facts();
        assertEquals("ls", viaLs.info().statMethod());
        assertEquals("stat", viaStat.info().statMethod());

        for (String name : names) {
            FileInfo ls = present(viaLs.get(stat("/d/" + name)));
            FileInfo stat = present(viaStat.get(stat("/d/" + name)));
            assertEquals(Files.getLastModifiedTime(root.resolve("d").resolve(name), NOFOLLOW_LINKS).toInstant()
                    .getEpochSecond(), stat.modified().orElseThrow().getEpochSecond(), name);
            assertEquals(withoutNames(stat), ls, name);
            assertEquals(onDisk(root.resolve("d").resolve(name), "/d/" + name), ls, name);
        }
        assertEquals(new FileMode(04755), present(viaLs.get(stat("/d/setuid"))).mode());
        assertEquals(new FileMode(02750), present(viaLs.get(stat("/d/setgid"))).mode());
        assertEquals(new FileMode(01777), present(viaLs.get(stat("/d/sticky"))).mode());
        assertEquals(new FileMode(01776), present(viaLs.get(stat("/d/sticky-no-x"))).mode());
        assertEquals(new FileMode(04600), present(viaLs.get(stat("/d/setuid-no-x"))).mode());
        assertEquals(FileKind.FIFO, present(viaLs.get(stat("/d/fifo"))).kind());
        assertEquals(Optional.of("../target -> with arrow"), present(viaLs.get(stat("/d/link"))).linkTarget());
        assertEquals(Optional.of("t"), present(viaLs.get(stat("/d/ln\n>x"))).linkTarget());
        assertEquals(Optional.empty(), present(viaLs.get(stat("/d/nl\n>gt"))).linkTarget());
        assertEquals(FileKind.DIRECTORY, present(viaLs.get(stat("/d"))).kind());

        // BusyBox ls prints a control character in a name as '?' even into a pipe: under its fallback a
        // listing shows such names that way (the stat facts above, asked by path, are exact).
        boolean busyboxLs = shell.name().startsWith("busybox");
        Map<String, FileInfo> statListing = new java.util.TreeMap<>();
        for (FileInfo entry : present(viaStat.get(new FactRequest.DirectoryListing("/d"))).entries()) {
            String path = busyboxLs ? entry.path().replaceAll("\\p{Cntrl}", "?") : entry.path();
            statListing.put(path, new FileInfo(path, entry.kind(), entry.mode(), entry.uid(), entry.gid(),
                    Optional.empty(), Optional.empty(), entry.size(), Optional.empty(), entry.linkTarget()));
        }
        Map<String, FileInfo> lsListing = new java.util.TreeMap<>();
        for (FileInfo entry : present(viaLs.get(new FactRequest.DirectoryListing("/d"))).entries()) {
            assertEquals(Optional.empty(), entry.owner());
            assertEquals(Optional.empty(), entry.modified(), "ls dates are not exact: no mtime under the fallback");
            lsListing.put(entry.path(), entry);
        }
        assertEquals(names.stream().map(n -> "/d/" + n).map(p -> busyboxLs ? p.replaceAll("\\p{Cntrl}", "?") : p)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)), statListing.keySet());
        assertEquals(statListing, lsListing);
    }

    /** What Java sees of the file, as the fallback would report it (no names, link target as read). */
    private static FileInfo onDisk(Path file, String shownPath) throws IOException {
        Map<String, Object> a = Files.readAttributes(file, "unix:*", NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        FileKind kind = FileKind.ofRawMode(mode);
        return new FileInfo(shownPath, kind, new FileMode(mode & 07777), ((Integer) a.get("uid")).longValue(),
                ((Integer) a.get("gid")).longValue(), Optional.empty(), Optional.empty(), (Long) a.get("size"),
                Optional.empty(), kind == FileKind.SYMLINK ? Optional.of(Files.readSymbolicLink(file).toString())
                : Optional.empty());
    }

    private static FileInfo withoutNames(FileInfo info) {
        return new FileInfo(info.path(), info.kind(), info.mode(), info.uid(), info.gid(), Optional.empty(),
                Optional.empty(), info.size(), Optional.empty(), info.linkTarget());
    }

    private static FactRequest.FileStat stat(String path) {
        return new FactRequest.FileStat(path);
    }
}
