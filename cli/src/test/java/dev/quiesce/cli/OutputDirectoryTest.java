package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiesce.testing.GuestTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What another user left in an output directory cannot redirect what quiesce writes there. */
class OutputDirectoryTest {
    private static final List<String> FILES = List.of("report.json", "report.html", "report.pdf", "summary.md",
            "junit.xml");

    @TempDir
    Path dir;

    @Test
    void linksPlantedAtEveryReportNameAreReplacedAndTheirTargetsLeftAlone() throws IOException {
        GuestTree tree = GuestTree.passing(dir.resolve("guest"));
        Path out = Files.createDirectory(dir.resolve("quiesce-out"));
        for (String name : FILES) {
            Files.createSymbolicLink(out.resolve(name), Files.writeString(dir.resolve("victim-" + name), "precious"));
        }
        Path bundle = out.resolve("evidence.zip");
        Files.createSymbolicLink(bundle, Files.writeString(dir.resolve("victim-zip"), "precious"));

        Cli cli = Cli.withFileRules("audit", "--local", "--root", tree.root().toString(), "--format", "json,html,pdf,md,junit",
                "--out", out.toString(), "--bundle", bundle.toString());

        assertEquals(0, cli.exit(), cli.toString());
        for (String name : FILES) {
            assertEquals("precious", Files.readString(dir.resolve("victim-" + name)), name);
            assertFalse(Files.isSymbolicLink(out.resolve(name)), name);
        }
        assertEquals("precious", Files.readString(dir.resolve("victim-zip")));
        assertFalse(Files.isSymbolicLink(bundle));
    }

    @Test
    void asRootAnOutputDirectoryOthersCanWriteIsAConfigurationError() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root refuses such a directory");
        GuestTree tree = GuestTree.passing(dir.resolve("guest"));
        Path out = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));

        Cli cli = Cli.withFileRules("audit", "--local", "--root", tree.root().toString(), "--out", out.toString());

        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("writable by group or others"), cli.err());
        assertTrue(cli.err().contains("chmod go-w"), cli.err());
        assertFalse(cli.err().contains("AUDITED"), "the directory is checked before any host is audited: " + cli.err());
    }
}
