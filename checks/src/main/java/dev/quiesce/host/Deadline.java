package dev.quiesce.host;

import java.time.Duration;

/** The moment by which one host must be done (connecting, retries and every probe stage), on the monotonic clock. */
record Deadline(long endNanos, Duration length) {

    static Deadline after(Duration length) {
        return new Deadline(System.nanoTime() + length.toNanos(), length);
    }

    Duration left() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    boolean passed() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** {@code timeout}, or less if the deadline comes first: no wait may run past the deadline. */
    Duration cap(Duration timeout) {
        Duration left = left();
        return left.compareTo(timeout) < 0 ? left : timeout;
    }
}
