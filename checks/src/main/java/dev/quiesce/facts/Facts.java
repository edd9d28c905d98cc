package dev.quiesce.facts;

import dev.quiesce.model.Evidence;
import java.time.Instant;

/**
 * What is known of one host: the fact for each request, and the instant the facts describe. A request
 * with no answer reads as {@link Fact.Unknown} with the reason, never as absent.
 */
public interface Facts {
    /** The fact for {@code request}, read through the request's own reading. */
    <T> Fact<T> get(FactRequest<T> request);

    /**
     * The host's clock when the facts were collected, as the probe read it ({@code date -u +%s}); the
     * collecting machine's clock when the host gave none. Windows such as "the last 8 days" are measured
     * against this, so an audit of a capture gives the same verdicts whenever it is made.
     */
    Instant asOf();

    /**
     * What the probe said of the host in its first stage (its user, clock and time zone); unknown where no
     * probe ran. Local times in the host's logs are placed with its zone.
     */
    default ProbeInfo info() {
        return ProbeInfo.UNKNOWN;
    }

    /** Facts that are all unknown for one reason: a host that could not be probed, a missing link. */
    static Facts unknown(Fact.Cause cause, String reason, Instant asOf) {
        return new Facts() {
            @Override
            public <T> Fact<T> get(FactRequest<T> request) {
                return new Fact.Unknown<>(cause, reason, new Evidence(request.kind(), request.describe(), "", null));
            }

            @Override
            public Instant asOf() {
                return asOf;
            }
        };
    }
}
