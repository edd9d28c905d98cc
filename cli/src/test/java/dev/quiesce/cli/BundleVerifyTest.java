package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports issue's acceptance run: every format and a bundle, verified, then tampered with. */
class BundleVerifyTest {
    @TempDir
    Path out;

    @Test
    void theDemoWritesEveryFormatAndABundleThatVerifiesUntilOneByteChanges() throws IOException {
        Path bundle = out.resolve("evidence.zip");
        Cli demo = Cli.run("demo", "--format", "json,html,pdf,md,junit", "--bundle", bundle.toString(), "--out",
                out.toString(), "--operator", "change-board");
        assertEquals(1, demo.exit(), demo.toString());
        for (String file : new String[] {"report.json", "report.html", "report.pdf", "summary.md", "junit.xml"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        String sha = demo.out().lines().filter(l -> l.startsWith("bundle ")).findFirst().orElseThrow()
                .replaceAll(".* sha256 ", "");
        assertTrue(Files.readString(out.resolve("summary.md")).contains(sha), "summary.md quotes the bundle hash");

        Cli verify = Cli.run("verify", bundle.toString());
        assertEquals(0, verify.exit(), verify.toString());
        assertTrue(verify.out().contains("OK: ") && verify.out().contains("operator change-board"), verify.out());
        List<String> names = entries(bundle);
        assertTrue(names.containsAll(List.of("manifest.json", "reports/report.json", "reports/report.html",
                "reports/report.pdf", "reports/junit.xml", "captures/db-bad.capture.json",
                "captures/db-good.capture.json", "rules/freeze-thaw-scripts.yaml")), names.toString());

        Path tampered = out.resolve("tampered.zip");
        rewriteWithOneByteChanged(bundle, tampered, "reports/report.json");
        Cli caught = Cli.run("verify", tampered.toString());
        assertEquals(1, caught.exit(), caught.toString());
        assertTrue(caught.out().contains("DIFFERS: reports/report.json: SHA-256"), caught.out());
    }

    /**
     * A bit flipped in the stored bytes of a file, not by re-zipping. (The middle of the zip is not always in
     * a file's data: it may be a data descriptor or a local header, which the central directory makes
     * redundant and verify does not read.)
     */
    @Test
    void aFlippedByteInAFilesStoredDataFailsVerification() throws IOException {
        Path bundle = out.resolve("evidence.zip");
        assertEquals(1, Cli.run("demo", "--bundle", bundle.toString(), "--out", out.toString()).exit());
        byte[] bytes = Files.readAllBytes(bundle);
        bytes[middleOfData(bundle, bytes, "reports/report.json")] ^= 0x01;
        Files.write(bundle, bytes);
        Cli verify = Cli.run("verify", bundle.toString());
        assertEquals(1, verify.exit(), verify.toString());
        assertTrue(verify.out().contains("DIFFERS: "), verify.out());
    }

    @Test
    void verifyingAFileThatDoesNotExistIsAUsageError() {
        Cli verify = Cli.run("verify", out.resolve("nope.zip").toString());
        assertEquals(2, verify.exit(), verify.toString());
        assertTrue(verify.err().contains("no such file"), verify.err());
    }

    private static List<String> entries(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream().map(ZipEntry::getName).toList();
        }
    }

    /** The offset of the middle byte of {@code name}'s stored data, from the entries' local headers in order. */
    private static int middleOfData(Path zip, byte[] bytes, String name) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            int offset = 0;
            for (ZipEntry entry : file.stream().toList()) {
                assertEquals(0x04034b50, b.getInt(offset), "a local header at " + offset);
                boolean descriptor = (b.getShort(offset + 6) & 0x08) != 0;
                int data = offset + 30 + (b.getShort(offset + 26) & 0xffff) + (b.getShort(offset + 28) & 0xffff);
                if (entry.getName().equals(name)) {
                    return data + (int) entry.getCompressedSize() / 2;
                }
                offset = data + (int) entry.getCompressedSize() + (descriptor ? 16 : 0);
            }
        }
        throw new AssertionError(name + " is not in " + zip);
    }

    /** Copies the zip, changing one byte of one entry's content: a valid zip whose content differs. */
    private static void rewriteWithOneByteChanged(Path from, Path to, String target) throws IOException {
        List<ZipEntry> entries = new ArrayList<>();
        try (ZipFile in = new ZipFile(from.toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(to))) {
            in.stream().forEach(entries::add);
            for (ZipEntry entry : entries) {
                byte[] bytes;
                try (InputStream data = in.getInputStream(entry)) {
                    bytes = data.readAllBytes();
                }
                if (entry.getName().equals(target)) {
                    bytes[bytes.length / 2] ^= 0x20;
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
    }
}
