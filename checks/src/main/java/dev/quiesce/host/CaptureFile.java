package dev.quiesce.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.Sha256;
import dev.quiesce.model.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes and reads capture files: JSON with the host, the collecting tool, the time, the requests by
 * frame id and the raw answer (base64) with its SHA-256, which is checked on reading.
 */
public final class CaptureFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CaptureFile() {}

    public static void write(Capture capture, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(capture));
    }

    /** The capture file's text. */
    public static String toJson(Capture capture) {
        ProbeTranscript t = capture.transcript();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", Capture.FORMAT);
        root.put("host", capture.host());
        new TreeSet<>(capture.roles()).forEach(root.putArray("roles")::add);
        root.put("collected", t.collected().toString());
        root.putObject("tool").put("name", capture.tool().name()).put("version", capture.tool().version());
        root.put("root", t.root());
        root.put("token", t.token());
        root.put("note", t.note());
        ObjectNode requests = root.putObject("requests");
        t.requests().forEach((id, request) -> requests.set(id, FactRequestJson.write(request)));
        root.putObject("answer").put("sha256", Sha256.hex(t.answer())).put("bytes", t.answer().length)
                .put("base64", Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(t.answer()));
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
            root = JSON.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new QuiesceException(name + ": no such capture file");
        } catch (JsonProcessingException e) {
            throw new QuiesceException(name + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new QuiesceException(name + ": cannot read: " + e.getMessage(), e);
        }
        try {
            if (!Capture.FORMAT.equals(root.path("format").asText())) {
                throw new IllegalArgumentException("'format' is not \"" + Capture.FORMAT + "\"; is this a capture "
                        + "made by quiesce collect?");
            }
            byte[] answer = Base64.getMimeDecoder().decode(root.path("answer").path("base64").asText());
            String sha = root.path("answer").path("sha256").asText();
            if (!Sha256.hex(answer).equals(sha)) {
                throw new IllegalArgumentException("the answer does not match its SHA-256 (" + sha
                        + "): the file was changed after it was collected");
            }
            Map<String, FactRequest> requests = new LinkedHashMap<>();
            root.path("requests").properties().forEach(e -> requests.put(e.getKey(),
                    FactRequestJson.read(e.getValue())));
            TreeSet<String> roles = new TreeSet<>();
            root.path("roles").forEach(r -> roles.add(r.asText()));
            Tool tool = new Tool(root.path("tool").path("name").asText(), root.path("tool").path("version").asText());
            ProbeTranscript transcript = new ProbeTranscript(root.path("token").asText(), root.path("root").asText(),
                    requests, answer, Instant.parse(root.path("collected").asText()), root.path("note").asText(""));
            return new Capture(root.path("host").asText(), roles, tool, transcript);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new QuiesceException(name + ": not a usable capture: " + e.getMessage());
        }
    }

}
