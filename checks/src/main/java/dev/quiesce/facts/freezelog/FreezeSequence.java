package dev.quiesce.facts.freezelog;

import dev.quiesce.facts.ShownText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks one source's events in line order: {@code Suspending system} opens a freeze, and {@code Resuming system},
 * {@code System resumed} or the next {@code Suspending system} closes it. A journal switch, restore line or marker
 * inside an open freeze belongs to it; a marker outside one is an online backup's ({@code ^DBACK} writes the same
 * line) and only counted. {@code System resumed} after {@code Resuming system} still gives the closed freeze its
 * resume time; {@code Resuming system} alone leaves it unresumed (the thaw never said it finished).
 */
final class FreezeSequence {
    final List<Attempt> attempts = new ArrayList<>();
    final List<LogEvent> wrapperFailures = new ArrayList<>();
    int onlineBackupMarkers;

    private FreezeSequence() {}

    static FreezeSequence read(int source, Optional<String> instance, List<LogEvent> events,
            FreezeLogParser.Problems problems) {
        FreezeSequence sequence = new FreezeSequence();
        Attempt open = null;
        Attempt resuming = null; // closed by Resuming system, waiting for System resumed
        for (LogEvent event : events) {
            switch (event.kind()) {
                case SUSPENDING -> {
                    if (!sequence.attempts.isEmpty()) {
                        sequence.attempts.getLast().notLast();
                    }
                    resuming = null;
                    open = new Attempt(source, instance, event);
                    sequence.attempts.add(open);
                }
                case JOURNAL_SWITCHED, RESTORE_FROM -> {
                    if (open != null) {
                        open.attach(event);
                    }
                }
                case MARKER -> {
                    if (open != null) {
                        open.attach(event);
                    } else {
                        sequence.onlineBackupMarkers++;
                    }
                }
                case SUSPENDED -> {
                    if (open != null) {
                        open.suspended(event.time().orElseThrow());
                    } else {
                        problems.add(ShownText.escaped(event.where()) + ": System suspended with no Suspending system before it"
                                + " (the start of this freeze is not in the log)");
                    }
                }
                case RESUMING -> {
                    resuming = open != null ? open : resuming;
                    open = null;
                }
                case RESUMED -> {
                    Attempt closing = open != null ? open : resuming;
                    if (closing != null) {
                        closing.resumed(event.time().orElseThrow());
                    }
                    open = null;
                    resuming = null;
                }
                default -> {
                    if (event.kind().wrapperFailure()) {
                        sequence.wrapperFailures.add(event);
                    }
                }
            }
        }
        return sequence;
    }
}
