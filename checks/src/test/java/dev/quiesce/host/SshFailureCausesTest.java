package dev.quiesce.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the user is told when something that is not a working sshd answers: every cause is one they can act
 * on, never a JSch NullPointerException text or a bare exception name.
 */
class SshFailureCausesTest {
    @TempDir
    Path dir;

    /** Audits a host on a loopback port where {@code server} answers each connection. */
    private HostException failure(Consumer<Socket> server) throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket s = listener.accept();
                        Thread.ofVirtual().start(() -> server.accept(s));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            SshSettings settings = new SshSettings(Files.createFile(dir.resolve("known_hosts" + System.nanoTime())),
                    false, List.of(), Duration.ofSeconds(3), Duration.ofSeconds(10), 0, Duration.ofMillis(100),
                    Optional.empty(), Optional.empty());
            SshHost host = new SshHost(new HostInfo("db1", Set.of("guest"), Map.of()),
                    SshTarget.parse("127.0.0.1:" + listener.getLocalPort()), settings, Clock.systemUTC());
            return assertThrows(HostException.class, () -> host.probe(List.of()));
        }
    }

    private static Consumer<Socket> writes(String text, boolean thenClose) {
        return socket -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(text.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (thenClose) {
                    socket.close();
                } else {
                    Thread.sleep(5000);
                    socket.close();
                }
            } catch (IOException | InterruptedException ignored) {
                // the client went away
            }
        };
    }

    private static void assertActionable(HostException e, String cause) {
        String message = e.getMessage();
        assertFalse(message.contains("NullPointerException") || message.contains("null") || message.contains(
                "Exception"), message);
        assertTrue(message.contains(cause), message);
    }

    @Test
    void aServerThatClosesAtOnceSaysSo() throws IOException {
        HostException e = failure(socket -> {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed
            }
        });
        assertEquals(HostStatus.UNREACHABLE, e.status());
        assertActionable(e, "closed the connection before the SSH greeting");
    }

    @Test
    void aServerThatClosesRightAfterTheGreetingSaysSo() throws IOException {
        HostException e = failure(writes("SSH-2.0-OpenSSH_9.2\r\n", true));
        assertEquals(HostStatus.UNREACHABLE, e.status());
        assertActionable(e, "closed the connection during the SSH handshake");
    }

    @Test
    void somethingThatIsNotSshdSaysWhatItIs() throws IOException {
        HostException e = failure(writes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", true));
        assertEquals(HostStatus.ERROR, e.status());
        assertActionable(e, "is not an SSH server");
    }

    @Test
    void garbageThatStaysOpenIsNotSshEither() throws IOException {
        HostException e = failure(writes("\u0000\u0001\u0002garbage without end of line", false));
        assertEquals(HostStatus.ERROR, e.status());
        assertActionable(e, "is not an SSH server (it answered '\\x00\\x01\\x02garbage");
    }
}
