package dev.quiesce.model;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the rule-pack loader needs to know of a check type: its parameters, and the checks across them
 * that one parameter alone cannot express ({@code crossCheck} returns problems as sentences).
 */
public record CheckSignature(String type, String description, List<ParameterSpec> parameters,
                             Function<Map<String, Object>, List<String>> crossCheck) {
    public CheckSignature {
        parameters = List.copyOf(parameters);
    }
}
