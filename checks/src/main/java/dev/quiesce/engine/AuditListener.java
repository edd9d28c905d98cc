package dev.quiesce.engine;

import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;

/** Hears of an audit's progress, host by host; called from the auditing threads. */
public interface AuditListener {
    AuditListener NONE = new AuditListener() {};

    default void started(int hosts) {
    }

    default void hostStarted(HostInfo host) {
    }

    default void hostFinished(HostResult result) {
    }
}
