package dev.quiesce.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenSSH server for tests: {@code /usr/sbin/sshd -D -e -f <generated config>} on a free
 * loopback port, with a generated host key, a test user whose shell is {@code /bin/sh} (root's login
 * shell here sources a slow .bashrc) and a generated client key; no PAM, everything in a temp dir.
 * Logs at DEBUG so tests can count sessions and exec channels. With {@code QUIESCE_REQUIRE_SSHD=1}
 * a missing sshd fails the tests instead of skipping them.
 */
public final class OpenSshServer implements BeforeAllCallback, AfterAllCallback {
    public static final String USER = "qztest";
    /** A user whose session dies a few hundred bytes into the probe's answer (sshd ForceCommand). */
    public static final String DYING_USER = "qzdie";
    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    private Path dir;
    private Process process;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        boolean required = "1".equals(System.getenv("QUIESCE_REQUIRE_SSHD"));
        if (!Files.isExecutable(SSHD)) {
            if (required) {
                throw new IllegalStateException("QUIESCE_REQUIRE_SSHD=1 but " + SSHD + " is missing: apt-get install "
                        + "openssh-server");
            }
            Assumptions.abort(SSHD + " is not installed (apt-get install openssh-server)");
        }
        dir = Files.createTempDirectory("quiesce-sshd");
        // sshd reads authorized_keys as the user: the directory must let others in (keys stay 0600).
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        ensureUser();
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "quiesce-test-host", "-f", hostKey().toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "quiesce-test-client", "-f", clientKey().toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "quiesce-test-stranger", "-f",
                dir.resolve("stranger_ed25519").toString());
        Files.copy(clientKey().resolveSibling("client_ed25519.pub"), dir.resolve("authorized_keys_" + USER));
        Files.copy(clientKey().resolveSibling("client_ed25519.pub"), dir.resolve("authorized_keys_root"));
        Files.copy(clientKey().resolveSibling("client_ed25519.pub"), dir.resolve("authorized_keys_" + DYING_USER));
        Files.createDirectories(Path.of("/run/sshd"));
        port = freePort();
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                // More loopback addresses: distinct hosts for tests of several hosts at once.
                "ListenAddress 127.0.0.2", "ListenAddress 127.0.0.3", "ListenAddress 127.0.0.4",
                "ListenAddress 127.0.0.5", "ListenAddress 127.0.0.6", "ListenAddress 127.0.0.7",
                "ListenAddress 127.0.0.8", "ListenAddress 127.0.0.9",
                "HostKey " + hostKey(),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir + "/authorized_keys_%u",
                "StrictModes no",
                "UsePAM no",
                "UseDNS no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "PermitRootLogin prohibit-password",
                "LogLevel DEBUG",
                "MaxStartups 100:30:200",
                "MaxSessions 50",
                "Match User " + DYING_USER,
                "  ForceCommand /bin/sh -c '/bin/sh -s | head -c 400'",
                "") );
        process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(log().toFile()).start();
        awaitGreeting();
        Files.writeString(knownHosts(), "[127.0.0.1]:" + port + " " + Files.readString(
                hostKey().resolveSibling("host_ed25519.pub")).trim() + "\n");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public int port() {
        return port;
    }

    public Path clientKey() {
        return dir.resolve("client_ed25519");
    }

    /** A key the server does not accept. */
    public Path strangerKey() {
        return dir.resolve("stranger_ed25519");
    }

    public Path hostKey() {
        return dir.resolve("host_ed25519");
    }

    /** A known_hosts file that knows this server's key. */
    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    public Path log() {
        return dir.resolve("sshd.log");
    }

    public Path directory() {
        return dir;
    }

    /** How many exec requests sshd has logged so far (one per exec channel). */
    public long execRequests() throws IOException {
        return Files.readAllLines(log(), StandardCharsets.ISO_8859_1).stream()
                .filter(l -> l.contains("server_input_channel_req") && l.contains("request exec")).count();
    }

    /** How many connections sshd has accepted so far. */
    public long connections() throws IOException {
        return Files.readAllLines(log(), StandardCharsets.ISO_8859_1).stream()
                .filter(l -> l.contains("Connection from 127.0.0.1")).count();
    }

    private static void ensureUser() throws IOException, InterruptedException {
        for (String user : new String[] {USER, DYING_USER}) {
            if (new ProcessBuilder("id", user).start().waitFor() != 0) {
                run("useradd", "--create-home", "--shell", "/bin/sh", user);
            }
            // With UsePAM no a password field of '!' counts as locked; '*' is "no password" but not locked.
            run("usermod", "-p", "*", user);
        }
    }

    private void awaitGreeting() throws IOException, InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited: " + Files.readString(log(), StandardCharsets.ISO_8859_1));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                socket.setSoTimeout(2000);
                InputStream in = socket.getInputStream();
                byte[] greeting = new byte[4];
                if (in.readNBytes(greeting, 0, 4) == 4 && new String(greeting, StandardCharsets.US_ASCII).equals("SSH-")) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("sshd did not answer on port " + port);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
