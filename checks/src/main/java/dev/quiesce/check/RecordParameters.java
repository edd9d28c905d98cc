package dev.quiesce.check;

import dev.quiesce.model.DurationText;
import dev.quiesce.model.FileMode;
import dev.quiesce.model.ParameterSpec;
import dev.quiesce.model.Version;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Derives a check's {@link ParameterSpec}s from its parameter record and binds validated values to
 * it. Java types map to YAML kinds: String, List of String, Map of String to String, Integer, Boolean,
 * {@link FileMode}, {@link Duration}, {@link Version}, {@link Pattern} and enums (written in lower case
 * with '-' for '_').
 */
final class RecordParameters {
    private RecordParameters() {}

    static List<ParameterSpec> specs(Class<? extends Record> type) {
        List<ParameterSpec> specs = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Param param = component.getAnnotation(Param.class);
            if (param == null) {
                throw new IllegalStateException(type.getName() + "." + component.getName() + " has no @Param");
            }
            ParameterSpec.Kind kind = kind(component, param);
            boolean integer = kind == ParameterSpec.Kind.INTEGER;
            if (!param.defaultValue().isEmpty()) {
                defaultOf(type, component, param, kind);
            }
            specs.add(new ParameterSpec(yamlName(component.getName()), kind, param.required(),
                    choices(component.getType()), param.value()
                    + (param.defaultValue().isEmpty() ? "" : " Default: " + param.defaultValue() + "."),
                    param.example(), integer ? Math.max(Integer.MIN_VALUE, param.min()) : Long.MIN_VALUE,
                    integer ? Math.min(Integer.MAX_VALUE, param.max()) : Long.MAX_VALUE));
        }
        return specs;
    }

    /** Builds the record from values a {@code RulePackLoader} validated against {@link #specs}. */
    static <P extends Record> P bind(Class<P> type, Map<String, Object> values) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Param param = component.getAnnotation(Param.class);
            Object value = values.get(yamlName(component.getName()));
            if (value == null && !param.defaultValue().isEmpty()) {
                value = parseDefault(component, param.defaultValue());
            }
            arguments[i] = convert(component.getType(), value);
        }
        try {
            Constructor<P> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    /** A default is written by the check's author: a bad one fails when the registry is built, not in an audit. */
    private static void defaultOf(Class<?> type, RecordComponent component, Param param, ParameterSpec.Kind kind) {
        String where = type.getName() + "." + component.getName() + ": default '" + param.defaultValue() + "'";
        if (kind == ParameterSpec.Kind.STRING_MAP || kind == ParameterSpec.Kind.CHOICE) {
            throw new IllegalStateException(where + ": this kind of parameter takes no default");
        }
        try {
            Object value = convert(component.getType(), parseDefault(component, param.defaultValue()));
            if (value instanceof Integer n && (n < param.min() || n > param.max())) {
                throw new IllegalStateException(where + " is outside " + param.min() + ".." + param.max());
            }
            if (param.path() && value instanceof String text && !text.startsWith("/")) {
                throw new IllegalStateException(where + " is not an absolute path");
            }
            if (value instanceof FileMode || value instanceof Pattern || value instanceof Duration
                    || value instanceof Version || value instanceof List || value instanceof Integer
                    || value instanceof Boolean || value instanceof String) {
                return;
            }
            throw new IllegalStateException(where + " is not a value of its type");
        } catch (RuntimeException e) {
            throw e instanceof IllegalStateException ? e : new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    static String yamlName(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static ParameterSpec.Kind kind(RecordComponent component, Param param) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return param.path() ? ParameterSpec.Kind.PATH : ParameterSpec.Kind.STRING;
        }
        if (type == List.class && typeArguments(component, String.class)) {
            return param.path() ? ParameterSpec.Kind.PATH_LIST : ParameterSpec.Kind.STRING_LIST;
        }
        if (type == Map.class && typeArguments(component, String.class, String.class)) {
            return ParameterSpec.Kind.STRING_MAP;
        }
        if (type == Integer.class) {
            return ParameterSpec.Kind.INTEGER;
        }
        if (type == Boolean.class) {
            return ParameterSpec.Kind.BOOLEAN;
        }
        if (type == FileMode.class) {
            return ParameterSpec.Kind.MODE;
        }
        if (type == Duration.class) {
            return ParameterSpec.Kind.DURATION;
        }
        if (type == Version.class) {
            return ParameterSpec.Kind.VERSION;
        }
        if (type == Pattern.class) {
            return ParameterSpec.Kind.REGEX;
        }
        if (type.isEnum()) {
            return ParameterSpec.Kind.CHOICE;
        }
        throw new IllegalStateException(component + ": parameters are String, List<String>, Map<String, String>, "
                + "Integer, Boolean, FileMode, Duration, Version, Pattern or an enum, not " + type.getName());
    }

    private static boolean typeArguments(RecordComponent component, Type... expected) {
        return component.getGenericType() instanceof ParameterizedType p
                && Arrays.equals(p.getActualTypeArguments(), expected);
    }

    private static List<String> choices(Class<?> type) {
        if (!type.isEnum()) {
            return List.of();
        }
        return Arrays.stream(type.getEnumConstants()).map(c -> choiceName((Enum<?>) c)).toList();
    }

    static String choiceName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Object parseDefault(RecordComponent component, String text) {
        Class<?> type = component.getType();
        if (type == List.class) {
            return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        if (type == Integer.class) {
            return Long.parseLong(text);
        }
        if (type == Boolean.class) {
            return Boolean.parseBoolean(text);
        }
        if (type == Duration.class) {
            return DurationText.parse(text).orElseThrow(() -> new IllegalStateException("bad default " + text));
        }
        if (type == Version.class) {
            return Version.parse(text).orElseThrow(() -> new IllegalStateException("bad default " + text));
        }
        return text;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Class<?> type, Object value) {
        if (value == null) {
            return type == List.class ? List.of() : type == Map.class ? Map.of() : null;
        }
        if (type == Integer.class) {
            // The loader has checked the range against the spec; a value outside int is a loader bug.
            return Math.toIntExact((Long) value);
        }
        if (type == FileMode.class) {
            return FileMode.parse((String) value).orElseThrow();
        }
        if (type == Pattern.class) {
            return Pattern.compile((String) value);
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (choiceName((Enum) constant).equals(value)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("not a choice of " + type.getSimpleName() + ": " + value);
        }
        return value;
    }
}
