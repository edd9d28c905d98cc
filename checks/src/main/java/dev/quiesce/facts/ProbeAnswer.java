package dev.quiesce.facts;

import java.util.List;
import java.util.Map;

/**
 * A parsed probe answer: the frames found, keyed by frame id, and what went wrong with the rest
 * ({@code problems}). {@code complete} is false when the final frame never came.
 */
public record ProbeAnswer(Map<String, RawFrame> frames, List<String> problems, boolean complete) {
    public ProbeAnswer {
        frames = Map.copyOf(frames);
        problems = List.copyOf(problems);
    }
}
