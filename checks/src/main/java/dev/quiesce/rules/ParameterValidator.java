package dev.quiesce.rules;

import dev.quiesce.config.Problems;
import dev.quiesce.config.YamlNode;
import dev.quiesce.model.EditDistance;
import dev.quiesce.model.FileMode;
import dev.quiesce.model.ParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks one value of a rule's {@code check:} block against its {@link ParameterSpec}. */
final class ParameterValidator {
    private ParameterValidator() {}

    /**
     * The value normalised (String, Long, Boolean, List of String, Map of String to String, Duration or
     * Version; a regular expression stays its source text), or empty with the problem recorded.
     */
    static Optional<Object> validate(ParameterSpec spec, YamlNode node, Problems problems) {
        String name = "'" + spec.name() + "'";
        return switch (spec.kind()) {
            case STRING -> string(node).or(() -> wrong(name, spec, node, problems));
            case PATH -> {
                Optional<Object> path = string(node);
                if (path.isEmpty()) {
                    yield wrong(name, spec, node, problems);
                }
                yield absolute(name, (String) path.get(), node, problems) ? Optional.of(normal((String) path.get()))
                        : Optional.empty();
            }
            case STRING_LIST, PATH_LIST -> list(spec, node, problems);
            case INTEGER -> integer(name, spec, node, problems);
            case BOOLEAN -> node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.BOOLEAN
                    ? Optional.of(Boolean.parseBoolean(s.text())) : wrong(name, spec, node, problems);
            case MODE -> mode(name, spec, node, problems);
            case CHOICE -> choice(name, spec, node, problems);
            case DURATION -> duration(name, spec, node, problems);
            case VERSION -> version(name, spec, node, problems);
            case REGEX -> regex(name, spec, node, problems);
            case STRING_MAP -> map(name, spec, node, problems);
        };
    }

    private static Optional<Object> integer(String name, ParameterSpec spec, YamlNode node, Problems problems) {
        if (!(node instanceof YamlNode.Scalar s) || s.type() != YamlNode.Scalar.Type.NUMBER
                || !s.text().matches("-?[0-9]+")) {
            return wrong(name, spec, node, problems);
        }
        java.math.BigInteger value = new java.math.BigInteger(s.text());
        if (value.compareTo(java.math.BigInteger.valueOf(spec.min())) < 0
                || value.compareTo(java.math.BigInteger.valueOf(spec.max())) > 0) {
            problems.add(node.location(), name + " is " + s.text() + "; it must be from " + spec.min() + " to "
                    + spec.max());
            return Optional.empty();
        }
        return Optional.of(value.longValueExact());
    }

