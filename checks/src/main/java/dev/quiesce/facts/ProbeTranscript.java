package dev.quiesce.facts;

import java.time.Instant;
import java.util.List;

/**
 * Everything one host answered in one audit: its stages in order (the second holds only what the first
 * revealed: instance directories, VM directories), the directory read as {@code /} (empty for a live
 * host), and a note on how the probe ran that facts should mention (for example that {@code sudo -n}
 * was refused, so the probe ran unprivileged).
 */
public record ProbeTranscript(String root, String note, List<ProbeStage> stages) {
    public ProbeTranscript {
        root = root == null ? "" : root;
        note = note == null ? "" : note;
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a transcript has at least one stage");
        }
    }

    public ProbeTranscript(String root, String note, ProbeStage stage) {
        this(root, note, List.of(stage));
    }

    /** The same transcript with one more stage. */
    public ProbeTranscript then(ProbeStage stage) {
        List<ProbeStage> all = new java.util.ArrayList<>(stages);
        all.add(stage);
        return new ProbeTranscript(root, note, all);
    }

    /** When the first answer arrived, by the collecting machine's clock. */
    public Instant received() {
        return stages.get(0).received();
    }

    public ProbeFacts facts() {
        return ProbeFacts.from(this);
    }
}
