package dev.quiesce.config;

import dev.quiesce.model.EditDistance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of one YAML mapping: only the declared keys are allowed, every value is checked for
 * its type, and every problem goes to {@link Problems} at the place it was written.
 */
public final class MappingReader {
    private final YamlNode.Mapping mapping;
    private final Location location;
    private final String what;
    private final Problems problems;

    private MappingReader(YamlNode.Mapping mapping, Location location, String what, Problems problems) {
        this.mapping = mapping;
        this.location = location;
        this.what = what;
        this.problems = problems;
    }

    /**
     * Reads {@code node} as {@code what} (e.g. "a rule"), allowing only {@code allowedKeys}. Returns
     * empty, with the problem recorded, when the node is not a mapping.
     */
    public static Optional<MappingReader> of(YamlNode node, String what, Set<String> allowedKeys, Problems problems) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(node.location(), what + " must be a mapping of keys to values, not " + node.describe());
            return Optional.empty();
        }
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!allowedKeys.contains(entry.key())) {
                problems.add(entry.keyLocation(), unknownKey(entry.key(), what, allowedKeys));
            }
        }
        return Optional.of(new MappingReader(mapping, node.location(), what, problems));
    }

    static String unknownKey(String key, String what, Collection<String> allowed) {
        String hint = EditDistance.suggestion(key, allowed).map(s -> "did you mean '" + s + "'? ").orElse("");
        return "unknown key '" + key + "' in " + what + "; " + hint + "allowed keys: "
                + String.join(", ", new TreeSet<>(allowed));
    }

    public Location location() {
        return location;
    }

    public boolean has(String key) {
        return mapping.entries().containsKey(key);
    }

    public Optional<YamlNode> node(String key) {
        return Optional.ofNullable(mapping.entries().get(key)).map(YamlNode.Entry::value);
    }

    public Map<String, YamlNode.Entry> entries() {
        return mapping.entries();
    }

    /** A required non-empty string; records a problem and returns empty when missing or of another type. */
    public Optional<String> requiredString(String key) {
        if (!has(key)) {
            problems.add(location, what + " has no '" + key + "'; add " + key + ": <text>");
            return Optional.empty();
        }
        return optionalString(key);
    }

    public Optional<String> optionalString(String key) {
        return node(key).flatMap(value -> {
            if (value instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.STRING) {
                if (s.text().isBlank()) {
                    problems.add(value.location(), "'" + key + "' is empty; give it a value");
                    return Optional.empty();
                }
                return Optional.of(s.text());
            }
            problems.add(value.location(), "'" + key + "' must be a string, not " + value.describe()
                    + (value instanceof YamlNode.Scalar ? "; put it in quotes" : ""));
            return Optional.empty();
        });
    }

    /** A required version: YAML reads {@code 1.0} as a number, so a number is taken as written. */
    public Optional<String> requiredVersion(String key) {
        if (node(key).orElse(null) instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NUMBER) {
            return Optional.of(s.text());
        }
        return requiredString(key);
    }

    /**
     * The items of a required, non-empty list such as a pack's {@code rules} or an inventory's
     * {@code hosts}; empty, with the problem recorded, when it is missing, not a list, or empty.
     *
     * @param subject how messages name the file's top level ("the pack", "the inventory")
     * @param item    one item, as messages name it ("rule", "host")
     */
    public List<YamlNode> requiredItems(String key, String subject, String item) {
        Optional<YamlNode> list = node(key);
        if (list.isEmpty()) {
            problems.add(location, subject + " has no '" + key + "'; add " + key + ": with at least one " + item);
        } else if (!(list.get() instanceof YamlNode.Sequence sequence)) {
            problems.add(list.get().location(), "'" + key + "' must be a list of " + item + "s, not "
                    + list.get().describe());
        } else if (sequence.items().isEmpty()) {
            problems.add(list.get().location(), "'" + key + "' is an empty list; add at least one " + item);
        } else {
            return sequence.items();
        }
        return List.of();
    }

    /** An optional list of non-empty strings; absent gives an empty list. */
    public List<String> stringList(String key) {
        return node(key).map(value -> strings(key, value, problems)).orElse(List.of());
    }

    public Optional<Boolean> optionalBoolean(String key) {
        return node(key).flatMap(value -> {
            if (value instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.BOOLEAN) {
                return Optional.of(Boolean.parseBoolean(s.text()));
            }
            problems.add(value.location(), "'" + key + "' must be true or false, not " + value.describe());
            return Optional.empty();
        });
    }

    /** A required value out of {@code choices} (keys are the spellings accepted in the file). */
    public <T> Optional<T> requiredChoice(String key, Map<String, T> choices) {
        if (node(key).orElse(null) instanceof YamlNode value
                && !(value instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.STRING)) {
            problems.add(value.location(), "'" + key + "' must be one of: " + String.join(", ", choices.keySet())
                    + "; not " + value.describe());
            return Optional.empty();
        }
        return requiredString(key).flatMap(text -> {
            T value = choices.get(text);
            if (value == null) {
                String hint = EditDistance.suggestion(text, choices.keySet()).map(s -> "did you mean '" + s + "'? ")
                        .orElse("");
                problems.add(node(key).orElseThrow().location(), "'" + key + "' is '" + text + "'; " + hint
                        + "use one of: " + String.join(", ", choices.keySet()));
            }
            return Optional.ofNullable(value);
        });
    }

    static List<String> strings(String key, YamlNode value, Problems problems) {
        if (!(value instanceof YamlNode.Sequence sequence)) {
            problems.add(value.location(), "'" + key + "' must be a list (for example [a, b]), not "
                    + value.describe());
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            if (item instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.STRING && !s.text().isBlank()) {
                result.add(s.text());
            } else {
                problems.add(item.location(), "each item of '" + key + "' must be a non-empty string, not "
                        + item.describe());
            }
        }
        return result;
    }
}
