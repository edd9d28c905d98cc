package dev.quiesce.facts;

import dev.quiesce.model.Evidence;

/**
 * A fact as a check sees it: known ({@link Present}), known not to exist ({@link Absent}), or not
 * knowable from this answer ({@link Unknown}, with the reason). Each carries the evidence it came from.
 */
public sealed interface Fact<T> {
    Evidence evidence();

    record Present<T>(T value, Evidence evidence) implements Fact<T> {}

    record Absent<T>(Evidence evidence) implements Fact<T> {}

    record Unknown<T>(String reason, Evidence evidence) implements Fact<T> {}
}
