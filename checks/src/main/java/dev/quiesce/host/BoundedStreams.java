package dev.quiesce.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a host's answer with a ceiling, so a host that floods output cannot exhaust memory. */
final class BoundedStreams {
    /** No probe answer for the built-in facts comes near this; more means something is wrong. */
    static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;

    private BoundedStreams() {}

    static byte[] readAll(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() + n > limit) {
                throw new IOException("the answer exceeds " + limit + " bytes; stopped reading");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
