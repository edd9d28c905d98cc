package dev.quiesce.facts.iris;

import java.util.List;

/**
 * The instances an instance-list command printed, and the lines that could not be read as one, each
 * with why: a check shows the skipped lines rather than deciding as if they were not there.
 */
public record InstanceList(List<Instance> instances, List<Skipped> skipped) {
    public InstanceList {
        instances = List.copyOf(instances);
        skipped = List.copyOf(skipped);
    }

    /** A line that is not an instance: its 1-based number, its text (cut to 200 characters) and why. */
    public record Skipped(int line, String text, String why) {
        static final int MAX_TEXT = 200;

        public Skipped {
            text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
        }
    }
}
