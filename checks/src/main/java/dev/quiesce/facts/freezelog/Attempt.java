package dev.quiesce.facts.freezelog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A freeze while its sources are being read and merged; {@link #freeze} makes the record. Mutable, and never
 * leaves the package.
 */
final class Attempt {
    /** Suspend times at most this far apart in two sources are one freeze told twice. */
    static final Duration SAME_FREEZE = Duration.ofSeconds(5);

    /** The index of each source that tells this freeze, with its {@code Suspending system} event. */
    record Told(int source, LogEvent suspending) {}

    private final List<Told> told = new ArrayList<>();
    private Optional<String> instance;
    private Instant start;
    private Instant suspended;
    private Instant resumed;
    private boolean journalSwitched;
    private String switchedTo;
    private String restoreFrom;
    private Long markerOffset;
    private String markerFile;
    /** No later freeze in any of its sources: true until one says otherwise. */
    private boolean last = true;

    /** {@code suspending} has a time: the parser makes no such event without one. */
    Attempt(int source, Optional<String> instance, LogEvent suspending) {
        this.instance = instance;
        this.start = suspending.time().orElseThrow();
        told.add(new Told(source, suspending));
    }

    void suspended(Instant at) {
        suspended = suspended == null ? at : suspended;
    }

    void resumed(Instant at) {
        resumed = resumed == null ? at : resumed;
    }

    void notLast() {
        last = false;
    }

    void attach(LogEvent event) {
        switch (event.kind()) {
            case JOURNAL_SWITCHED -> {
                journalSwitched = true;
                switchedTo = switchedTo == null ? event.path().orElse(null) : switchedTo;
            }
            case RESTORE_FROM -> restoreFrom = restoreFrom == null ? event.path().orElse(null) : restoreFrom;
            case MARKER -> {
                if (markerOffset == null && event.offset().isPresent()) {
                    markerOffset = event.offset().getAsLong();
                    markerFile = event.path().orElse(null);
                }
            }
            default -> { } // only journal facts attach
        }
    }

    Instant start() {
        return start;
    }

    LogEvent firstSuspending() {
        return told.get(0).suspending();
    }

    /** Whether {@code other}, from another source, tells this same freeze. */
    boolean sameAs(Attempt other) {
        boolean sharedSource = told.stream().anyMatch(t -> other.told.stream().anyMatch(o -> o.source() == t.source()));
        boolean instancesAgree = instance.isEmpty() || other.instance.isEmpty() || instance.equals(other.instance);
        return !sharedSource && instancesAgree && Duration.between(start, other.start).abs().compareTo(SAME_FREEZE) <= 0;
    }

    /** Takes in {@code other}'s facts: the earlier start and suspend, the later resume, the first of each journal fact. */
    void merge(Attempt other) {
        told.addAll(other.told);
        told.sort(Comparator.comparingInt(Told::source));
        instance = instance.or(() -> other.instance);
        start = start.isAfter(other.start) ? other.start : start;
        suspended = earlier(suspended, other.suspended);
        resumed = resumed == null ? other.resumed
                : other.resumed == null || resumed.isAfter(other.resumed) ? resumed : other.resumed;
        journalSwitched |= other.journalSwitched;
        switchedTo = switchedTo == null ? other.switchedTo : switchedTo;
        restoreFrom = restoreFrom == null ? other.restoreFrom : restoreFrom;
        if (markerOffset == null) {
            markerOffset = other.markerOffset;
            markerFile = other.markerFile;
        }
        last &= other.last;
    }

    Freeze freeze() {
        String journal = switchedTo != null ? switchedTo : restoreFrom != null ? restoreFrom : markerFile;
        return new Freeze(instance, start, Optional.ofNullable(suspended), Optional.ofNullable(resumed),
                journalSwitched, Optional.ofNullable(journal),
                markerOffset == null ? OptionalLong.empty() : OptionalLong.of(markerOffset),
                Optional.ofNullable(markerFile), told.stream().map(t -> t.suspending().where()).toList(),
                suspended != null && resumed == null && last);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
