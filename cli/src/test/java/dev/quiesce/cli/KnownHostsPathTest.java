package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A known_hosts path that cannot serve (a directory, a FIFO, a file that cannot be written when new keys are
 * to be added) is a configuration error, exit 2, said before any host is contacted.
 */
class KnownHostsPathTest {
    @TempDir
    Path dir;

    /** Runs an SSH audit against a listener and says whether anything connected to it. */
    private Cli auditWith(Path knownHosts, boolean acceptNew, boolean[] contacted) throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(300);
            Cli cli = acceptNew
                    ? Cli.run("audit", "--host", "127.0.0.1:" + listener.getLocalPort(), "--known-hosts",
                            knownHosts.toString(), "--accept-new-host-keys", "--retries", "0", "--connect-timeout", "1",
                            "--out", dir.resolve("out").toString())
                    : Cli.run("audit", "--host", "127.0.0.1:" + listener.getLocalPort(), "--known-hosts",
                            knownHosts.toString(), "--retries", "0", "--connect-timeout", "1", "--out",
                            dir.resolve("out").toString());
            try {
                listener.accept().close();
                contacted[0] = true;
            } catch (SocketTimeoutException none) {
                contacted[0] = false;
            }
            return cli;
        }
    }

    @Test
    void aDirectoryIsRefusedBeforeAnyHostIsContacted() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("known_hosts"));
        for (boolean acceptNew : new boolean[] {false, true}) {
            boolean[] contacted = new boolean[1];
            Cli cli = auditWith(directory, acceptNew, contacted);
            assertEquals(2, cli.exit(), cli.toString());
            assertTrue(cli.err().contains(directory + " is a directory") && cli.err().contains("--known-hosts"),
                    cli.err());
            assertTrue(!contacted[0], "a host was contacted");
        }
    }

    @Test
    void aFifoIsRefused() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        boolean[] contacted = new boolean[1];
        Cli cli = auditWith(fifo, false, contacted);
        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("not a regular file"), cli.err());
        assertTrue(!contacted[0], "a host was contacted");
    }

    @Test
    void aFileThatCannotBeWrittenIsRefusedWhenNewKeysAreToBeAdded() throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"), "");
        // As root, permissions do not stop a write; the immutable attribute does.
        Process chattr = new ProcessBuilder("chattr", "+i", file.toString()).redirectErrorStream(true).start();
        chattr.getInputStream().readAllBytes();
        Assumptions.assumeTrue(chattr.waitFor() == 0 || !Files.isWritable(file) || file.toFile().setWritable(false)
                && !Files.isWritable(file), "cannot make a file unwritable here");
        try {
            boolean[] contacted = new boolean[1];
            Cli cli = auditWith(file, true, contacted);
            assertEquals(2, cli.exit(), cli.toString());
            assertTrue(cli.err().contains("cannot be written") && cli.err().contains("--accept-new-host-keys"),
                    cli.err());
            assertTrue(!contacted[0], "a host was contacted");
        } finally {
            new ProcessBuilder("chattr", "-i", file.toString()).start().waitFor();
        }
    }

    @Test
    void aKnownHostsFileUnderARegularFileIsRefusedWhenItMustBeCreated() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain"), "");
        boolean[] contacted = new boolean[1];
        Cli cli = auditWith(notADirectory.resolve("known_hosts"), true, contacted);
        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("cannot be created"), cli.err());
        assertTrue(!contacted[0], "a host was contacted");
    }
}
