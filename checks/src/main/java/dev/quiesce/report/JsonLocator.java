package dev.quiesce.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * Where in a JSON text a value sits, for errors that name line and column: a tree read by Jackson keeps no
 * locations, so the text is walked once more, token by token, until the value at the pointer starts.
 */
final class JsonLocator {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLocator() {}

    /** {@code line:column} of the value at {@code pointer}, or of its nearest parent that is there. */
    static String at(byte[] json, JsonPointer pointer) {
        for (JsonPointer p = pointer; p != null; p = p.head()) {
            Optional<JsonLocation> location = find(json, p);
            if (location.isPresent()) {
                return location.get().getLineNr() + ":" + location.get().getColumnNr();
            }
        }
        return "1:1";
    }

    private static Optional<JsonLocation> find(byte[] json, JsonPointer pointer) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                // At a container's start the parser is already inside it: its path is the parent's.
                JsonPointer here = token.isStructStart() ? parser.getParsingContext().getParent().pathAsPointer()
                        : parser.getParsingContext().pathAsPointer();
                if (here.equals(pointer)) {
                    return Optional.of(parser.currentTokenLocation());
                }
            }
        } catch (IOException e) {
            // the text is cut or broken after the values it could read: what was not found stays unknown
        }
        return Optional.empty();
    }
}
