package dev.quiesce.host;

import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.model.HostInfo;
import java.util.List;

/** A host to audit, whatever the way of reaching it: it answers a batch of fact requests in one probe. */
public interface Host {
    HostInfo info();

    /** How the host is reached, as a report shows it: {@code local}, {@code capture}, {@code ssh}. */
    String transport();

    /**
     * Answers all {@code requests} in one round trip.
     *
     * @throws HostException when the host cannot be reached or the probe cannot run at all
     */
    ProbeTranscript probe(List<FactRequest> requests) throws HostException;
}