    private static Optional<Object> duration(String name, ParameterSpec spec, YamlNode node, Problems problems) {
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NUMBER) {
            problems.add(node.location(), name + " is the number " + s.text() + " with no unit; write it with one: "
                    + s.text() + "s, " + s.text() + "m, " + s.text() + "h or " + s.text() + "d");
            return Optional.empty();
        }
        Optional<Object> text = string(node);
        Optional<java.time.Duration> duration = text.flatMap(t -> dev.quiesce.model.DurationText.parse((String) t));
        if (duration.isEmpty() || duration.get().isZero()) {
            return wrong(name, spec, node, problems);
        }
        return Optional.of(duration.get());
    }

    private static Optional<Object> version(String name, ParameterSpec spec, YamlNode node, Problems problems) {
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NUMBER) {
            problems.add(node.location(), name + " is written as the number " + s.text() + "; YAML reads 12.10 as "
                    + "12.1, so write a version in quotes: \"" + s.text() + "\"");
            return Optional.empty();
        }
        Optional<Object> version = string(node).flatMap(t -> dev.quiesce.model.Version.parse((String) t));
        return version.isPresent() ? version : wrong(name, spec, node, problems);
    }

    private static Optional<Object> regex(String name, ParameterSpec spec, YamlNode node, Problems problems) {
        Optional<Object> text = string(node);
        if (text.isEmpty()) {
            return wrong(name, spec, node, problems);
        }
        try {
            java.util.regex.Pattern.compile((String) text.get());
            return text;
        } catch (java.util.regex.PatternSyntaxException e) {
            problems.add(node.location(), name + " is not a valid regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "") + " in '" + e.getPattern() + "'");
            return Optional.empty();
        }
    }

    private static Optional<Object> map(String name, ParameterSpec spec, YamlNode node, Problems problems) {
        if (!(node instanceof YamlNode.Mapping mapping) || mapping.entries().isEmpty()) {
            return wrong(name, spec, node, problems);
        }
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        boolean ok = true;
        for (YamlNode.Entry entry : mapping.entries().values()) {
            Optional<Object> value = string(entry.value());
            if (value.isEmpty()) {
                problems.add(entry.value().location(), "each value of " + name + " must be a non-empty string, not "
                        + entry.value().describe());
                ok = false;
            } else {
                values.put(entry.key(), (String) value.get());
            }
        }
        return ok ? Optional.of(java.util.Collections.unmodifiableMap(values)) : Optional.empty();
    }

    private static Optional<Object> string(YamlNode node) {
        return node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.STRING && !s.text().isBlank()
                ? Optional.of(s.text()) : Optional.empty();
    }

    /** "/usr/sbin/" and "/usr//sbin" are "/usr/sbin": checks compare paths as text. */
    private static String normal(String path) {
        String collapsed = path.replaceAll("/+", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1)
                : collapsed;
    }

    private static boolean absolute(String name, String path, YamlNode node, Problems problems) {
        if (!path.startsWith("/")) {
            problems.add(node.location(), name + " must be an absolute path (starting with /), not '" + path + "'");
            return false;
        }
        if (path.indexOf('\0') >= 0 || path.indexOf('\n') >= 0) {
            problems.add(node.location(), name + " holds a NUL or newline character, which no path on a host can "
                    + "hold; remove it");
            return false;
        }
        return true;
    }

    private static Optional<Object> list(ParameterSpec spec, YamlNode node, Problems problems) {
        if (!(node instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            return wrong("'" + spec.name() + "'", spec, node, problems);
        }
        List<String> values = new ArrayList<>();
        boolean ok = true;
        for (YamlNode item : sequence.items()) {
            Optional<Object> value = string(item);
            if (value.isEmpty()) {
                problems.add(item.location(), "each item of '" + spec.name() + "' must be a non-empty string, not "
                        + item.describe());
                ok = false;
            } else if (spec.kind() == ParameterSpec.Kind.PATH_LIST
                    && !absolute("each item of '" + spec.name() + "'", (String) value.get(), item, problems)) {
                ok = false;
            } else {
                values.add(spec.kind() == ParameterSpec.Kind.PATH_LIST ? normal((String) value.get())
                        : (String) value.get());
            }
        }
        return ok ? Optional.of(List.copyOf(values)) : Optional.empty();
    }

    private static Optional<Object> mode(String name, ParameterSpec spec, YamlNode node, Problems problems) {
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NUMBER) {
            problems.add(node.location(), name + " is written as the number " + s.text() + "; YAML may read it as "
                    + "decimal or octal, so write the mode in quotes: \"" + s.text() + "\"");
            return Optional.empty();
        }
        return string(node).filter(text -> FileMode.parse((String) text).isPresent())
                .or(() -> wrong(name, spec, node, problems));
    }

    private static Optional<Object> choice(String name, ParameterSpec spec, YamlNode node, Problems problems) {
        Optional<Object> text = string(node);
        if (text.isPresent() && spec.choices().contains((String) text.get())) {
            return text;
        }
        String hint = text.flatMap(t -> EditDistance.suggestion((String) t, spec.choices()))
                .map(s -> "did you mean '" + s + "'? ").orElse("");
        problems.add(node.location(), name + " is " + node.describe() + "; " + hint + "use one of: "
                + String.join(", ", spec.choices()));
        return Optional.empty();
    }

    private static Optional<Object> wrong(String name, ParameterSpec spec, YamlNode node, Problems problems) {
        problems.add(node.location(), name + " must be " + spec.kind().description() + ", not " + node.describe()
                + (spec.example().isEmpty() ? "" : " (example: " + spec.example() + ")"));
        return Optional.empty();
    }
}
