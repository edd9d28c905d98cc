package dev.quiesce.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.engine.Auditor;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Status;
import dev.quiesce.model.Tool;
import dev.quiesce.model.VmLink;
import dev.quiesce.testing.ExampleChecks;
import dev.quiesce.testing.OpenSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stages and links over a real OpenSSH server: a second stage is one more exec channel on the open
 * connection, and a guest and its ESXi host (two addresses of the harness) are each connected to once.
 */
class SshStagesTest {
    @RegisterExtension
    static final OpenSshServer SSHD = new OpenSshServer();

    /** Files the test user reads over SSH: a directory others may enter, files others may read. */
    private Path shared;

    @BeforeEach
    void shared() throws IOException {
        shared = Files.createTempDirectory("quiesce-ssh-stages");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void clean() throws IOException {
        try (var files = Files.walk(shared)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Path readable(String name, String content) throws IOException {
        Path file = Files.writeString(shared.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    private SshHost host(String name, String address, Path knownHosts, Optional<VmLink> vm) {
        SshSettings settings = new SshSettings(knownHosts, false, List.of(SSHD.clientKey()), Duration.ofSeconds(5),
                Duration.ofSeconds(30), 0, Duration.ofMillis(100), Optional.empty());
        return new SshHost(new HostInfo(name, Set.of("guest"), Map.of(), vm), SshTarget.parse(OpenSshServer.USER
                + "@" + address + ":" + SSHD.port()), settings, Clock.systemUTC());
    }

    private static Auditor auditor(String rule) {
        List<RulePack> packs = ExampleChecks.packs(rule);
        return new Auditor(ExampleChecks.registry(), packs, new Tool("quiesce", "test"), Clock.systemUTC(), 4);
    }

    private static Finding finding(HostResult host, String rule) {
        return host.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void aSecondStageIsASecondExecChannelOnTheOneConnection() throws Exception {
        Path present = readable("present", "x\n");
        Path list = readable("instances", present + "\n" + shared.resolve("absent") + "\n");
        Auditor auditor = auditor(ExampleChecks.oneRule("T-LIST", "{type: listed-paths, list: \"" + list + "\"}"));
        long execs = SSHD.execRequests();
        long connections = SSHD.connections();

        HostResult result = auditor.audit(host("db1", "127.0.0.1", SSHD.knownHosts(), Optional.empty()));

        assertEquals(HostStatus.AUDITED, result.status(), result.error());
        Finding listed = finding(result, "T-LIST");
        assertEquals(Status.FAIL, listed.status(), listed.toString());
        assertTrue(listed.message().contains(shared.resolve("absent") + " does not exist"), listed.message());
        assertTrue(listed.observed().contains(present + ": regular file"), listed.observed());
        awaitLog();
        assertEquals(1, SSHD.connections() - connections, "connections for one host of two stages");
        assertEquals(2, SSHD.execRequests() - execs, "exec channels: one per stage");
    }

    @Test
    void aGuestAndItsEsxiHostGiveOneVerdictFromBoth() throws Exception {
        Path knownHosts = Files.createTempFile("quiesce-known-hosts", "");
        String key = Files.readString(SSHD.hostKey().resolveSibling("host_ed25519.pub")).trim();
        Files.writeString(knownHosts, "[127.0.0.1]:" + SSHD.port() + " " + key + "\n[127.0.0.2]:" + SSHD.port() + " "
                + key + "\n");
        Path guestQos = readable("guest-qos", "8000\n");
        Path esxQos = readable("esx-qos", "2000\n");
        Auditor auditor = auditor(ExampleChecks.oneRule("T-LINK", "{type: same-on-vm-host, path: \"" + guestQos
                + "\", vm_host_path: \"" + esxQos + "\"}"));
        List<Host> hosts = new ArrayList<>(List.of(host("db1", "127.0.0.1", knownHosts, Optional.of(new VmLink("esx1",
                Optional.of("db1"), Optional.empty()))), host("esx1", "127.0.0.2", knownHosts, Optional.empty())));
        long execs = SSHD.execRequests();
        long connections = SSHD.connections();

        AuditRun run = auditor.audit(hosts);

        HostResult guest = run.hosts().stream().filter(h -> h.name().equals("db1")).findFirst().orElseThrow();
        Finding linked = finding(guest, "T-LINK");
        assertEquals(Status.FAIL, linked.status(), linked.toString());
        assertTrue(linked.message().contains("the guest says 8000 but its ESXi host says 2000"), linked.message());
        awaitLog();
        assertEquals(2, SSHD.connections() - connections, "one connection per host, the guest's link included");
        assertEquals(2, SSHD.execRequests() - execs, "one exec per host: the ESXi host is probed once for both");
        Files.delete(knownHosts);
    }

    /** sshd writes its debug log as it goes; give the last lines a moment to arrive. */
    private static void awaitLog() throws InterruptedException {
        Thread.sleep(300);
    }
}
