package dev.quiesce.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.AuditRun;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.Sha256;
import dev.quiesce.testing.SyntheticRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evidence bundle lists every file with its hash, and verify notices any change to any of them. */
class EvidenceBundleTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T02:05:00Z"), ZoneOffset.UTC);
    private static final EvidenceBundle.Provenance PROVENANCE = new EvidenceBundle.Provenance("auditor",
            "quiesce audit --inventory hosts.yaml --bundle bundle.zip");
    private static final String PACK_YAML = "id: synthetic\nversion: 1.0.0\nrules: []\n";

    @TempDir
    Path dir;
    AuditRun run;
    Path zip;
    /** What the bundle must hold: entry name to bytes, worked out here, not read back from the bundle. */
    Map<String, byte[]> expected = new LinkedHashMap<>();

    static String capture(String host) {
        return "{\"format\":\"quiesce-capture/1\",\"host\":\"" + host + "\",\"facts\":[]}";
    }

    @BeforeEach
    void write() throws IOException {
        run = SyntheticRuns.builder().hosts(2).rules(3).capture(EvidenceBundleTest::capture).packContent(PACK_YAML)
                .build();
        Path json = Files.writeString(dir.resolve("report.json"), JsonReport.toJson(run));
        // A large report, so that the middle of the zip is inside this entry's compressed bytes.
        StringBuilder big = new StringBuilder();
        Random random = new Random(42);
        for (int i = 0; i < 8_000; i++) {
            big.append(Long.toHexString(random.nextLong())).append('\n');
        }
        Path log = Files.writeString(dir.resolve("summary.md"), big);
        zip = dir.resolve("out/bundle.zip");
        String sha = EvidenceBundle.write(zip, run, List.of(json, log), PROVENANCE, CLOCK);
        assertEquals(Sha256.hex(Files.readAllBytes(zip)), sha, "write returns the zip's SHA-256");

        expected.put("reports/report.json", Files.readAllBytes(json));
        expected.put("reports/summary.md", Files.readAllBytes(log));
        expected.put("captures/host-01.capture.json", capture("host-01").getBytes(StandardCharsets.UTF_8));
        expected.put("captures/host-02.capture.json", capture("host-02").getBytes(StandardCharsets.UTF_8));
        expected.put("rules/synthetic.yaml", PACK_YAML.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anIntactBundleListsEveryFileWithItsHashAndSize() {
        BundleVerifier.Verification result = BundleVerifier.verify(zip);
        assertTrue(result.intact(), result.problems().toString());
        BundleManifest manifest = result.manifest();
        assertEquals(BundleManifest.FORMAT, manifest.format());
        assertEquals(run.id(), manifest.runId());
        assertEquals(PROVENANCE.commandLine(), manifest.commandLine());
        assertEquals("2025-03-01T02:05:00Z", manifest.created());
        assertEquals(expected.keySet(), manifest.files().stream().map(BundleManifest.FileEntry::path)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
        for (BundleManifest.FileEntry entry : manifest.files()) {
            byte[] bytes = expected.get(entry.path());
            assertEquals(Sha256.hex(bytes), entry.sha256(), entry.path());
            assertEquals(bytes.length, entry.size(), entry.path());
        }
    }

    @Test
    void oneChangedByteInOneFileIsNamed() throws IOException {
        Path tampered = rewrite(entries -> {
            byte[] bytes = entries.get("captures/host-02.capture.json").clone();
            bytes[bytes.length / 2] ^= 0x01;
            entries.put("captures/host-02.capture.json", bytes);
            return entries;
        });
        BundleVerifier.Verification result = BundleVerifier.verify(tampered);
        assertFalse(result.intact());
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().get(0).startsWith("captures/host-02.capture.json: SHA-256"),
                result.problems().toString());
    }

    @Test
    void aFlippedByteInTheZipItselfIsAProblemNotAnException() throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        bytes[bytes.length / 2] ^= (byte) 0xff;
        Path damaged = Files.write(dir.resolve("damaged.zip"), bytes);
        BundleVerifier.Verification result = BundleVerifier.verify(damaged);
        assertFalse(result.intact(), "a damaged zip passed verification");
    }

    @Test
    void anEntryTheManifestDoesNotListIsNamed() throws IOException {
        Path extra = rewrite(entries -> {
            entries.put("reports/extra.html", "<p>added later</p>".getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        BundleVerifier.Verification result = BundleVerifier.verify(extra);
        assertEquals(List.of("reports/extra.html: not listed in the manifest"), result.problems());
    }

    @Test
    void aMissingFileIsAUserError() {
        QuiesceException e = assertThrows(QuiesceException.class,
                () -> BundleVerifier.verify(dir.resolve("no-such-bundle.zip")));
        assertTrue(e.getMessage().contains("no-such-bundle.zip"), e.getMessage());
    }

    @Test
    void hostNamesBecomeSafeUniqueEntryNames() throws IOException {
        String[] names = {"../../etc/passwd", "..", ".", "a/b", "a b", "a_b", "/abs/path", "C:\\win\\x", "..hidden",
            "host 中文"};
        AuditRun hostile = SyntheticRuns.builder().hostNames(names).rules(1).capture(EvidenceBundleTest::capture)
                .build();
        Path bundle = dir.resolve("hostile.zip");
        EvidenceBundle.write(bundle, hostile, List.of(), PROVENANCE, CLOCK);
        assertTrue(BundleVerifier.verify(bundle).intact(), BundleVerifier.verify(bundle).problems().toString());

        Path root = dir.resolve("extract").toAbsolutePath();
        Set<String> captureEntries = new HashSet<>();
        Map<String, String> contentByEntry = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(bundle.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                String name = entry.getName();
                assertTrue(root.resolve(name).normalize().startsWith(root), "escapes the directory: " + name);
                assertFalse(name.startsWith("/") || name.contains("\\"), name);
                for (String segment : name.split("/", -1)) {
                    assertFalse(segment.isEmpty() || segment.equals(".") || segment.equals(".."), name);
                }
                if (name.startsWith("captures/")) {
                    String file1 = name.substring("captures/".length());
                    assertTrue(file1.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*\\.capture\\.json"), name);
                    assertTrue(captureEntries.add(name), "duplicate " + name);
                    try (InputStream in = file.getInputStream(entry)) {
                        contentByEntry.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        assertEquals(names.length, captureEntries.size(), "one capture per host: " + captureEntries);
        Set<String> captured = hostile.hosts().stream().map(HostResult::name).map(EvidenceBundleTest::capture)
                .collect(Collectors.toSet());
        assertEquals(captured, new HashSet<>(contentByEntry.values()), "every host's own capture, none lost");
    }

    /** A copy of the bundle with its entries changed, the manifest kept as written. */
    private Path rewrite(UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                try (InputStream in = file.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        Path copy = dir.resolve("rewritten.zip");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> entry : change.apply(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        try (OutputStream out = Files.newOutputStream(copy)) {
            buffer.writeTo(out);
        }
        return copy;
    }
}
