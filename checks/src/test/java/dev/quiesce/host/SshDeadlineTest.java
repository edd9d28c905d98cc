package dev.quiesce.host;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.HostInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deadline bounds a host's whole time, connecting included: a connect timeout longer than the deadline
 * is cut to the time left, and no retry starts once the deadline has passed. Bounds are generous for a
 * loaded machine: a 2 s deadline must be over in under 5 s, where a 10 s connect timeout would take 10.
 */
class SshDeadlineTest {
    @TempDir
    Path dir;

    /** A listener whose accept queue is full and never drained: further SYNs are dropped, connects hang. */
    private static ServerSocket blackhole(List<Socket> fillers) throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()), 200);
                fillers.add(s);
            } catch (IOException full) {
                s.close();
                break;
            }
        }
        return listener;
    }

    private long secondsToFail(int retries) throws IOException {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket hole = blackhole(fillers)) {
            SshSettings settings = new SshSettings(Files.writeString(dir.resolve("kh" + retries), ""), false, List.of(),
                    Duration.ofSeconds(10), Duration.ofSeconds(2), retries, Duration.ofMillis(500), Optional.empty(),
                    Optional.empty());
            SshHost host = new SshHost(new HostInfo("db1", Set.of("guest"), Map.of()),
                    SshTarget.parse("127.0.0.1:" + hole.getLocalPort()), settings, Clock.systemUTC());
            long start = System.nanoTime();
            HostException e = assertThrows(HostException.class, () -> host.probe(List.of()));
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            assertTrue(e.getMessage().contains("deadline of 2 s"), e.getMessage());
            return elapsed;
        } finally {
            for (Socket s : fillers) {
                s.close();
            }
        }
    }

    @Test
    void aConnectTimeoutLongerThanTheDeadlineIsCutToTheTimeLeft() throws IOException {
        long seconds = secondsToFail(0);
        assertTrue(seconds < 5, "took " + seconds + " s with a 2 s deadline and a 10 s connect timeout");
    }

    @Test
    void noRetryStartsOnceTheDeadlineHasPassed() throws IOException {
        long seconds = secondsToFail(3);
        assertTrue(seconds < 5, "took " + seconds + " s with a 2 s deadline and 3 retries");
    }
}
