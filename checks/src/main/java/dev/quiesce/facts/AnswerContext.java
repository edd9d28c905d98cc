package dev.quiesce.facts;

import dev.quiesce.model.Evidence;
import java.time.Instant;

/**
 * What reading an answer needs besides the answer: the stage's frame token (listing records start with
 * it), the directory read as {@code /} (empty for a live host), what the probe said of itself, a note on
 * how it ran (sudo refused), and when the stage was collected by the host's clock.
 */
public record AnswerContext(String token, String root, ProbeInfo info, String note, Instant collected) {
    private static final int EXCERPT_CHARS = 4000;

    public AnswerContext {
        note = note == null ? "" : note;
    }

    /** Evidence for a request: its kind, what was read (with the --root prefix if any), an excerpt. */
    public Evidence evidence(FactRequest<?> request, String excerpt) {
        String source = request.describe() + (root.isEmpty() ? "" : " (under " + root + ")");
        String cut = excerpt.length() > EXCERPT_CHARS ? excerpt.substring(0, EXCERPT_CHARS) + "\n[... cut]" : excerpt;
        return new Evidence(request.kind(), source, cut, collected);
    }

    /** "uid 1000; sudo -n was refused ...": who the probe ran as, for reasons a person acts on. */
    String ranAs() {
        return "probe ran as uid " + info.uid().map(String::valueOf).orElse("?") + (note.isEmpty() ? "" : "; " + note);
    }
}
