package dev.quiesce.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.FactRequest;
import java.util.ArrayList;
import java.util.List;

/** How a capture file writes fact requests, as the probe asked them: one JSON object each, keyed by {@code kind}. */
final class FactRequestJson {
    private FactRequestJson() {}

    static ObjectNode write(FactRequest<?> request) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("kind", request.kind());
        switch (request.probed()) {
            case FactRequest.FileStat r -> node.put("path", r.path());
            case FactRequest.FileContent r -> node.put("path", r.path()).put("maxBytes", r.maxBytes());
            case FactRequest.DirectoryListing r -> node.put("path", r.path()).put("maxEntries", r.maxEntries());
            case FactRequest.CommandOutput r -> {
                node.put("command", r.command().name());
                r.arguments().forEach(node.putArray("arguments")::add);
            }
            case FactRequest.FileLines r -> {
                node.put("pattern", r.pattern());
                r.fixedStrings().forEach(node.putArray("fixedStrings")::add);
                node.put("maxBytes", r.maxBytes());
                // Written only when set, so a scan of every file writes what captures made before held.
                if (r.modifiedWithinSeconds() != 0) {
                    node.put("modifiedWithinSeconds", r.modifiedWithinSeconds());
                }
                if (r.decompress()) {
                    node.put("decompress", true);
                }
            }
        }
        return node;
    }

    /** @throws IllegalArgumentException naming what is wrong with the object */
    static FactRequest<?> read(JsonNode node) {
        String kind = text(node, "kind");
        return switch (kind) {
            case "stat" -> new FactRequest.FileStat(text(node, "path"));
            case "content" -> new FactRequest.FileContent(text(node, "path"), number(node, "maxBytes"));
            case "listing" -> new FactRequest.DirectoryListing(text(node, "path"), number(node, "maxEntries"));
            case "command" -> new FactRequest.CommandOutput(command(text(node, "command")), strings(node, "arguments"));
            case "lines" -> new FactRequest.FileLines(text(node, "pattern"), strings(node, "fixedStrings"),
                    number(node, "maxBytes"), optionalLong(node, "modifiedWithinSeconds"),
                    optionalBoolean(node, "decompress"));
            default -> throw new IllegalArgumentException("unknown fact kind '" + kind + "'");
        };
    }

    private static AllowedCommand command(String name) {
        for (AllowedCommand command : AllowedCommand.values()) {
            if (command.name().equals(name)) {
                return command;
            }
        }
        throw new IllegalArgumentException("unknown command '" + name + "'");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return value.asText();
    }

    private static int number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new IllegalArgumentException("'" + field + "' must be a number");
        }
        return value.asInt();
    }

    /** A field a capture made before it existed lacks: 0. */
    private static long optionalLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number");
        }
        return value.asLong();
    }

    /** A field a capture made before it existed lacks: false. */
    private static boolean optionalBoolean(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("'" + field + "' must be true or false");
        }
        return value.asBoolean();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> result = new ArrayList<>();
        JsonNode value = node.get(field);
        if (value != null) {
            value.forEach(item -> result.add(item.asText()));
        }
        return result;
    }
}
