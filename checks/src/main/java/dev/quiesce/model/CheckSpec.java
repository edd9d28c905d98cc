package dev.quiesce.model;

import java.util.Map;
import java.util.Objects;

/**
 * A rule's {@code check:} block after validation: the check type and its parameters, normalised to
 * {@code String}, {@code Long}, {@code Boolean}, {@code List<String>}, {@code Map<String, String>},
 * {@link java.time.Duration} or {@link Version} values.
 */
public record CheckSpec(String type, Map<String, Object> parameters) {
    public CheckSpec {
        Objects.requireNonNull(type, "type");
        parameters = Map.copyOf(parameters);
    }
}
