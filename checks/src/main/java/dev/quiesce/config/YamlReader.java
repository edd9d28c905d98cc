package dev.quiesce.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.quiesce.files.InputFile;
import dev.quiesce.model.Problem;
import dev.quiesce.model.QuiesceException;
import java.io.IOException;
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
    /** An inventory of tens of thousands of hosts stays far below this. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /**
     * Deeper than any rule pack or inventory nests; checked here, below the parser's own limit, because
     * the parser's error has no line and column.
     */
    static final int MAX_DEPTH = 64;
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlReader() {}

    public static YamlNode read(Path file, String what) {
        Problems problems = new Problems();
        YamlNode root = read(file, what, problems);
        problems.throwIfAny();
        return root;
    }

    /**
     * Reads {@code file} ({@code what} it is, for errors: "inventory"), recording duplicate keys and extra
     * documents in {@code problems} (the first value of a key is kept) so that the caller can report them
     * with its own; throws for what leaves no document to read: a missing or unreadable file, an empty
     * file, a syntax error.
     */
    public static YamlNode read(Path file, String what, Problems problems) {
        return read(file.toString(), InputFile.text(file, what, MAX_FILE_BYTES), problems);
    }

    public static YamlNode read(String name, String content) {
        Problems problems = new Problems();
        YamlNode root = read(name, content, problems);
        problems.throwIfAny();
        return root;
    }

    /** Like {@link #read(Path, String, Problems)}, for text already in memory; {@code name} is what errors show. */
    public static YamlNode read(String name, String content, Problems problems) {
        try (YAMLParser parser = FACTORY.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new QuiesceException(List.of(new Problem(name, 1, 1, "the file is empty")));
            }
            YamlNode root = node(parser, name, problems, 0);
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

    private static YamlNode node(YAMLParser parser, String name, Problems problems, int depth) throws IOException {
        Location at = location(parser.currentTokenLocation(), name);
        JsonToken token = parser.currentToken();
        if (parser.isCurrentAlias()) {
            // Jackson hands an alias over as a string holding the anchor's name: "title: *t" would read as "t".
            throw new QuiesceException(List.of(new Problem(name, at.line(), at.column(), "YAML alias '*"
                    + parser.getText() + "': aliases are not supported; write the value out in full")));
        }
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
            throw new QuiesceException(List.of(new Problem(name, at.line(), at.column(), "nested more than "
                    + MAX_DEPTH + " levels deep; no rule pack or inventory needs that")));
        }
        return switch (token) {
            case START_OBJECT -> mapping(parser, name, at, problems, depth + 1);
            case START_ARRAY -> sequence(parser, name, at, problems, depth + 1);
            case VALUE_STRING -> new YamlNode.Scalar(at, parser.getText(), YamlNode.Scalar.Type.STRING);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    new YamlNode.Scalar(at, parser.getText(), YamlNode.Scalar.Type.NUMBER);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(at, parser.getText(), YamlNode.Scalar.Type.BOOLEAN);
            case VALUE_NULL -> new YamlNode.Scalar(at, "", YamlNode.Scalar.Type.NULL);
            default -> new YamlNode.Scalar(at, parser.getText(), YamlNode.Scalar.Type.STRING);
        };
    }

    private static YamlNode mapping(YAMLParser parser, String name, Location at, Problems problems, int depth)
            throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyAt = location(parser.currentTokenLocation(), name);
            parser.nextToken();
            YamlNode value = node(parser, name, problems, depth);
            YamlNode.Entry previous = entries.putIfAbsent(key, new YamlNode.Entry(key, keyAt, value));
            if (previous != null) {
                problems.add(keyAt, "duplicate key '" + key + "' (first written at line "
                        + previous.keyLocation().line() + "); keep one of them");
            }
        }
        return new YamlNode.Mapping(at, entries);
    }

    private static YamlNode sequence(YAMLParser parser, String name, Location at, Problems problems, int depth)
            throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(parser, name, problems, depth));
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
