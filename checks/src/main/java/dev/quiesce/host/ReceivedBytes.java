package dev.quiesce.host;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The first bytes a server sent on a connection, kept to tell the user what answered when the SSH
 * handshake fails: nothing (closed at once), an SSH greeting (closed during the handshake) or something
 * that is not SSH (a web server, a TLS port, garbage). JSch's exceptions do not say which.
 */
final class ReceivedBytes {
    private static final int KEEP = 256;
    private final byte[] bytes = new byte[KEEP];
    private int size;

    /** {@code in}, recording what is read through it. */
    InputStream wrap(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    keep(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    keep(b, off, n);
                }
                return n;
            }
        };
    }

    private synchronized void keep(byte[] b, int off, int n) {
        int room = Math.min(n, KEEP - size);
        if (room > 0) {
            System.arraycopy(b, off, bytes, size, room);
            size += room;
        }
    }

    synchronized boolean none() {
        return size == 0;
    }

    /** Whether a line of what arrived starts with {@code SSH-} (servers may send other lines before it). */
    synchronized boolean greeting() {
        String text = new String(bytes, 0, size, StandardCharsets.ISO_8859_1);
        return text.startsWith("SSH-") || text.contains("\nSSH-");
    }

    /** The first line that arrived, at most 40 characters, every byte outside printable ASCII as \xNN. */
    synchronized String firstLine() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < size && out.length() < 40; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\r' || b == '\n') {
                break;
            }
            out.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return out.toString();
    }
}
