package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiesce.testing.OpenSshServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiesce audit} over SSH against a real OpenSSH server: one host, then a fleet with bad hosts. */
class SshAuditTest {
    /** A finding per rule of the built-in packs. */
    private static final int RULES = dev.quiesce.engine.RulePacks.load(dev.quiesce.check.CheckRegistry.standard(),
            true, List.of()).stream().mapToInt(p -> p.rules().size()).sum();

    @RegisterExtension
    static final OpenSshServer SSHD = new OpenSshServer();

    @TempDir
    Path dir;

    @Test
    void oneHostOverSshIsAuditedWithOneExecChannel() throws IOException, InterruptedException {
        long execs = SSHD.execRequests();
        Path out = dir.resolve("out");
        Cli cli = Cli.run("audit", "--host", OpenSshServer.USER + "@127.0.0.1:" + SSHD.port(), "--known-hosts",
                SSHD.knownHosts().toString(), "--identity", SSHD.clientKey().toString(), "--out", out.toString());
        assertTrue(cli.exit() == 0 || cli.exit() == 1, cli.toString());
        JsonNode host = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("hosts").get(0);
        assertEquals("AUDITED", host.get("status").asText(), host.toString());
        assertEquals("ssh " + OpenSshServer.USER + "@127.0.0.1:" + SSHD.port(), host.get("transport").asText());
        Thread.sleep(300);
        assertEquals(1, SSHD.execRequests() - execs, "exec channels");
    }

    @Test
    void rootOverSshAsTheAcceptanceRunHasIt() throws IOException {
        Path out = dir.resolve("out");
        Cli cli = Cli.run("audit", "--host", "root@127.0.0.1:" + SSHD.port(), "--known-hosts",
                SSHD.knownHosts().toString(), "--identity", SSHD.clientKey().toString(), "--out", out.toString());
        assertTrue(cli.exit() == 0 || cli.exit() == 1, cli.toString());
        JsonNode host = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("hosts").get(0);
        assertEquals("AUDITED", host.get("status").asText(), host.toString());
    }

    @Test
    void aPatternLineWithAnotherKeyIsAChangedKeyEvenWithAcceptNew() throws IOException {
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.*]:" + SSHD.port() + " " + Files.readString(SSHD.strangerKey()
                .resolveSibling("stranger_ed25519.pub")).trim() + "\n");
        String before = Files.readString(knownHosts);
        Path out = dir.resolve("out");
        Cli cli = Cli.run("audit", "--host", OpenSshServer.USER + "@127.0.0.1:" + SSHD.port(), "--known-hosts",
                knownHosts.toString(), "--accept-new-host-keys", "--identity", SSHD.clientKey().toString(), "--out",
                out.toString());
        assertEquals(3, cli.exit(), cli.toString());
        JsonNode host = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("hosts").get(0);
        assertCause(host, "ERROR", "host key changed");
        assertEquals(before, Files.readString(knownHosts), "known_hosts is as it was");
    }

    @Test
    void collectOverSshThenAuditTheCaptureOffline() throws IOException {
        Path capture = dir.resolve("db1.capture.json");
        Cli collect = Cli.run("collect", "--host", OpenSshServer.USER + "@127.0.0.1:" + SSHD.port(), "--name", "db1",
                "--known-hosts", SSHD.knownHosts().toString(), "--identity", SSHD.clientKey().toString(), "-o",
                capture.toString());
        assertEquals(0, collect.exit(), collect.toString());
        Path out = dir.resolve("out");
        Cli audit = Cli.run("audit", "--capture", capture.toString(), "--out", out.toString());
        assertTrue(audit.exit() == 0 || audit.exit() == 1, audit.toString());
        JsonNode host = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("hosts").get(0);
        assertEquals("db1", host.get("name").asText());
        assertEquals("AUDITED", host.get("status").asText());
    }

    @Test
    void aFleetWithFourBadHostsAuditsTheSixteenGoodOnesAndExitsThree() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // kept open, and referenced so no cleaner closes it
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            StringBuilder inventory = new StringBuilder("apiVersion: quiesce/v1\nkind: Inventory\nhosts:\n");
            for (int i = 1; i <= 16; i++) {
                inventory.append(String.format("  - {name: db%02d, roles: [guest], ssh: {host: 127.0.0.1, port: %d, "
                        + "user: %s}}%n", i, SSHD.port(), OpenSshServer.USER));
            }
            inventory.append(String.format("  - {name: bad-refused, roles: [guest], ssh: {host: 127.0.0.1, port: %d}}%n",
                    closedPort));
            inventory.append(String.format("  - {name: bad-silent, roles: [guest], ssh: {host: 127.0.0.1, port: %d}}%n",
                    silent.getLocalPort()));
            inventory.append(String.format("  - {name: bad-key, roles: [guest], ssh: {host: 127.0.0.1, port: %d, user: %s,"
                    + " identity: %s}}%n", SSHD.port(), OpenSshServer.USER, SSHD.strangerKey()));
            inventory.append(String.format("  - {name: bad-hostkey, roles: [guest], ssh: {host: localhost, port: %d, "
                    + "user: %s}}%n", SSHD.port(), OpenSshServer.USER));
            Path file = dir.resolve("fleet.yaml");
            Files.writeString(file, inventory);
            Path out = dir.resolve("out");

            Cli cli = Cli.run("audit", "--inventory", file.toString(), "--known-hosts", SSHD.knownHosts().toString(),
                    "--identity", SSHD.clientKey().toString(), "--parallel", "8", "--connect-timeout", "2",
                    "--retries", "0", "--out", out.toString());

            assertEquals(3, cli.exit(), cli.toString());
            JsonNode hosts = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("hosts");
            Map<String, JsonNode> byName = new HashMap<>();
            hosts.forEach(h -> byName.put(h.get("name").asText(), h));
            assertEquals(20, byName.size());
            for (int i = 1; i <= 16; i++) {
                JsonNode good = byName.get(String.format("db%02d", i));
                assertEquals("AUDITED", good.get("status").asText(), good.toString());
                assertEquals(RULES, good.get("findings").size());
            }
            assertCause(byName.get("bad-refused"), "UNREACHABLE", "connection refused");
            assertCause(byName.get("bad-silent"), "UNREACHABLE", "no SSH answer within 2 s");
            assertCause(byName.get("bad-key"), "ERROR", "authentication failed");
            assertCause(byName.get("bad-hostkey"), "ERROR", "is unknown");
        }
    }

    private static void assertCause(JsonNode host, String status, String cause) {
        assertEquals(status, host.get("status").asText(), host.toString());
        assertTrue(host.get("error").asText().contains(cause), host.get("error").asText());
    }
}
