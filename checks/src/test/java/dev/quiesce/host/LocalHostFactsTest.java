package dev.quiesce.host;

import static dev.quiesce.host.LocalHostInjectionTest.present;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.facts.ShellProbe;
import dev.quiesce.model.HostInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How answers turn into facts on a real machine: absent, capped, filtered, refused, unknown. */
class LocalHostFactsTest {
    private static final String HUNDRED = "0123456789".repeat(10);

    @TempDir
    Path root;

    @BeforeEach
    void tree() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("var/log"));
        Files.writeString(root.resolve("etc/hundred"), HUNDRED);
        Files.writeString(root.resolve("var/log/vmware 1.log"), "a error b\nfine\nstun 42 ms\n");
        Files.writeString(root.resolve("var/log/vmware-2.log"), "nothing\nERROR is another string\n");
        Files.writeString(root.resolve("var/log/vmware.log.1"), "error in a rotated log\n");
        Files.writeString(root.resolve("var/log/other.log"), "error elsewhere\n");
        ShellProbe.shell(root.resolve("var/log"), "mkfifo vmware-fifo.log");
    }

    private Facts probe(List<FactRequest> requests) throws HostException {
        return probe(Optional.of(root), requests);
    }

    private static Facts probe(Optional<Path> root, List<FactRequest> requests) throws HostException {
        return new LocalHost(new HostInfo("h", Set.of("guest"), Map.of()), root, Duration.ofSeconds(30),
                Clock.systemUTC()).probe(requests).facts();
    }

    @Test
    void whatIsNotThereIsAbsent() throws Exception {
        FactRequest.FileLines lines = new FactRequest.FileLines("/nope", "*.log", List.of("x"), 100);
        Facts facts = probe(List.of(new FactRequest.FileStat("/etc/missing"),
                new FactRequest.FileContent("/etc/missing", 10), new FactRequest.DirectoryListing("/nope"), lines,
                new FactRequest.FileStat("/etc/hundred/below-a-file")));
        assertInstanceOf(Fact.Absent.class, facts.stat("/etc/missing"));
        assertInstanceOf(Fact.Absent.class, facts.content("/etc/missing", 10));
        assertInstanceOf(Fact.Absent.class, facts.listing("/nope"));
        assertInstanceOf(Fact.Absent.class, facts.lines(lines));
        assertInstanceOf(Fact.Absent.class, facts.stat("/etc/hundred/below-a-file"));
    }

    @Test
    void contentIsCutAtTheCapAndSaysSo() throws Exception {
        Facts facts = probe(List.of(new FactRequest.FileContent("/etc/hundred", 10),
                new FactRequest.FileContent("/etc/hundred", 99), new FactRequest.FileContent("/etc/hundred", 100),
                new FactRequest.FileContent("/etc/hundred", 1000)));
        assertEquals(new Facts.Content(HUNDRED.substring(0, 10), true), present(facts.content("/etc/hundred", 10)));
        assertEquals(new Facts.Content(HUNDRED.substring(0, 99), true), present(facts.content("/etc/hundred", 99)));
        assertEquals(new Facts.Content(HUNDRED, false), present(facts.content("/etc/hundred", 100)));
        assertEquals(new Facts.Content(HUNDRED, false), present(facts.content("/etc/hundred", 1000)));
    }

    @Test
    void lineScanFiltersOnTheHostByNamePatternAndFixedStrings() throws Exception {
        FactRequest.FileLines scan = new FactRequest.FileLines("/var/log", "vmware*.log", List.of("error", "stun"),
                1000);
        FactRequest.FileLines capped = new FactRequest.FileLines("/var/log", "vmware*.log", List.of("error", "stun"),
                20);
        FactRequest.FileLines noFile = new FactRequest.FileLines("/var/log", "esx*.log", List.of("error"), 1000);
        Facts facts = probe(List.of(scan, capped, noFile));

        // Not vmware.log.1 (pattern), not other.log (pattern), not "ERROR" (fixed strings are exact), and
        // the FIFO named like a log is passed over rather than opened.
        String expected = "/var/log/vmware 1.log:1:a error b\n/var/log/vmware 1.log:3:stun 42 ms\n";
        assertEquals(new Facts.Content(expected, false), present(facts.lines(scan)));
        Facts.Content cut = present(facts.lines(capped));
        assertTrue(cut.truncated());
        assertTrue(cut.text().length() > 10 && cut.text().length() <= 20 && expected.startsWith(cut.text()),
                cut.text());
        assertEquals(new Facts.Content("", false), present(facts.lines(noFile)));
    }

    @Test
    void aFifoNamedLikeALogDoesNotHangTheProbe() throws Exception {
        FactRequest.FileLines scan = new FactRequest.FileLines("/var/log", "*.log", List.of("error"), 1000);
        Facts facts = probe(List.of(new FactRequest.FileContent("/var/log/vmware-fifo.log", 100),
                new FactRequest.FileStat("/var/log/vmware-fifo.log"), scan,
                new FactRequest.FileContent("/var/log", 100), new FactRequest.DirectoryListing("/etc/hundred")));

        Fact.Unknown<?> fifo = assertInstanceOf(Fact.Unknown.class, facts.content("/var/log/vmware-fifo.log", 100));
        assertTrue(fifo.reason().contains("not a regular file"), fifo.reason());
        assertEquals(FileKind.FIFO, present(facts.stat("/var/log/vmware-fifo.log")).kind());
        assertEquals("/var/log/other.log:1:error elsewhere\n/var/log/vmware 1.log:1:a error b\n",
                present(facts.lines(scan)).text());
        Fact.Unknown<?> directory = assertInstanceOf(Fact.Unknown.class, facts.content("/var/log", 100));
        assertTrue(directory.reason().contains("not a regular file"), directory.reason());
        Fact.Unknown<?> file = assertInstanceOf(Fact.Unknown.class, facts.listing("/etc/hundred"));
        assertTrue(file.reason().contains("not a directory"), file.reason());
    }

    @Test
    void commandsRunOnTheRealHostAndNotUnderARoot() throws Exception {
        FactRequest uname = new FactRequest.CommandOutput(AllowedCommand.UNAME, List.of());
        Facts real = probe(Optional.empty(), List.of(uname));
        Facts tree = probe(List.of(uname));

        Facts.CommandResult result = present(real.command(AllowedCommand.UNAME, List.of()));
        assertEquals(0, result.exitStatus());
        byte[] expected = ShellProbe.execute(List.of("uname", "-srm"), new byte[0]);
        assertEquals(new String(expected, StandardCharsets.UTF_8), result.output());
        Fact.Unknown<?> skipped = assertInstanceOf(Fact.Unknown.class, tree.command(AllowedCommand.UNAME, List.of()));
        assertTrue(skipped.reason().contains("--root"), skipped.reason());
    }

    @Test
    void aCommandThatIsNotInstalledIsAbsent() throws Exception {
        assumeTrue(ShellProbe.executable("vim-cmd").isEmpty(), "vim-cmd is installed here");
        FactRequest request = new FactRequest.CommandOutput(AllowedCommand.VIM_CMD_GETALLVMS, List.of());
        Facts facts = probe(Optional.empty(), List.of(request));
        assertInstanceOf(Fact.Absent.class, facts.command(AllowedCommand.VIM_CMD_GETALLVMS, List.of()));
    }

    /**
     * As root nothing is unreadable, so this runs the probe as {@code nobody} (with {@code setpriv}) where
     * the machine allows it, and skips where it does not.
     */
    @Test
    void whatTheProbingUserMayNotReadIsUnknownWithTheReason() throws Exception {
        Optional<Path> setpriv = ShellProbe.executable("setpriv");
        assumeTrue(setpriv.isPresent(), "setpriv is not installed");
        List<String> asNobody = List.of(setpriv.get().toString(), "--reuid=65534", "--regid=65534", "--clear-groups");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(root.resolve("locked"));
        Files.writeString(root.resolve("locked/secret"), "secret\n");
        Files.setPosixFilePermissions(root.resolve("locked"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(root.resolve("etc/hundred"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(root.resolve("etc/open"), "open\n");
        byte[] probe = ShellProbe.execute(List.of(asNobody.get(0), asNobody.get(1), asNobody.get(2), asNobody.get(3),
                "/bin/sh", "-c", "id -u; cat -- \"$1\"", "sh", root.resolve("etc/open").toString()), new byte[0]);
        assumeTrue(new String(probe, StandardCharsets.UTF_8).equals("65534\nopen\n"),
                "cannot run as nobody here, or nobody cannot reach the temporary directory");

        FactRequest.FileLines lines = new FactRequest.FileLines("/etc", "*", List.of("0"), 1000);
        List<FactRequest> requests = List.of(new FactRequest.FileStat("/locked/secret"),
                new FactRequest.FileContent("/locked/secret", 100), new FactRequest.DirectoryListing("/locked"),
                new FactRequest.FileStat("/etc/hundred"), new FactRequest.FileContent("/etc/hundred", 100), lines,
                new FactRequest.FileContent("/etc/open", 100));
        for (ShellProbe.Shell shell : List.of(ShellProbe.sh(), ShellProbe.sh().withPrelude(ShellProbe.NO_STAT_C))) {
            Facts facts = ShellProbe.run(shell.runAs(asNobody), root.toString(), requests).facts();
            assertEquals(Optional.of(65534L), facts.info().uid(), shell.name());
            for (Fact<?> fact : List.of(facts.stat("/locked/secret"), facts.content("/locked/secret", 100),
                    facts.listing("/locked"), facts.content("/etc/hundred", 100), facts.lines(lines))) {
                Fact.Unknown<?> unknown = assertInstanceOf(Fact.Unknown.class, fact, shell.name());
                assertTrue(unknown.reason().contains("permission denied"), shell.name() + ": " + unknown.reason());
                assertTrue(unknown.reason().contains("uid 65534"), unknown.reason());
            }
            FileInfo hundred = present(facts.stat("/etc/hundred"));
            assertEquals(0, hundred.uid(), "the status of an unreadable file is still known");
            assertEquals(new Facts.Content("open\n", false), present(facts.content("/etc/open", 100)));
        }
    }
}
