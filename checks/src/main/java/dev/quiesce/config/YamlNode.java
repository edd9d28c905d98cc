package dev.quiesce.config;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written, so that validation can point at the exact line and
 * column. Built from Jackson's streaming YAML parser by {@link YamlReader}.
 */
public sealed interface YamlNode {
    Location location();

    /** What this node is, in the words an error message uses ("a list", "a mapping", "a number"). */
    String describe();

    record Mapping(Location location, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A key of a mapping, where the key was written, and its value. */
    record Entry(String key, Location keyLocation, YamlNode value) {}

    record Sequence(Location location, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    record Scalar(Location location, String text, Type type) implements YamlNode {
        /** How the YAML parser typed the scalar: {@code 0700} is a NUMBER, {@code "0700"} a STRING. */
        public enum Type { STRING, NUMBER, BOOLEAN, NULL }

        @Override
        public String describe() {
            return switch (type) {
                case STRING -> "the string \"" + text + "\"";
                case NUMBER -> "the number " + text;
                case BOOLEAN -> text;
                case NULL -> "an empty value";
            };
        }
    }
}
