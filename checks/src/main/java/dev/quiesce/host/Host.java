package dev.quiesce.host;

import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeStage;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.model.HostInfo;
import java.util.List;

/** A host to audit, whatever the way of reaching it: it answers batches of fact requests over one session. */
public interface Host {
    HostInfo info();

    /** How the host is reached, as a report shows it: {@code local}, {@code capture}, {@code ssh}. */
    String transport();

    /**
     * Opens the one connection an audit of this host uses; every stage of the probe goes over it.
     *
     * @throws HostException when the host cannot be reached
     */
    HostSession open() throws HostException;

    /** Answers {@code requests} in one stage over a session of its own: a one-stage probe. */
    default ProbeTranscript probe(List<? extends FactRequest<?>> requests) throws HostException {
        try (HostSession session = open()) {
            ProbeStage stage = session.probe(requests);
            return new ProbeTranscript(session.root(), session.note(), stage); // the note is known once it ran
        }
    }
}
