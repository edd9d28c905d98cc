package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeStage;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.host.Capture;
import dev.quiesce.host.CaptureFile;
import dev.quiesce.host.HostSession;
import dev.quiesce.model.Tool;
import dev.quiesce.testing.Bwrap;
import dev.quiesce.testing.GuestTree;
import dev.quiesce.testing.TreeAudit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiesce simulate} end to end, with the real bwrap. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    private static String article(String name) {
        try (InputStream in = SimulateCommandTest.class.getResourceAsStream("/scripts/article/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void theArticlePairPrintsAPassingVerdictForEveryScenario() throws Exception {
        Bwrap.required();
        Cli cli = Cli.run("simulate", "--pre", write("pre", article("pre-freeze-script")).toString(), "--post",
                write("post", article("post-thaw-script")).toString(), "--instances", "CACHE,TEST", "--timeout", "5s");
        assertEquals(0, cli.exit(), cli.toString());
        List<String> rows = cli.out().lines().filter(l -> l.startsWith("pre ") || l.startsWith("post ")).toList();
        assertEquals(13, rows.size(), cli.out());
        rows.forEach(r -> assertTrue(r.contains(" PASS "), r));
        assertTrue(cli.out().contains("csession CACHE ExternalFreeze=5; csession TEST ExternalFreeze=5"), cli.out());
        assertTrue(cli.out().contains("killed after 5 s"), cli.out());
        assertTrue(cli.out().endsWith("PASS: every scenario's verdict passes (13 scenarios)\n"), cli.out());
    }

    @Test
    void aScriptThatExitsWithTheSessionsStatusFailsWithExit1() throws Exception {
        Bwrap.required();
        String exits5 = "#!/bin/sh\ncsession CACHE -U%SYS '##Class(Backup.General).ExternalFreeze()'\nexit $?\n";
        Cli cli = Cli.run("simulate", "--pre", write("pre", exits5).toString(), "--instances", "CACHE", "--timeout", "5s");
        assertEquals(1, cli.exit(), cli.toString());
        String row = cli.out().lines().filter(l -> l.startsWith("pre  freeze answers 5")).findFirst().orElseThrow();
        assertTrue(row.contains(" 5 ") && row.contains("FAIL"), row);
        assertTrue(cli.out().contains("every quiesced snapshot fails"), cli.out());
    }

    @Test
    void whatAScriptPrintsOrPassesReachesTheTerminalEscaped() throws Exception {
        Bwrap.required();
        String hostile = "#!/bin/sh\nprintf '\\033]0;pwned\\007\\033[2J' >&2\ncsession \"$(printf 'X\\033[31mY')\" "
                + "'ExternalFreeze'\nexit 0\n";
        Cli cli = Cli.run("simulate", "--pre", write("pre", hostile).toString(), "--instances", "CACHE", "--timeout", "5s");
        assertEquals(1, cli.exit(), cli.toString());
        assertFalse(cli.out().contains("\033"), cli.out());
        assertTrue(cli.out().contains("csession X\\x1b[31mY ExternalFreeze=1"), cli.out());
        assertTrue(cli.out().contains("stderr: \\x1b]0;pwned\\x07\\x1b[2J"), cli.out());
    }

    @Test
    void usageErrorsExit2() throws Exception {
        assertEquals(2, Cli.run("simulate").exit());
        Path pre = write("pre", "#!/bin/sh\nexit 0\n");
        Cli bad = Cli.run("simulate", "--pre", pre.toString(), "--timeout", "soon");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--timeout soon"), bad.err());
        Cli names = Cli.run("simulate", "--pre", pre.toString(), "--instances", "IRIS,../x");
        assertEquals(2, names.exit(), names.toString());
        assertEquals(2, Cli.run("simulate", "--pre", dir.resolve("missing").toString()).exit());
        assertEquals(2, Cli.run("simulate", "--pre", pre.toString(), "--capture", pre.toString()).exit());
    }

    @Test
    void withoutBwrapItRefusesAndSaysHowToInstallIt() throws Exception {
        Path pre = write("pre", "#!/bin/sh\ntouch " + dir.resolve("ran") + "\n");
        Cli cli = Cli.run("simulate", "--pre", pre.toString(), "--bwrap", dir.resolve("no-bwrap").toString());
        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("apt-get install bubblewrap") && cli.err().contains("dnf install bubblewrap"),
                cli.err());
        assertFalse(Files.exists(dir.resolve("ran")), "the script never runs unsandboxed");
    }

    @Test
    void aBwrapTheKernelRefusesIsExit2WithTheReason() throws Exception {
        Path fake = write("bwrap", "#!/bin/sh\necho 'bwrap: setting up uid map: Permission denied' >&2\nexit 1\n");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path pre = write("pre", "#!/bin/sh\ntouch " + dir.resolve("ran") + "\n");
        Cli cli = Cli.run("simulate", "--pre", pre.toString(), "--bwrap", fake.toString());
        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("setting up uid map: Permission denied"), cli.err());
        assertTrue(cli.err().contains("user namespaces"), cli.err());
        assertFalse(Files.exists(dir.resolve("ran")));
    }

    private Path capture(GuestTree tree, List<FactRequest<?>> requests) throws Exception {
        ProbeStage stage;
        try (HostSession session = TreeAudit.localHost(tree.root()).open()) {
            stage = session.probe(requests);
        }
        Path file = dir.resolve("guest.capture.json");
        CaptureFile.write(new Capture("db1", Set.of("guest"), new Tool("quiesce", "test"),
                new ProbeTranscript(tree.root().toString(), "", stage)), file);
        return file;
    }

    @Test
    void theScriptsComeFromACapture() throws Exception {
        Bwrap.required();
        GuestTree tree = GuestTree.passing(dir.resolve("tree")).file(GuestTree.FREEZE, article("pre-freeze-script"), "0700")
                .file(GuestTree.THAW, article("post-thaw-script"), "0700");
        Path file = capture(tree, List.of(new FactRequest.FileContent(GuestTree.FREEZE, 65536),
                new FactRequest.FileContent(GuestTree.THAW, 65536)));
        Cli cli = Cli.run("simulate", "--capture", file.toString(), "--timeout", "5s");
        assertEquals(0, cli.exit(), cli.toString());
        assertEquals(13, cli.out().lines().filter(l -> l.contains(" PASS ")).count(), cli.out());
    }

    @Test
    void aCaptureWithoutTheScriptsIsAClearErrorExit2() throws Exception {
        GuestTree tree = GuestTree.passing(dir.resolve("tree"));
        Path file = capture(tree, List.of(new FactRequest.FileStat(GuestTree.FREEZE)));
        Cli cli = Cli.run("simulate", "--capture", file.toString());
        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("neither script's content"), cli.err());
        assertTrue(cli.err().contains("/usr/sbin/pre-freeze-script was not collected"), cli.err());
    }
}
