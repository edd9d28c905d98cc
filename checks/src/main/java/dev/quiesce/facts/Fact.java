package dev.quiesce.facts;

import dev.quiesce.model.Evidence;
import java.util.Objects;

/**
 * A fact as a check sees it: known ({@link Present}), known not to exist ({@link Absent}), or not
 * knowable from this answer ({@link Unknown}, with its cause and the reason in words). Each carries the
 * evidence it came from.
 */
public sealed interface Fact<T> {
    Evidence evidence();

    record Present<T>(T value, Evidence evidence) implements Fact<T> {}

    record Absent<T>(Evidence evidence) implements Fact<T> {}

    record Unknown<T>(Cause cause, String reason, Evidence evidence) implements Fact<T> {
        public Unknown {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a fact is unknown; every cause makes the rules that need the fact ERROR, never PASS. */
    enum Cause {
        /** The probe's user may not read it. */
        DENIED,
        /** No answer was collected for it: a capture made with other packs, an answer cut short. */
        NOT_COLLECTED,
        /** The command ran and exited with a status the check gives no meaning to. */
        COMMAND_FAILED,
        /** The path is there but of another kind than the fact needs (not a regular file, not a directory). */
        WRONG_KIND,
        /**
         * Under {@code --root}, the path's symbolic links do not resolve inside the tree: more than 40 of them
         * (a loop), or one that cannot be read.
         */
        UNRESOLVED,
        /** It cannot be had this way: commands under {@code --root}, a guest with no linked ESXi host. */
        UNAVAILABLE,
        /** The host answered something this reading does not understand, or an error it did not explain. */
        UNEXPECTED
    }
}
