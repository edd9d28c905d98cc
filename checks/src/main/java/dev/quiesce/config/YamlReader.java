package dev.quiesce.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.quiesce.model.Problem;
import dev.quiesce.model.QuiesceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into {@link YamlNode}s that keep their line and column. Syntax errors,
 * duplicate keys and extra documents become problems naming the place: thrown at once by the plain
 * {@code read} methods, or, for duplicate keys and extra documents, added to the caller's
 * {@link Problems} so they are reported with the caller's own.
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlReader() {}

    public static YamlNode read(Path file) {
        Problems problems = new Problems();
        YamlNode root = read(file, problems);
        problems.throwIfAny();
        return root;
    }

    /**
     * Reads {@code file}, recording duplicate keys and extra documents in {@code problems} (the first value
     * of a key is kept) so that the caller can report them with its own; throws for what leaves no
     * document to read: a missing or unreadable file, an empty file, a syntax error.
     */
    public static YamlNode read(Path file, Problems problems) {
        String name = file.toString();
        try {
            return read(name, Files.readString(file, StandardCharsets.UTF_8), problems);
        } catch (NoSuchFileException e) {
            throw new QuiesceException(name + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new QuiesceException(name + ": not UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw new QuiesceException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static YamlNode read(String name, String content) {
        Problems problems = new Problems();
        YamlNode root = read(name, content, problems);
        problems.throwIfAny();
        return root;
    }

    /** Like {@link #read(Path, Problems)}, for text already in memory; {@code name} is what errors show. */
    public static YamlNode read(String name, String content, Problems problems) {
        try (YAMLParser parser = FACTORY.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new QuiesceException(List.of(new Problem(name, 1, 1, "the file is empty")));
            }
            YamlNode root = node(parser, name, problems);
            if (parser.nextToken() != null) {
                problems.add(location(parser.currentTokenLocation(), name),
                        "a second YAML document starts here; put one document in each file");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new QuiesceException(List.of(syntaxError(name, e)));
        } catch (IOException e) {
            throw new QuiesceException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Where the YAML parser found the problem and what it is. Jackson's own location is where the parser
     * stood (often the end of the line before) and its message starts with the context ("while scanning
     * for the next token"), so both come from SnakeYAML's problem mark when it has one.
     */
    private static Problem syntaxError(String name, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null
                && marked.getProblem() != null) {
            Mark at = marked.getProblemMark();
            Mark context = marked.getContextMark();
            String where = marked.getContext() == null ? "" : " (" + marked.getContext()
                    + (context == null ? "" : " that starts at line " + (context.getLine() + 1) + ", column "
                    + (context.getColumn() + 1)) + ")";
            return new Problem(name, at.getLine() + 1, at.getColumn() + 1, "not valid YAML: " + marked.getProblem()
                    + where);
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        return new Problem(name, line, column, "not valid YAML: " + firstLine(e.getOriginalMessage()));
    }

    private static YamlNode node(YAMLParser parser, String name, Problems problems) throws IOException {
        Location at = location(parser.currentTokenLocation(), name);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(parser, name, at, problems);
            case START_ARRAY -> sequence(parser, name, at, problems);
            case VALUE_STRING -> new YamlNode.Scalar(at, parser.getText(), YamlNode.Scalar.Type.STRING);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    new YamlNode.Scalar(at, parser.getText(), YamlNode.Scalar.Type.NUMBER);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(at, parser.getText(), YamlNode.Scalar.Type.BOOLEAN);
            case VALUE_NULL -> new YamlNode.Scalar(at, "", YamlNode.Scalar.Type.NULL);
            default -> new YamlNode.Scalar(at, parser.getText(), YamlNode.Scalar.Type.STRING);
        };
    }

    private static YamlNode mapping(YAMLParser parser, String name, Location at, Problems problems)
            throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyAt = location(parser.currentTokenLocation(), name);
            parser.nextToken();
            YamlNode value = node(parser, name, problems);
            YamlNode.Entry previous = entries.putIfAbsent(key, new YamlNode.Entry(key, keyAt, value));
            if (previous != null) {
                problems.add(keyAt, "duplicate key '" + key + "' (first written at line "
                        + previous.keyLocation().line() + "); keep one of them");
            }
        }
        return new YamlNode.Mapping(at, entries);
    }

    private static YamlNode sequence(YAMLParser parser, String name, Location at, Problems problems)
            throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(parser, name, problems));
        }
        return new YamlNode.Sequence(at, items);
    }

    private static Location location(JsonLocation at, String name) {
        return new Location(name, at.getLineNr(), at.getColumnNr());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
