package dev.quiesce.host;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.ShellProbe;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe only reads. A tree is snapshotted (every path with its type, size, mode, owner, mtime,
 * ctime and content hash) before and after probes that ask every kind of fact of every path in it,
 * once under --root and once by absolute path with commands run; nothing may change and nothing may
 * appear, in the tree or in the temporary directory that holds it. Access times are left out: reading
 * a file is allowed to update them.
 */
class LocalHostReadOnlyTest {
    @TempDir
    Path temp;

    @Test
    void aProbeAskingEveryKindOfFactChangesNothingAndCreatesNothing() throws Exception {
        Path root = Files.createDirectories(temp.resolve("tree"));
        Files.createDirectories(root.resolve("etc/sub"));
        Files.createDirectories(root.resolve("var/log"));
        Files.writeString(root.resolve("etc/plain.conf"), "key = value\n");
        Files.writeString(root.resolve("etc/sub/it's $(x) `y`"), "hostile name\n");
        Files.writeString(root.resolve("etc/.hidden"), "dot\n");
        Files.writeString(root.resolve("var/log/vmware 1.log"), "a error b\nok\n");
        Files.writeString(root.resolve("var/log/vmware-2.log"), "error again\n");
        Files.createSymbolicLink(root.resolve("etc/link"), Path.of("plain.conf"));
        ShellProbe.shell(root, """
                chmod 4755 etc/plain.conf && chmod 1777 etc/sub && chmod 0600 var/log/vmware-2.log
                mkfifo var/log/vmware-fifo.log
                printf 'error zipped\n' | gzip -c > var/log/vmware-3.log.gz && touch -d '3 days ago' var/log/vmware-3.log.gz
                printf 'not gzip' > var/log/corrupt.gz && touch -d '20 days ago' var/log/vmware-1.log
                printf 'not utf-8 \\377\\n' > "etc/$(printf 'raw-\\377')"
                """);
        Map<String, String> before = snapshot(temp);

        List<FactRequest<?>> underRoot = requestsFor(root, "");
        dev.quiesce.facts.ProbeFacts treeFacts = probe(Optional.of(root), underRoot);
        List<FactRequest<?>> byAbsolutePath = new ArrayList<>(requestsFor(root, root.toString()));
        byAbsolutePath.add(new FactRequest.CommandOutput(AllowedCommand.UNAME, List.of()));
        byAbsolutePath.add(new FactRequest.CommandOutput(AllowedCommand.SYSTEMD_DETECT_VIRT, List.of()));
        dev.quiesce.facts.ProbeFacts hostFacts = probe(Optional.empty(), byAbsolutePath);

        Map<String, String> after = snapshot(temp);
        assertEquals(before.keySet(), after.keySet(), "no path may appear or disappear");
        assertEquals(before, after);
        // The probes did run and answer: this is not a pass by doing nothing.
        assertInstanceOf(Fact.Present.class, treeFacts.get(new FactRequest.FileContent("/etc/plain.conf", 64)));
        assertInstanceOf(Fact.Present.class, hostFacts.get(new FactRequest.DirectoryListing(root + "/var/log")));
        assertInstanceOf(Fact.Present.class, hostFacts.get(new FactRequest.CommandOutput(AllowedCommand.UNAME)));
        assertTrue(treeFacts.info().uid().isPresent() && hostFacts.info().uid().isPresent());
    }

    /** Stat, content and (for directories) listing and line scans of every path in the tree. */
    private static List<FactRequest<?>> requestsFor(Path root, String prefix) throws IOException {
        List<FactRequest<?>> requests = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String shown = prefix + "/" + root.relativize(path);
                if (path.equals(root)) {
                    shown = prefix.isEmpty() ? "/" : prefix;
                }
                requests.add(new FactRequest.FileStat(shown));
                requests.add(new FactRequest.FileContent(shown, 64));
                if (Files.isDirectory(path, NOFOLLOW_LINKS)) {
                    requests.add(new FactRequest.DirectoryListing(shown));
                    requests.add(FactRequest.FileLines.in(shown, "*", List.of("error", "value"), 1000));
                    requests.add(FactRequest.FileLines.in(shown, "vmware*.log", List.of("error"), 1000));
                    requests.add(FactRequest.FileLines.in(shown, "*", List.of("error"), 1000)
                            .modifiedWithin(Duration.ofDays(8)).decompressing());
                }
            }
        }
        return requests;
    }

    private static dev.quiesce.facts.ProbeFacts probe(Optional<Path> root, List<FactRequest<?>> requests) throws HostException {
        return new LocalHost(new HostInfo("h", Set.of("guest"), Map.of()), root, Duration.ofSeconds(30),
                Clock.systemUTC()).probe(requests).facts();
    }

    /** Every path under {@code top} (links not followed) with its attributes and, for files, a hash. */
    private static Map<String, String> snapshot(Path top) throws IOException {
        Map<String, String> snapshot = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(top)) {
            for (Path path : paths.toList()) {
                Map<String, Object> attributes = new TreeMap<>(Files.readAttributes(path, "unix:*", NOFOLLOW_LINKS));
                attributes.remove("lastAccessTime");
                String entry = attributes.toString();
                if (Files.isRegularFile(path, NOFOLLOW_LINKS)) {
                    entry += " sha256=" + Sha256.hex(Files.readAllBytes(path));
                } else if (Files.isSymbolicLink(path)) {
                    entry += " -> " + Files.readSymbolicLink(path);
                }
                snapshot.put(path.toString(), entry);
            }
        }
        assertTrue(snapshot.size() > 10, snapshot::toString);
        return snapshot;
    }
}
