package dev.quiesce.check;

import dev.quiesce.model.CheckSignature;
import dev.quiesce.model.CheckSpec;
import dev.quiesce.model.QuiesceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Maps a YAML check {@code type} to its {@link Check}: every check {@link ServiceLoader} finds, the
 * built-ins (registered with {@code @AutoService(Check.class)}) and those of other jars on the class
 * path. Two checks claiming one type is a startup error naming both.
 */
public final class CheckRegistry {
    private final Map<String, Check<?>> checks = new TreeMap<>();

    private CheckRegistry(Collection<Check<?>> checks) {
        for (Check<?> check : checks) {
            Check<?> previous = this.checks.putIfAbsent(check.type(), check);
            if (previous != null) {
                throw new IllegalStateException("check type '" + check.type() + "' is claimed by both "
                        + previous.getClass().getName() + " and " + check.getClass().getName());
            }
        }
    }

    /** The built-in checks and those other jars on the class path provide. */
    public static CheckRegistry standard() {
        List<Check<?>> checks = new ArrayList<>();
        @SuppressWarnings("rawtypes")
        ServiceLoader<Check> loader = ServiceLoader.load(Check.class);
        loader.forEach(checks::add);
        return new CheckRegistry(checks);
    }

    public static CheckRegistry of(Collection<Check<?>> checks) {
        return new CheckRegistry(checks);
    }

    public Collection<Check<?>> checks() {
        return checks.values();
    }

    public List<CheckSignature> signatures() {
        return checks.values().stream().map(CheckRegistry::signature).toList();
    }

    private static <P extends Record> CheckSignature signature(Check<P> check) {
        return new CheckSignature(check.type(), check.description(), RecordParameters.specs(check.parameterType()),
                values -> {
                    try {
                        return check.crossCheck(RecordParameters.bind(check.parameterType(), values));
                    } catch (IllegalArgumentException e) {
                        return List.of(e.getMessage());
                    }
                });
    }

    /** Binds a validated rule's check; the spec must come from a pack loaded with {@link #signatures()}. */
    public BoundCheck<?> bind(CheckSpec spec) {
        Check<?> check = checks.get(spec.type());
        if (check == null) {
            throw new QuiesceException("unknown check type '" + spec.type() + "'; known types: "
                    + String.join(", ", checks.keySet()));
        }
        return bound(check, spec);
    }

    private static <P extends Record> BoundCheck<P> bound(Check<P> check, CheckSpec spec) {
        return new BoundCheck<>(check, RecordParameters.bind(check.parameterType(), spec.parameters()));
    }
}
