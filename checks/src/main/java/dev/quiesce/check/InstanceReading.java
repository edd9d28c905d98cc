package dev.quiesce.check;

import dev.quiesce.facts.Fact;
import dev.quiesce.facts.iris.InstanceList;
import dev.quiesce.model.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * The IRIS and Caché instances of a host as {@link InstanceFacts#read} found them: {@link Known} when
 * every instance-list command answered or is not installed (or the inventory named them), {@link Unknown}
 * when one could not be read, with the instances the others listed. Either way the lines a command
 * printed that are not an instance are kept ({@link #skipped}), for a check to show, not to drop.
 */
public sealed interface InstanceReading {
    /** The instances listed: all of them when known, those the commands that answered listed otherwise. */
    List<ListedInstance> instances();

    /** Output lines that were not read as an instance, with the command that printed them. */
    List<Skipped> skipped();

    /** What a reader of the finding should know of how the list was made (a fallback taken, a variable unused). */
    List<String> notes();

    List<Evidence> evidence();

    /** True when the list is known and no line of it was skipped: a check may take it as every instance. */
    default boolean complete() {
        return this instanceof Known && skipped().isEmpty();
    }

    /**
     * The instances, listed by {@code sources} (the commands that answered, or the inventory). No source
     * means no instance-list command is installed: the host runs neither IRIS nor Caché as far as its
     * {@code PATH} shows.
     */
    record Known(List<ListedInstance> instances, List<InstanceSource> sources, List<Skipped> skipped,
                 List<String> notes, List<Evidence> evidence) implements InstanceReading {
        public Known {
            instances = List.copyOf(instances);
            sources = List.copyOf(sources);
            skipped = List.copyOf(skipped);
            notes = List.copyOf(notes);
            evidence = List.copyOf(evidence);
        }
    }

    /** The list cannot be had whole: a command failed, was not collected, or cannot run here; {@code reason} says which. */
    record Unknown(Fact.Cause cause, String reason, List<ListedInstance> instances, List<Skipped> skipped,
                   List<String> notes, List<Evidence> evidence) implements InstanceReading {
        public Unknown {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(reason, "reason");
            instances = List.copyOf(instances);
            skipped = List.copyOf(skipped);
            notes = List.copyOf(notes);
            evidence = List.copyOf(evidence);
        }
    }

    /** A line a command printed that is not an instance. */
    record Skipped(InstanceSource source, InstanceList.Skipped line) {}
}
