package dev.quiesce.engine;

import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeFacts;
import dev.quiesce.facts.ProbeStage;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.host.Host;
import dev.quiesce.host.HostException;
import dev.quiesce.host.HostSession;
import dev.quiesce.model.HostStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Probes one host for every demand on it, over one session: stage 1 with the union of the first-stage
 * requests, then, when a follow-up named more from what stage 1 answered, stage 2 with those. A host
 * thus costs at most two round trips whatever the number of rules.
 */
final class HostProbe {
    private HostProbe() {}

    static Collected collect(Host host, List<Demand> demands, Clock clock) {
        Set<FactRequest<?>> first = new LinkedHashSet<>();
        demands.forEach(d -> first.addAll(d.side().first()));
        try (HostSession session = host.open()) {
            ProbeStage one = session.probe(List.copyOf(first));
            ProbeTranscript transcript = new ProbeTranscript(session.root(), session.note(), one);
            ProbeFacts facts = transcript.facts();
            if (!facts.problems().isEmpty()) {
                // No second stage on a broken first one; rules that needed it say so, not "a bug in the check".
                Map<Demand, String> notRun = new IdentityHashMap<>();
                demands.stream().filter(d -> d.side().followUp().isPresent()).forEach(d -> notRun.put(d,
                        "the second stage was not run: the first stage's answer is incomplete"));
                return new Collected(transcript, facts, Map.of(), notRun, HostStatus.ERROR,
                        "the probe's answer is incomplete: " + String.join("; ", facts.problems()));
            }
            Map<Demand, List<FactRequest<?>>> followUps = new IdentityHashMap<>();
            Map<Demand, String> failures = new IdentityHashMap<>();
            Map<FactRequest<?>, FactRequest<?>> second = new LinkedHashMap<>();
            Set<FactRequest<?>> asked = new LinkedHashSet<>();
            first.forEach(r -> asked.add(r.probed()));
            for (Demand demand : demands) {
                demand.side().followUp().ifPresent(followUp -> {
                    try {
                        List<FactRequest<?>> more = List.copyOf(followUp.from(new DeclaredFacts(facts,
                                demand.side().first())));
                        followUps.put(demand, more);
                        more.stream().filter(r -> !asked.contains(r.probed())).forEach(r -> second.put(r.probed(), r));
                    } catch (RuntimeException e) {
                        failures.put(demand, "could not name the second-stage facts: " + e);
                    }
                });
            }
            if (second.isEmpty()) {
                return new Collected(transcript, facts, followUps, failures, HostStatus.AUDITED, null);
            }
            List<FactRequest<?>> stageTwo = new ArrayList<>(second.values());
            try {
                transcript = transcript.then(session.probe(stageTwo));
            } catch (HostException e) {
                Map<String, FactRequest<?>> planned = new LinkedHashMap<>();
                stageTwo.forEach(r -> planned.put("f" + (planned.size() + 1), r));
                transcript = transcript.then(ProbeStage.notRun(planned, clock.instant()));
                ProbeFacts partial = transcript.facts();
                return new Collected(transcript, partial, followUps, failures, HostStatus.ERROR,
                        "the second stage of the probe failed: " + e.getMessage());
            }
            ProbeFacts all = transcript.facts();
            return new Collected(transcript, all, followUps, failures, all.problems().isEmpty() ? HostStatus.AUDITED
                    : HostStatus.ERROR, all.problems().isEmpty() ? null : "the probe's answer is incomplete: "
                    + String.join("; ", all.problems()));
        } catch (HostException e) {
            return Collected.failed(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            // A host's own configuration error or a bug in a transport fails that host, never the audit.
            return Collected.failed(HostStatus.ERROR, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
