package dev.quiesce.model;

import java.util.List;
import java.util.Objects;

/**
 * One parameter a check type accepts in a rule's {@code check:} block: how it is validated when a pack
 * loads, and how {@code quiesce rules} and the docs describe it. {@code min} and {@code max} bound a whole
 * number (inclusive) and must hold the Java type's range.
 */
public record ParameterSpec(String name, Kind kind, boolean required, List<String> choices, String description,
                            String example, long min, long max) {

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
        CHOICE("one of the listed values"),
        /** A number and a unit: {@code 500ms}, {@code 90s}, {@code 15m}, {@code 26h}, {@code 8d}. */
        DURATION("a duration such as 26h, 8d or 500ms"),
        /** A dotted version number. */
        VERSION("a version such as \"12.3.5\" (quoted)"),
        /** A Java regular expression, compiled when the pack loads. */
        REGEX("a regular expression"),
        /** A mapping of names to text values. */
        STRING_MAP("a mapping of names to text values");

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
        if (min > max) {
            throw new IllegalArgumentException(name + ": min " + min + " is more than max " + max);
        }
    }

    public ParameterSpec(String name, Kind kind, boolean required, List<String> choices, String description,
                         String example) {
        this(name, kind, required, choices, description, example, Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
