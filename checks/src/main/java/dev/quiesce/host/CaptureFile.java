package dev.quiesce.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeStage;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.files.InputFile;
import dev.quiesce.files.OutputFile;
import dev.quiesce.files.StrictJson;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.Sha256;
import dev.quiesce.model.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes and reads capture files: JSON with the host, its roles, the collecting tool, the directory read
 * as {@code /}, the note on how the probe ran, and every stage (its token, requests by frame id, raw
 * answer in base64 and when it arrived). {@code sha256} covers all of it: the SHA-256 of the capture's
 * compact JSON without that field. It shows that nothing changed by accident or by an edit that did not
 * also recompute the hash; it is not a signature, and proves nothing against whoever can recompute it.
 */
public final class CaptureFile {
    /** A capture larger than this is refused before it is read: no probe answer comes near it. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /**
     * A capture nests six levels deep; its longest string is an answer in base64, which the file's own
     * cap bounds (Jackson's default of 20 MB would refuse a capture holding one large answer).
     */
    private static final ObjectMapper JSON = StrictJson.mapper(32, MAX_FILE_BYTES)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final java.util.regex.Pattern BASE64_LINES = java.util.regex.Pattern.compile("[A-Za-z0-9+/=\\r\\n]*");

    private CaptureFile() {}

    public static void write(Capture capture, Path file) throws IOException {
        OutputFile.write(file, toJson(capture).getBytes(StandardCharsets.UTF_8));
    }

    /** The capture file's text. */
    public static String toJson(Capture capture) {
        ProbeTranscript t = capture.transcript();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", Capture.FORMAT);
        root.put("host", capture.host());
        new TreeSet<>(capture.roles()).forEach(root.putArray("roles")::add);
        root.putObject("tool").put("name", capture.tool().name()).put("version", capture.tool().version());
        root.put("root", t.root());
        root.put("note", t.note());
        ArrayNode stages = root.putArray("stages");
        for (ProbeStage stage : t.stages()) {
            ObjectNode node = stages.addObject();
            node.put("received", stage.received().toString());
            node.put("token", stage.token());
            ObjectNode requests = node.putObject("requests");
            stage.requests().forEach((id, request) -> requests.set(id, FactRequestJson.write(request)));
            node.putObject("answer").put("bytes", stage.answer().length)
                    .put("base64", Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(stage.answer()));
        }
        root.put("sha256", digest(root));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public static Capture read(Path file) {
        String name = file.toString();
        JsonNode root;
        try {
            root = JSON.readTree(InputFile.bytes(file, "capture", MAX_FILE_BYTES));
        } catch (JsonProcessingException e) {
            throw new QuiesceException(name + StrictJson.at(e) + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new QuiesceException(name + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return capture(root);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new QuiesceException(name + ": not a usable capture: " + e.getMessage());
        }
    }

    private static Capture capture(JsonNode root) {
        if (!(root instanceof ObjectNode object)) {
            throw new IllegalArgumentException("a capture is a JSON object");
        }
        String format = object.path("format").asText();
        if (!Capture.FORMAT.equals(format)) {
            throw new IllegalArgumentException(format.startsWith("quiesce-capture/")
                    ? "format " + format + " is not read by this quiesce (it reads " + Capture.FORMAT + "); collect "
                    + "the host again with this version"
                    : "'format' is not \"" + Capture.FORMAT + "\"; is this a capture made by quiesce collect?");
        }
        String sha = text(object, "sha256");
        ObjectNode unsigned = object.deepCopy();
        unsigned.remove("sha256");
        if (!digest(unsigned).equals(sha)) {
            throw new IllegalArgumentException("the capture does not match its sha256 (" + sha + "): it was changed "
                    + "after it was collected");
        }
        List<ProbeStage> stages = new ArrayList<>();
        JsonNode stageNodes = object.path("stages");
        if (!stageNodes.isArray() || stageNodes.isEmpty()) {
            throw new IllegalArgumentException("'stages' must be a non-empty list");
        }
        for (JsonNode stage : stageNodes) {
            Map<String, FactRequest<?>> requests = new LinkedHashMap<>();
            stage.path("requests").properties().forEach(e -> requests.put(e.getKey(),
                    FactRequestJson.read(e.getValue())));
            String base64 = text(stage.path("answer"), "base64");
            // The MIME decoder skips what is not base64; only its line breaks may be skipped here.
            if (!BASE64_LINES.matcher(base64).matches()) {
                throw new IllegalArgumentException("an answer's 'base64' holds characters that are not base64");
            }
            byte[] answer = Base64.getMimeDecoder().decode(base64);
            JsonNode bytes = stage.path("answer").path("bytes");
            if (!bytes.isIntegralNumber()) {
                throw new IllegalArgumentException("an answer's 'bytes' must be a whole number");
            }
            if (answer.length != bytes.asLong(-1)) {
                throw new IllegalArgumentException("an answer is not as long as its 'bytes' says");
            }
            stages.add(new ProbeStage(text(stage, "token"), requests, answer, Instant.parse(text(stage, "received"))));
        }
        TreeSet<String> roles = new TreeSet<>();
        object.path("roles").forEach(r -> roles.add(r.asText()));
        Tool tool = new Tool(text(object.path("tool"), "name"), text(object.path("tool"), "version"));
        return new Capture(text(object, "host"), roles, tool, new ProbeTranscript(text(object, "root"),
                object.path("note").asText(""), stages));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return value.asText();
    }

    private static String digest(ObjectNode unsigned) {
        try {
            return Sha256.hex(COMPACT.writeValueAsString(unsigned).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
