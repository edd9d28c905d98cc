package dev.quiesce.facts.freezelog;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The freezes an instance's logs tell of within a window, and what went wrong around them.
 *
 * @param freezes the freezes that started in the window, by start time; a freeze told by two sources (a LogFile
 *        and messages.log) is one
 * @param failedSuspends the {@code Suspending system} line of each freeze in {@code freezes} that never reached
 *        {@code System suspended} (its first source's)
 * @param wrapperFailures a wrapper's {@code FREEZE FAILED}, {@code THAW FAILED} and {@code Unknown status code}
 *        lines dated in the window
 * @param onlineBackupMarkers journal markers outside any freeze (an online backup's), in the whole of every source:
 *        the window is not applied, since a LogFile marker has no time of its own
 * @param problems lines that looked like events but could not be read (no readable time, a marker with no
 *        offset), and a {@code System suspended} with no start; a check that depends on the history should not
 *        pass while there are any
 */
public record FreezeHistory(List<Freeze> freezes, List<LogEvent> failedSuspends, List<LogEvent> wrapperFailures,
        int onlineBackupMarkers, List<String> problems) {
    public FreezeHistory {
        freezes = List.copyOf(freezes);
        failedSuspends = List.copyOf(failedSuspends);
        wrapperFailures = List.copyOf(wrapperFailures);
        problems = List.copyOf(problems);
    }

    /**
     * Reads every source ({@link FreezeLogParser}), follows each one's freezes ({@link FreezeSequence}), merges a
     * freeze told by two sources whose instances agree (or one is unknown) when their suspend times are at most
     * five seconds apart, and keeps the freezes that started at or after {@code windowStart} and not after
     * {@code asOf}. A freeze that started before the window and resumed inside it is not counted. Never throws.
     *
     * @param zone the host's zone, in which local times are read
     * @param zoneAbbreviation the host's zone abbreviation ({@code date +%Z}), possibly empty
     */
    public static FreezeHistory assemble(List<LogSource> sources, ZoneId zone, String zoneAbbreviation,
            Instant windowStart, Instant asOf) {
        FreezeLogParser.Problems problems = new FreezeLogParser.Problems();
        List<Attempt> attempts = new ArrayList<>();
        List<LogEvent> wrapperFailures = new ArrayList<>();
        int onlineBackupMarkers = 0;
        for (int i = 0; i < sources.size(); i++) {
            LogSource source = sources.get(i);
            List<LogEvent> events = FreezeLogParser.parse(source.lines(), zone, zoneAbbreviation, problems);
            FreezeSequence sequence = FreezeSequence.read(i, source.instance(), events, problems);
            attempts.addAll(sequence.attempts);
            sequence.wrapperFailures.stream().filter(e -> inWindow(e.time().orElseThrow(), windowStart, asOf))
                    .forEach(wrapperFailures::add);
            onlineBackupMarkers += sequence.onlineBackupMarkers;
        }
        List<Attempt> merged = merged(attempts);
        List<Freeze> freezes = new ArrayList<>();
        List<LogEvent> failedSuspends = new ArrayList<>();
        for (Attempt attempt : merged) {
            if (!inWindow(attempt.start(), windowStart, asOf)) {
                continue;
            }
            Freeze freeze = attempt.freeze();
            freezes.add(freeze);
            if (freeze.suspendFailed()) {
                failedSuspends.add(attempt.firstSuspending());
            }
        }
        return new FreezeHistory(freezes, failedSuspends, wrapperFailures, onlineBackupMarkers, problems.list());
    }

    /** One attempt per freeze, by start time: each joins the first earlier one from other sources that tells it. */
    private static List<Attempt> merged(List<Attempt> attempts) {
        List<Attempt> sorted = new ArrayList<>(attempts);
        sorted.sort(Comparator.comparing(Attempt::start)); // stable: a source's own order is kept on equal times
        List<Attempt> out = new ArrayList<>();
        for (Attempt attempt : sorted) {
            Attempt same = null;
            // Only recent ones can be within five seconds: look back from the end and stop once too far.
            for (int i = out.size() - 1; i >= 0 && same == null; i--) {
                Attempt candidate = out.get(i);
                if (candidate.start().plus(Attempt.SAME_FREEZE).isBefore(attempt.start())) {
                    break;
                }
                if (candidate.sameAs(attempt)) {
                    same = candidate;
                }
            }
            if (same == null) {
                out.add(attempt);
            } else {
                same.merge(attempt);
            }
        }
        return out;
    }

    private static boolean inWindow(Instant at, Instant windowStart, Instant asOf) {
        return !at.isBefore(windowStart) && !at.isAfter(asOf);
    }
}
