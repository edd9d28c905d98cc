package dev.quiesce.simulate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a stream to its end on a thread of its own, keeping its first bytes and counting the rest, so a
 * command that prints without end neither blocks on a full pipe nor fills the auditor's memory.
 */
final class BoundedReader {
    private final Thread thread;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;

    private BoundedReader(InputStream in, int cap) {
        this.thread = Thread.ofVirtual().start(() -> drain(in, cap));
    }

    static BoundedReader start(InputStream in, int cap) {
        return new BoundedReader(in, cap);
    }

    private void drain(InputStream in, int cap) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (this) {
                    int keep = (int) Math.max(0, Math.min(n, cap - kept.size()));
                    kept.write(buffer, 0, keep);
                    total += n;
                }
            }
        } catch (IOException e) {
            // The stream closed under us (the process was killed): what was read stands.
        }
    }

    /** Waits a little for the end of the stream (its writers are dead or dying), then gives what was read. */
    Sandbox.Output finish() {
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            return new Sandbox.Output(kept.toByteArray(), total);
        }
    }
}
