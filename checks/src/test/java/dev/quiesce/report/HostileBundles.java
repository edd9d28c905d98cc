package dev.quiesce.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiesce.model.Sha256;
import dev.quiesce.testing.SyntheticRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Hostile evidence bundles, built from a genuine one: used by {@link BundleVerifierTest}, and written by
 * {@link #main} into the cli's hostile corpus ({@code cli/src/test/resources/hostile/bundles/}), so that the
 * committed zips can be made again: {@code java -cp <test classpath> dev.quiesce.report.HostileBundles DIR}.
 */
final class HostileBundles {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The genuine bundle's files, manifest.json first. */
    private final Map<String, byte[]> genuine = new LinkedHashMap<>();

    HostileBundles(Path work) throws IOException {
        Path report = Files.writeString(work.resolve("report.json"), "{\"genuine\":true}\n");
        Path zip = work.resolve("genuine.zip");
        EvidenceBundle.write(zip, SyntheticRuns.grid(1, 1), List.of(report), new EvidenceBundle.Provenance("auditor",
                "quiesce audit"), Clock.fixed(Instant.parse("2025-03-01T02:05:00Z"), ZoneOffset.UTC));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                genuine.put(e.getName(), in.readAllBytes());
            }
        }
    }

    byte[] manifest() {
        return genuine.get(BundleManifest.FILE_NAME);
    }

    /** The genuine files in order, {@code manifest} in place of the manifest. */
    RawZip withManifest(byte[] manifest) {
        RawZip zip = new RawZip().add(BundleManifest.FILE_NAME, manifest);
        genuine.forEach((name, bytes) -> {
            if (!name.equals(BundleManifest.FILE_NAME)) {
                zip.add(name, bytes);
            }
        });
        return zip;
    }

    RawZip genuineZip() {
        return withManifest(manifest());
    }

    /** A forged report placed before the genuine one, under the same name. */
    RawZip forgedReportFirst() {
        RawZip zip = new RawZip().add(BundleManifest.FILE_NAME, manifest())
                .add("reports/report.json", "{\"forged\":true}\n".getBytes(StandardCharsets.UTF_8));
        genuine.forEach((name, bytes) -> {
            if (!name.equals(BundleManifest.FILE_NAME)) {
                zip.add(name, bytes);
            }
        });
        return zip;
    }

    RawZip secondManifest() {
        return genuineZip().add(BundleManifest.FILE_NAME, "{\"format\":\"forged\"}".getBytes(StandardCharsets.UTF_8));
    }

    /** An entry named {@code name}, listed with its right hash, as a forger who can compute hashes would. */
    RawZip listedEntry(String name) throws IOException {
        byte[] payload = "* * * * * root id\n".getBytes(StandardCharsets.UTF_8);
        return withManifest(manifestListing(name, payload)).add(name, payload);
    }

    /** The report's central directory name differs from its header's by one letter's case. */
    RawZip headerAndDirectoryDisagree() {
        RawZip zip = new RawZip();
        genuine.forEach((name, bytes) -> zip.add(name, name.equals("reports/report.json") ? "reports/report.jsoN" : name,
                bytes));
        return zip;
    }

    RawZip inflatesPastTheCap() {
        return genuineZip().addZeros("reports/big.pdf", BundleVerifier.MAX_ENTRY_BYTES + (1 << 20));
    }

    static RawZip manifestOnly(String manifest) {
        return new RawZip().add(BundleManifest.FILE_NAME, manifest.getBytes(StandardCharsets.UTF_8));
    }

    static final String MANIFEST_WITHOUT_PATH = "{\"format\":\"quiesce-bundle/1\",\"runId\":\"r\",\"started\":\"s\","
            + "\"finished\":\"f\",\n\"toolName\":\"quiesce\",\"toolVersion\":\"1\",\"operator\":\"o\",\"commandLine\":\"c\","
            + "\"created\":\"c\",\n\"files\":[\n  {\"sha256\":\"" + "0".repeat(64) + "\",\"size\":1}]}";

    byte[] manifestListing(String path, byte[] bytes) throws IOException {
        BundleManifest manifest = JSON.readValue(manifest(), BundleManifest.class);
        List<BundleManifest.FileEntry> files = new ArrayList<>(manifest.files());
        files.add(new BundleManifest.FileEntry(path, Sha256.hex(bytes), bytes.length));
        return JSON.writeValueAsBytes(new BundleManifest(manifest.format(), manifest.runId(), manifest.started(),
                manifest.finished(), manifest.toolName(), manifest.toolVersion(), manifest.operator(),
                manifest.commandLine(), manifest.created(), files));
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        HostileBundles b = new HostileBundles(Files.createTempDirectory("bundles"));
        Map<String, RawZip> cases = new LinkedHashMap<>();
        cases.put("forged-report-first.zip", b.forgedReportFirst());
        cases.put("second-manifest.zip", b.secondManifest());
        cases.put("traversal-name.zip", b.listedEntry("../../etc/cron.d/quiesce"));
        cases.put("absolute-name.zip", b.listedEntry("/etc/cron.d/quiesce"));
        cases.put("header-and-directory-disagree.zip", b.headerAndDirectoryDisagree());
        cases.put("inflates-past-the-cap.zip", b.inflatesPastTheCap());
        cases.put("manifest-entry-without-path.zip", manifestOnly(MANIFEST_WITHOUT_PATH));
        cases.put("manifest-not-json.zip", manifestOnly("not json"));
        cases.put("entry-not-in-manifest.zip", b.genuineZip().add("reports/extra.html",
                "<p>added later</p>".getBytes(StandardCharsets.UTF_8)));
        for (Map.Entry<String, RawZip> c : cases.entrySet()) {
            Files.write(out.resolve(c.getKey()), c.getValue().bytes());
        }
        Files.write(out.resolve("not-a-zip.zip"), "PK\u0003\u0004 this is not a zip".getBytes(StandardCharsets.ISO_8859_1));
    }
}
