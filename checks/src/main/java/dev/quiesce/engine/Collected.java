package dev.quiesce.engine;

import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeFacts;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.model.HostStatus;
import java.util.List;
import java.util.Map;

/**
 * What probing one host gave: the transcript of its stages and their facts, the second-stage requests
 * each demand's follow-up named (or why it could not name them), and, when the host could not be
 * probed or its answer is not sound, the status and the cause. {@code transcript} is null when the host
 * gave no answer at all.
 */
record Collected(ProbeTranscript transcript, ProbeFacts facts, Map<Demand, List<FactRequest<?>>> followUps,
                 Map<Demand, String> followUpFailures, HostStatus status, String problem) {

    static Collected failed(HostStatus status, String why) {
        return new Collected(null, null, Map.of(), Map.of(), status, why);
    }

    /** True when the host answered at all (some of its facts may still be unknown). */
    boolean answered() {
        return transcript != null;
    }
}
