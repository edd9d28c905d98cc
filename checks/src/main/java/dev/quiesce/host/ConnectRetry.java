package dev.quiesce.host;

import dev.quiesce.model.HostStatus;
import java.time.Duration;

/**
 * Connection attempts under a host's deadline: a failure a second attempt may get past (UNREACHABLE: refused,
 * reset, timed out) is tried again after a backoff that grows with each attempt; a key or authentication
 * failure is not. No attempt starts, and no backoff runs, past the deadline.
 */
final class ConnectRetry {
    private final int retries;
    private final Duration backoff;

    ConnectRetry(int retries, Duration backoff) {
        this.retries = retries;
        this.backoff = backoff;
    }

    /** One connection attempt, given the deadline it must keep. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(Deadline deadline) throws HostException;
    }

    <T> T run(Deadline deadline, String label, Attempt<T> attempt) throws HostException {
        HostException last = null;
        for (int n = 0; n <= retries; n++) {
            if (n > 0) {
                Duration pause = backoff.multipliedBy(n);
                if (pause.compareTo(deadline.left()) >= 0) {
                    break; // the wait alone would pass the deadline
                }
                if (!sleep(pause)) {
                    break;
                }
            }
            if (deadline.passed()) {
                break;
            }
            try {
                return attempt.run(deadline);
            } catch (HostException e) {
                if (e.status() != HostStatus.UNREACHABLE) {
                    throw e;
                }
                last = e;
            }
        }
        throw last != null ? last : new HostException(HostStatus.UNREACHABLE, label + ": no answer within the "
                + "deadline of " + deadline.length().toSeconds() + " s");
    }

    /** False when interrupted: the run is being stopped, so no further attempt. */
    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
