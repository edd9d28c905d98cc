package dev.quiesce.facts.freezelog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One {@code ExternalFreeze} as its logs tell it, from {@code Suspending system} on; when a LogFile and
 * messages.log both tell it, one freeze with the facts of both.
 *
 * @param instance the instance, when a source names it
 * @param start the time of {@code Suspending system}
 * @param suspended the time of {@code System suspended}; empty when the system was never suspended (a failed freeze)
 * @param resumed the time of {@code System resumed}; empty when none followed (a {@code Resuming system} alone
 *        does not count: the thaw never said it finished)
 * @param journalSwitched whether the freeze switched the journal file
 * @param journalFile the journal a restore of this backup starts from: the file switched to, else the one the
 *        restore line names, else the marker's
 * @param markerOffset the journal marker's offset
 * @param markerFile the journal file the marker is in
 * @param sources {@code file:line} of the {@code Suspending system} line, one per source that tells this freeze, in
 *        the order of the sources given; the file name is the host's, not escaped
 * @param frozenNow suspended, never resumed, and the last freeze in each of its sources: the instance is still
 *        frozen as far as its logs say
 */
public record Freeze(Optional<String> instance, Instant start, Optional<Instant> suspended, Optional<Instant> resumed,
        boolean journalSwitched, Optional<String> journalFile, OptionalLong markerOffset, Optional<String> markerFile,
        List<String> sources, boolean frozenNow) {
    public Freeze {
        sources = List.copyOf(sources);
    }

    /**
     * How long users were held: from {@code System suspended} (or, for a freeze never suspended, from
     * {@code Suspending system}) to {@code System resumed}; empty when it never resumed. Negative when the
     * local clock went back in between (a DST overlap is read with its earlier offset).
     */
    public Optional<Duration> frozenFor() {
        return resumed.map(end -> Duration.between(suspended.orElse(start), end));
    }

    /** Whether a journal marker with a known offset was set inside this freeze. */
    public boolean markerSet() {
        return markerOffset.isPresent();
    }

    /** Suspended and never resumed (whether or not a later freeze followed). */
    public boolean unresumed() {
        return suspended.isPresent() && resumed.isEmpty();
    }

    /** {@code Suspending system} with no {@code System suspended} after it: the freeze failed. */
    public boolean suspendFailed() {
        return suspended.isEmpty();
    }
}
