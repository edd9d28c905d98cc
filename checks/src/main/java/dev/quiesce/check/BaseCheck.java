package dev.quiesce.check;

import java.util.Objects;

/** A check's name, one-sentence description and parameter record, given once to the constructor. */
public abstract class BaseCheck<P extends Record> implements Check<P> {
    private final String type;
    private final String description;
    private final Class<P> parameterType;

    protected BaseCheck(String type, Class<P> parameterType, String description) {
        this.type = Objects.requireNonNull(type, "type");
        this.parameterType = Objects.requireNonNull(parameterType, "parameterType");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<P> parameterType() {
        return parameterType;
    }
}
