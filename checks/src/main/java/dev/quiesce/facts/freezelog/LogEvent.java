package dev.quiesce.facts.freezelog;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One freeze-log line read as an event: where it is ({@code file}, 1-based {@code line}), its raw
 * {@code text} (for a marker read from two lines, both joined by a newline), and what it says.
 *
 * @param time when it happened; empty for continuation lines, which carry no time stamp (a LogFile journal
 *        switch or marker, messages.log's {@code Journaling switched to:})
 * @param zoneAssumed the time stamp named a zone that is neither UTC nor the host's own abbreviation, and
 *        the host's zone was used anyway
 * @param path the journal file of {@link Kind#JOURNAL_SWITCHED} (when on the line), {@link Kind#RESTORE_FROM}
 *        and {@link Kind#MARKER}
 * @param offset the marker's offset in its journal file
 * @param wrapperInstance the instance a wrapper line names ({@code <INST> IS FROZEN})
 * @param statusCode the code of {@link Kind#WRAPPER_UNKNOWN_STATUS}
 */
public record LogEvent(Kind kind, String file, long line, String text, Optional<Instant> time, boolean zoneAssumed,
        Optional<String> path, OptionalLong offset, Optional<String> wrapperInstance, OptionalLong statusCode) {

    /** What a line says. */
    public enum Kind {
        /** {@code Backup.General.ExternalFreeze: Suspending system}: a freeze starts. */
        SUSPENDING,
        /** {@code Journal file switched to:} (LogFile) or {@code Journaling switched to: <path>} (messages.log). */
        JOURNAL_SWITCHED,
        /** {@code Start a journal restore for this backup with journal file: <path>}. */
        RESTORE_FROM,
        /** {@code Journal marker set at} and {@code offset <N> of <path>}, on one line or two. */
        MARKER,
        /** {@code System suspended}: the write daemon is suspended, the snapshot may be taken. */
        SUSPENDED,
        /** {@code Backup.General.ExternalThaw: Resuming system}. */
        RESUMING,
        /** {@code System resumed}. */
        RESUMED,
        /** A wrapper's {@code <INST> IS FROZEN}. */
        WRAPPER_FROZEN,
        /** A wrapper's {@code <INST> FREEZE FAILED}. */
        WRAPPER_FREEZE_FAILED,
        /** A wrapper's {@code <INST> IS THAWED}. */
        WRAPPER_THAWED,
        /** A wrapper's {@code <INST> THAW FAILED}. */
        WRAPPER_THAW_FAILED,
        /** A wrapper's {@code ERROR: Unknown status code: N}. */
        WRAPPER_UNKNOWN_STATUS;

        /** A wrapper's report that freezing or thawing went wrong. */
        public boolean wrapperFailure() {
            return this == WRAPPER_FREEZE_FAILED || this == WRAPPER_THAW_FAILED || this == WRAPPER_UNKNOWN_STATUS;
        }
    }

    /** "file:line", as evidence names the event (the file name as the host gave it: escape it to show it). */
    public String where() {
        return file + ":" + line;
    }
}
