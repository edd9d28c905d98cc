package dev.quiesce.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * How quiesce reads JSON it was handed (a capture, a report, a bundle's manifest): a duplicate key or
 * anything after the value is refused, so that no two readers can see two different documents in one
 * file, and nesting, strings and numbers are bounded, so that a hostile file costs bounded memory.
 */
public final class StrictJson {
    /** No number quiesce reads needs more digits than a long; Jackson's default is 1,000. */
    private static final int MAX_NUMBER_DIGITS = 20;

    private StrictJson() {}

    /**
     * @param maxDepth       how deep the file's format nests, with room to spare
     * @param maxStringChars the longest string it may hold (a capture's answer in base64: its file's cap)
     */
    public static ObjectMapper mapper(int maxDepth, long maxStringChars) {
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(maxDepth)
                .maxNumberLength(MAX_NUMBER_DIGITS).maxStringLength((int) Math.min(Integer.MAX_VALUE, maxStringChars))
                .build();
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits).build())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    /** {@code :line:column} of a parse error, or nothing: a limit's error (too deep, too long) carries no location. */
    public static String at(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
    }
}
