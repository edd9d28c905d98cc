package dev.quiesce.report;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiesce.files.StrictJson;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.Sha256;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Checks an evidence bundle against its manifest, reading the zip as someone who wants to fool it would
 * write it. A zip names its files twice, in each entry's own header and in the central directory at its
 * end; tools differ in which they trust, and a name may appear twice. So the two lists must agree, name for
 * name and in order, every name must be plain and relative and appear once, and the manifest must list
 * exactly the other files: then every tool extracts what was checked. Entries are hashed as they stream,
 * each within a cap, so a small zip that inflates to gigabytes costs time bounded by the cap, not memory.
 */
public final class BundleVerifier {
    /** A bundle larger than this is not read: a fleet's reports and captures stay far below it. */
    static final long MAX_BUNDLE_BYTES = 4L * 1024 * 1024 * 1024;
    /** No file of a bundle inflates past this (the largest are PDFs and captures). */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;
    /** The manifest is read whole: it lists names and hashes only. */
    static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
    private static final ObjectMapper JSON = StrictJson.mapper(16, MAX_MANIFEST_BYTES);

    private BundleVerifier() {}

    /** What {@link #verify} found: the problems, one per file or flaw, empty when the bundle is intact. */
    public record Verification(BundleManifest manifest, List<String> problems) {
        public Verification {
            problems = List.copyOf(problems);
        }

        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /** What one entry of the zip holds, as its own header and data give it. */
    private record Streamed(String name, String sha256, long size, boolean overCap) {}

