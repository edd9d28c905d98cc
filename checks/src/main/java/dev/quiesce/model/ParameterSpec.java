package dev.quiesce.model;

import java.util.List;
import java.util.Objects;

/**
 * One parameter a check type accepts in a rule's {@code check:} block: how it is validated when a pack
 * loads, and how {@code quiesce rules} and the docs describe it.
 */
public record ParameterSpec(String name, Kind kind, boolean required, List<String> choices, String description,
                            String example) {

    /** The YAML shapes a parameter can take. */
    public enum Kind {
        STRING("a string"),
        STRING_LIST("a list of strings"),
        /** An absolute path. */
        PATH("an absolute path"),
        PATH_LIST("a list of absolute paths"),
        INTEGER("a whole number"),
        BOOLEAN("true or false"),
        /** A Unix permission mode written as a quoted octal string, e.g. "0700". */
        MODE("a quoted octal mode such as \"0700\""),
        /** One of {@link ParameterSpec#choices()}. */
        CHOICE("one of the listed values");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        choices = List.copyOf(choices);
        description = description == null ? "" : description;
        example = example == null ? "" : example;
    }
}
