package dev.quiesce.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.quiesce.files.OutputFile;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The evidence bundle: one zip with the reports, each host's raw capture, the rule packs used and a
 * {@code manifest.json} that lists every other file with its SHA-256 and size. {@link BundleVerifier} checks
 * a bundle against its manifest.
 */
public final class EvidenceBundle {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvidenceBundle() {}

    /** Who made the bundle and how: the operator and the command line, secrets already removed. */
    public record Provenance(String operator, String commandLine) {}

    /**
     * Writes the bundle and returns its SHA-256.
     *
     * @param reports report files already written, stored under {@code reports/}
     */
    public static String write(Path zip, AuditRun run, List<Path> reports, Provenance provenance, Clock clock)
            throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Path report : reports) {
            files.put("reports/" + report.getFileName(), Files.readAllBytes(report));
        }
        Set<String> used = new HashSet<>();
        for (HostResult host : run.hosts()) {
            if (host.capture() != null) {
                files.put("captures/" + unique(safeName(host.name()), used) + ".capture.json",
                        host.capture().getBytes(StandardCharsets.UTF_8));
            }
        }
        for (RulePack pack : run.packs()) {
            files.put("rules/" + unique(safeName(pack.id()), used) + ".yaml",
                    pack.content().getBytes(StandardCharsets.UTF_8));
        }
        List<BundleManifest.FileEntry> entries = new ArrayList<>();
        files.forEach((name, bytes) -> entries.add(new BundleManifest.FileEntry(name, Sha256.hex(bytes), bytes.length)));
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, run.id(), run.started().toString(),
                run.finished().toString(), run.tool().name(), run.tool().version(), provenance.operator(),
                provenance.commandLine(), clock.instant().toString(), entries);
        MessageDigest digest = Sha256.digest();
        OutputFile.write(zip, out -> {
            ZipOutputStream zipOut = new ZipOutputStream(new DigestOutputStream(out, digest));
            put(zipOut, BundleManifest.FILE_NAME, JSON.writeValueAsBytes(manifest));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                put(zipOut, file.getKey(), file.getValue());
            }
            zipOut.finish();
        });
        return Sha256.hex(digest);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0); // the manifest carries the times; fixed entry times keep the zip's hash about content
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** A file name made of letters, digits, '.', '_' and '-' only, never starting with a dot. */
    static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        return safe.isEmpty() ? "_" : safe;
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }
}
