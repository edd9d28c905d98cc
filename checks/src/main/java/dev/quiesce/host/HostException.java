package dev.quiesce.host;

import dev.quiesce.model.HostStatus;

/** A host could not be audited; {@code status} says whether it was unreachable or the probe failed. */
public class HostException extends Exception {
    private final HostStatus status;

    public HostException(HostStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HostException(HostStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public HostStatus status() {
        return status;
    }
}