    /**
     * @throws QuiesceException when there is no such file, or it is not a regular file, or too large to be a bundle
     */
    public static Verification verify(Path zip) {
        if (!Files.exists(zip)) {
            throw new QuiesceException(zip + ": no such file");
        }
        if (!Files.isRegularFile(zip)) {
            throw new QuiesceException(zip + ": not a regular file; give the bundle's zip file");
        }
        try {
            if (Files.size(zip) > MAX_BUNDLE_BYTES) {
                throw new QuiesceException(zip + ": larger than a bundle can be (" + MAX_BUNDLE_BYTES + " bytes)");
            }
        } catch (IOException e) {
            throw new QuiesceException(zip + ": cannot read: " + e.getMessage(), e);
        }
        List<String> central;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            central = file.stream().map(ZipEntry::getName).toList();
        } catch (IOException e) {
            return new Verification(null, List.of(zip + ": not a readable zip file (" + e.getMessage() + ")"));
        }
        List<Streamed> entries = new ArrayList<>();
        byte[] manifest = null;
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip)))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(BundleManifest.FILE_NAME) && manifest == null) {
                    manifest = in.readNBytes(MAX_MANIFEST_BYTES + 1);
                    entries.add(new Streamed(entry.getName(), "", manifest.length,
                            manifest.length > MAX_MANIFEST_BYTES));
                } else {
                    entries.add(hash(entry.getName(), in));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return new Verification(null, List.of(zip + ": not a readable zip file, or damaged (" + e.getMessage()
                    + ")"));
        }
        List<String> problems = new ArrayList<>(structure(central, entries));
        if (manifest == null) {
            problems.add("no " + BundleManifest.FILE_NAME + "; is this a quiesce evidence bundle?");
            return new Verification(null, problems);
        }
        if (manifest.length > MAX_MANIFEST_BYTES) {
            problems.add(BundleManifest.FILE_NAME + ": larger than " + MAX_MANIFEST_BYTES + " bytes");
            return new Verification(null, problems);
        }
        ManifestReading reading = ManifestReading.of(manifest);
        problems.addAll(reading.problems());
        if (reading.manifest().isPresent()) {
            problems.addAll(contents(reading.manifest().get(), entries));
        }
        return new Verification(reading.manifest().orElse(null), problems);
    }

    private static Streamed hash(String name, InputStream in) throws IOException {
        MessageDigest digest = Sha256.digest();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
            size += n;
            if (size > MAX_ENTRY_BYTES) {
                return new Streamed(name, "", size, true);
            }
        }
        return new Streamed(name, Sha256.hex(digest), size, false);
    }

    /** Names: plain, each once, and the same in the entries' headers as in the central directory. */
    private static List<String> structure(List<String> central, List<Streamed> entries) {
        List<String> problems = new ArrayList<>();
        List<String> local = entries.stream().map(Streamed::name).toList();
        if (!local.equals(central)) {
            problems.add("the zip's central directory (" + central.size() + " names) and its entries (" + local.size()
                    + ") do not agree: unzip tools could extract other files than those checked");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        central.forEach(n -> counts.merge(n, 1, Integer::sum));
        local.forEach(n -> counts.putIfAbsent(n, 1));
        counts.forEach((name, count) -> {
            unsafe(name).ifPresent(why -> problems.add(shown(name) + ": " + why));
            if (count > 1) {
                problems.add(shown(name) + ": in the zip " + count + " times; a bundle holds each file once");
            }
        });
        entries.stream().filter(Streamed::overCap).forEach(e -> problems.add(shown(e.name()) + ": inflates past "
                + MAX_ENTRY_BYTES + " bytes; not a file quiesce writes"));
        return problems;
    }

    /** Why a name is not one quiesce writes and every unzip tool reads the same way, if it is not. */
    static Optional<String> unsafe(String name) {
        if (name.isEmpty()) {
            return Optional.of("an empty name");
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return Optional.of("an absolute name, which an unzip tool could write outside its directory");
        }
        if (name.contains("\\")) {
            return Optional.of("a backslash, which some tools read as a directory separator");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("a control character in the name");
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..")) {
                return Optional.of("a '..' part, which an unzip tool could follow outside its directory");
            }
            if (part.isEmpty() || part.equals(".")) {
                return Optional.of("an empty or '.' part; a bundle names each file one way only");
            }
        }
        return Optional.empty();
    }

    /** Every listed file present with its size and hash, and nothing else in the zip. */
    private static List<String> contents(BundleManifest manifest, List<Streamed> entries) {
        Map<String, Streamed> byName = new LinkedHashMap<>();
        entries.forEach(e -> byName.putIfAbsent(e.name(), e));
        List<String> problems = new ArrayList<>();
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (BundleManifest.FileEntry file : manifest.files()) {
            if (!listed.add(file.path())) {
                problems.add(shown(file.path()) + ": listed twice in the manifest");
                continue;
            }
            unsafe(file.path()).ifPresent(why -> problems.add(shown(file.path()) + ": the manifest lists " + why));
            Streamed entry = byName.get(file.path());
            if (entry == null) {
                problems.add(shown(file.path()) + ": missing");
            } else if (!entry.overCap() && entry.size() != file.size()) {
                problems.add(shown(file.path()) + ": size " + entry.size() + ", manifest says " + file.size());
            } else if (!entry.overCap() && !entry.sha256().equals(file.sha256())) {
                problems.add(shown(file.path()) + ": SHA-256 " + entry.sha256() + ", manifest says " + file.sha256());
            }
        }
        byName.keySet().stream().filter(n -> !n.equals(BundleManifest.FILE_NAME) && !listed.contains(n))
                .forEach(n -> problems.add(shown(n) + ": not listed in the manifest"));
        return problems;
    }

    private static String shown(String name) {
        return name.length() > 200 ? name.substring(0, 200) + "..." : name;
    }

    /** The manifest read strictly: every problem of its JSON or its fields, at its line and column. */
    private record ManifestReading(Optional<BundleManifest> manifest, List<String> problems) {
        private static final List<String> TEXT_FIELDS = List.of("format", "runId", "started", "finished", "toolName",
                "toolVersion", "operator", "commandLine", "created");

        static ManifestReading of(byte[] bytes) {
            JsonNode root;
            try {
                root = JSON.readTree(bytes);
            } catch (IOException e) {
                String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                        : e.getMessage();
                return failed(BundleManifest.FILE_NAME + ": not valid JSON: " + String.valueOf(why).lines().findFirst()
                        .orElse("") + at(e));
            }
            List<String> problems = new ArrayList<>();
            if (root == null || !root.isObject()) {
                return failed(BundleManifest.FILE_NAME + ":1:1: not a JSON object");
            }
            Map<String, String> text = new LinkedHashMap<>();
            for (String field : TEXT_FIELDS) {
                JsonNode value = root.get(field);
                if (value == null || !value.isTextual()) {
                    problems.add(place(bytes, "/" + field) + ": '" + field + "' must be a string");
                } else {
                    text.put(field, value.asText());
                }
            }
            if (text.containsKey("format") && !BundleManifest.FORMAT.equals(text.get("format"))) {
                problems.add(place(bytes, "/format") + ": format is '" + text.get("format") + "', not "
                        + BundleManifest.FORMAT);
            }
            JsonNode files = root.get("files");
            List<BundleManifest.FileEntry> entries = new ArrayList<>();
            if (files == null || !files.isArray()) {
                problems.add(place(bytes, "/files") + ": 'files' must be a list of {path, sha256, size}");
            } else {
                for (int i = 0; i < files.size(); i++) {
                    entry(bytes, files.get(i), "/files/" + i, problems).ifPresent(entries::add);
                }
            }
            if (!problems.isEmpty()) {
                return new ManifestReading(Optional.empty(), problems);
            }
            return new ManifestReading(Optional.of(new BundleManifest(text.get("format"), text.get("runId"),
                    text.get("started"), text.get("finished"), text.get("toolName"), text.get("toolVersion"),
                    text.get("operator"), text.get("commandLine"), text.get("created"), entries)), List.of());
        }

        private static Optional<BundleManifest.FileEntry> entry(byte[] bytes, JsonNode node, String pointer,
                                                                List<String> problems) {
            JsonNode path = node.get("path");
            JsonNode sha = node.get("sha256");
            JsonNode size = node.get("size");
            int before = problems.size();
            if (path == null || !path.isTextual()) {
                problems.add(place(bytes, pointer) + ": a file without a 'path' string");
            }
            if (sha == null || !sha.isTextual() || !sha.asText().matches("[0-9a-f]{64}")) {
                problems.add(place(bytes, pointer) + ": 'sha256' must be 64 lower-case hex digits");
            }
            if (size == null || !size.canConvertToLong() || !size.isIntegralNumber() || size.asLong() < 0) {
                problems.add(place(bytes, pointer) + ": 'size' must be a whole number of bytes");
            }
            return problems.size() > before ? Optional.empty()
                    : Optional.of(new BundleManifest.FileEntry(path.asText(), sha.asText(), size.asLong()));
        }

        private static ManifestReading failed(String problem) {
            return new ManifestReading(Optional.empty(), List.of(problem));
        }

        private static String place(byte[] bytes, String pointer) {
            return BundleManifest.FILE_NAME + ":" + JsonLocator.at(bytes, JsonPointer.compile(pointer));
        }

        private static String at(IOException e) {
            return e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")" : "";
        }
    }
}
