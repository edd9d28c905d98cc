package dev.quiesce.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiesce.model.QuiesceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {
    @TempDir
    Path dir;

    @Test
    void aLinkAtTheTargetIsReplacedAndWhatItPointsAtIsLeftAlone() throws IOException {
        Path victim = Files.writeString(dir.resolve("root-owned-file"), "precious");
        Path out = Files.createDirectory(dir.resolve("quiesce-out"));
        Files.createSymbolicLink(out.resolve("summary.md"), victim);

        OutputFile.write(out.resolve("summary.md"), "report".getBytes(StandardCharsets.UTF_8));

        assertEquals("precious", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(out.resolve("summary.md")));
        assertEquals("report", Files.readString(out.resolve("summary.md")));
    }

    @Test
    void aWriterThatClosesWhatItIsGivenStillWritesTheFile() throws IOException {
        OutputFile.write(dir.resolve("report.pdf"), out -> {
            out.write("%PDF".getBytes(StandardCharsets.UTF_8));
            out.close(); // as OpenPDF's PdfStamper does
        });
        assertEquals("%PDF", Files.readString(dir.resolve("report.pdf")));
    }

    @Test
    void aWriteThatFailsLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("report.json"), "old");
        assertThrows(IOException.class, () -> OutputFile.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void theDirectoryIsMadeWhenMissingAndADirectoryAtTheTargetIsAnError() throws IOException {
        OutputFile.write(dir.resolve("a/b/report.json"), new byte[] {'{', '}'});
        assertTrue(Files.isRegularFile(dir.resolve("a/b/report.json"), LinkOption.NOFOLLOW_LINKS));
        Files.createDirectory(dir.resolve("summary.md"));
        QuiesceException e = assertThrows(QuiesceException.class,
                () -> OutputFile.write(dir.resolve("summary.md"), new byte[0]));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void asRootADirectoryOthersCanWriteIsRefusedUnlessSticky() throws IOException {
        assumeTrue(RunningUser.isRoot(), "only root refuses such a directory");
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        QuiesceException e = assertThrows(QuiesceException.class,
                () -> OutputFile.write(open.resolve("report.json"), new byte[0]));
        assertTrue(e.getMessage().contains("writable by group or others"), e.getMessage());
        assertFalse(Files.exists(open.resolve("report.json")));

        Files.setAttribute(open, "unix:mode", 01777);
        OutputFile.write(open.resolve("report.json"), new byte[0]);
        assertTrue(Files.exists(open.resolve("report.json")));
    }

    @Test
    void asRootADirectoryOwnedByAnotherUserIsRefused() throws IOException {
        assumeTrue(RunningUser.isRoot(), "only root refuses such a directory");
        Path theirs = Files.createDirectory(dir.resolve("theirs"));
        Files.setAttribute(theirs, "unix:uid", 1000);
        QuiesceException e = assertThrows(QuiesceException.class,
                () -> OutputFile.write(theirs.resolve("report.json"), new byte[0]));
        assertTrue(e.getMessage().contains("belongs to"), e.getMessage());
    }
}
