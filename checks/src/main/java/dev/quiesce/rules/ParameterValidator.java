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

    /** The value normalised (String, Long, Boolean or List of String), or empty with the problem recorded. */
    static Optional<Object> validate(ParameterSpec spec, YamlNode node, Problems problems) {
        String name = "'" + spec.name() + "'";
        return switch (spec.kind()) {
            case STRING -> string(node).or(() -> wrong(name, spec, node, problems));
            case PATH -> {
                Optional<Object> path = string(node);
                if (path.isEmpty()) {
                    yield wrong(name, spec, node, problems);
                }
                yield absolute(name, (String) path.get(), node, problems) ? path : Optional.empty();
            }
            case STRING_LIST, PATH_LIST -> list(spec, node, problems);
            case INTEGER -> node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NUMBER
                    && s.text().matches("-?[0-9]{1,18}") ? Optional.of(Long.parseLong(s.text()))
                    : wrong(name, spec, node, problems);
            case BOOLEAN -> node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.BOOLEAN
                    ? Optional.of(Boolean.parseBoolean(s.text())) : wrong(name, spec, node, problems);
            case MODE -> mode(name, spec, node, problems);
            case CHOICE -> choice(name, spec, node, problems);
        };
    }

    private static Optional<Object> string(YamlNode node) {
        return node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.STRING && !s.text().isBlank()
                ? Optional.of(s.text()) : Optional.empty();
    }

    private static boolean absolute(String name, String path, YamlNode node, Problems problems) {
        if (!path.startsWith("/")) {
            problems.add(node.location(), name + " must be an absolute path (starting with /), not '" + path + "'");
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
                values.add((String) value.get());
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
