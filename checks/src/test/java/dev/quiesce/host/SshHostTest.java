package dev.quiesce.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.engine.Auditor;
import dev.quiesce.engine.RulePacks;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.Tool;
import dev.quiesce.testing.OpenSshServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SshHost against a real OpenSSH server on a loopback port. */
class SshHostTest {
    @RegisterExtension
    static final OpenSshServer SSHD = new OpenSshServer();

    @TempDir
    Path dir;

    private SshTarget target() {
        return SshTarget.parse(OpenSshServer.USER + "@127.0.0.1:" + SSHD.port());
    }

    private SshSettings settings(Path knownHosts, boolean acceptNew, Path key) {
        return new SshSettings(knownHosts, acceptNew, List.of(key), Duration.ofSeconds(5), Duration.ofSeconds(30), 0,
                Duration.ofMillis(100), Optional.empty());
    }

    private SshHost host(SshTarget target, SshSettings settings) {
        return new SshHost(new HostInfo("db1", Set.of("guest"), Map.of()), target, settings, Clock.systemUTC());
    }

    @Test
    void aFullAuditUsesOneConnectionAndOneExecChannel() throws IOException {
        CheckRegistry registry = CheckRegistry.standard();
        Auditor auditor = new Auditor(registry, RulePacks.load(registry, true, List.of()), new Tool("q", "t"),
                Clock.systemUTC(), 1);
        long execs = SSHD.execRequests();
        long connections = SSHD.connections();
        HostResult result = auditor.audit(host(target(), settings(SSHD.knownHosts(), false, SSHD.clientKey())));

        assertEquals(HostStatus.AUDITED, result.status(), result.error());
        assertEquals(RulePacks.load(registry, true, List.of()).stream().mapToInt(p -> p.rules().size()).sum(),
                result.findings().size(), "a finding per loaded rule");
        assertTrue(result.transport().startsWith("ssh qztest@127.0.0.1:"), result.transport());
        awaitLog();
        assertEquals(1, SSHD.execRequests() - execs, "exec channels for one audit");
        assertEquals(1, SSHD.connections() - connections, "connections for one audit");
    }

    @Test
    void theProbeRunsAsTheLoginUserAndReadsFacts() throws Exception {
        dev.quiesce.facts.ProbeFacts facts = host(target(), settings(SSHD.knownHosts(), false, SSHD.clientKey()))
                .probe(List.of(new FactRequest.FileStat("/etc/passwd"))).facts();
        Fact<FileInfo> passwd = facts.get(new FactRequest.FileStat("/etc/passwd"));
        assertTrue(passwd instanceof Fact.Present<FileInfo> p && p.value().ownedBy("root").orElseThrow(),
                passwd.toString());
        assertTrue(facts.info().uid().orElseThrow() > 0, "ran as " + facts.info());
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprint() throws IOException {
        Path empty = Files.createFile(dir.resolve("known_hosts"));
        HostException e = assertThrows(HostException.class, () -> host(target(),
                settings(empty, false, SSHD.clientKey())).probe(List.of()));
        assertEquals(HostStatus.ERROR, e.status());
        assertTrue(e.getMessage().contains("is unknown") && e.getMessage().contains("SHA256:")
                && e.getMessage().contains("--accept-new-host-keys"), e.getMessage());
    }

    @Test
    void acceptNewAddsAnUnknownKeyThenAuditsAgainWithIt() throws Exception {
        Path file = dir.resolve("new_known_hosts");
        host(target(), settings(file, true, SSHD.clientKey())).probe(List.of());
        assertTrue(Files.readString(file).contains("ssh-ed25519"), Files.readString(file));
        host(target(), settings(file, false, SSHD.clientKey())).probe(List.of());
    }

    @Test
    void aChangedHostKeyIsRefusedEvenWithAcceptNew() throws IOException {
        Path changed = dir.resolve("known_hosts");
        Files.writeString(changed, "[127.0.0.1]:" + SSHD.port() + " " + Files.readString(
                SSHD.strangerKey().resolveSibling("stranger_ed25519.pub")).trim() + "\n");
        HostException e = assertThrows(HostException.class, () -> host(target(),
                settings(changed, true, SSHD.clientKey())).probe(List.of()));
        assertTrue(e.getMessage().contains("host key changed"), e.getMessage());
        assertFalse(Files.readString(changed).contains("quiesce-test-host"), "the changed key was not written");
    }

    @Test
    void aWildcardLineWithAnotherKeyIsAChangedKeyAndKnownHostsStaysAsItWas() throws IOException {
        Path patterned = dir.resolve("known_hosts");
        Files.writeString(patterned, "[127.0.0.*]:" + SSHD.port() + " " + Files.readString(
                SSHD.strangerKey().resolveSibling("stranger_ed25519.pub")).trim() + "\n");
        String before = Files.readString(patterned);
        HostException e = assertThrows(HostException.class, () -> host(target(),
                settings(patterned, true, SSHD.clientKey())).probe(List.of()));
        assertEquals(HostStatus.ERROR, e.status());
        assertTrue(e.getMessage().contains("host key changed"), e.getMessage());
        assertEquals(before, Files.readString(patterned), "known_hosts was not modified");
    }

    /**
     * OpenSSH's own client and quiesce, each with accept-new, against the same sshd and the same known_hosts:
     * both connect or both refuse, and each leaves the file as the other does (appended, or untouched).
     */
    @Test
    void knownHostsDecisionsAgreeWithTheSshClient() throws Exception {
        String hostKey = Files.readString(SSHD.hostKey().resolveSibling("host_ed25519.pub")).trim();
        String stranger = Files.readString(SSHD.strangerKey().resolveSibling("stranger_ed25519.pub")).trim();
        Path ecdsa = dir.resolve("other_ecdsa");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", ecdsa.toString())
                .redirectErrorStream(true).start();
        keygen.getInputStream().readAllBytes();
        assertEquals(0, keygen.waitFor());
        String otherType = Files.readString(dir.resolve("other_ecdsa.pub")).trim();
        String port = String.valueOf(SSHD.port());
        List<String> cases = List.of(
                "",
                "* " + hostKey,
                "[127.0.0.*]:" + port + " " + stranger,
                "[127.0.0.1]:" + port.substring(0, port.length() - 1) + "? " + stranger,
                "* " + stranger,
                "!127.0.0.1,* " + stranger,
                "[127.0.0.1]:" + port + " " + hostKey + "\n@revoked * " + hostKey,
                "[127.0.0.1]:" + port + " " + otherType,
                "127.0.0.1 " + stranger);
        for (String text : cases) {
            String content = text.isEmpty() ? "" : text + "\n";
            Path forSsh = dir.resolve("kh_ssh");
            Path forQuiesce = dir.resolve("kh_quiesce");
            Files.writeString(forSsh, content);
            Files.writeString(forQuiesce, content);
            Process ssh = new ProcessBuilder("ssh", "-F", "/dev/null", "-o", "BatchMode=yes", "-o",
                    "StrictHostKeyChecking=accept-new", "-o", "UserKnownHostsFile=" + forSsh, "-o",
                    "GlobalKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes", "-i", SSHD.clientKey().toString(),
                    "-p", port, OpenSshServer.USER + "@127.0.0.1", "true").redirectErrorStream(true).start();
            String said = new String(ssh.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            boolean sshConnected = ssh.waitFor() == 0;
            boolean quiesceConnected;
            try {
                host(target(), settings(forQuiesce, true, SSHD.clientKey())).probe(List.of());
                quiesceConnected = true;
            } catch (HostException e) {
                quiesceConnected = false;
            }
            assertEquals(sshConnected, quiesceConnected, "for known_hosts '" + text + "'; ssh said: " + said);
            assertEquals(Files.readString(forSsh).equals(content), Files.readString(forQuiesce).equals(content),
                    "both leave the file alone, or both add to it: '" + text + "'");
        }
    }

    @Test
    void aKeyTheServerDoesNotAcceptFailsAuthentication() {
        HostException e = assertThrows(HostException.class, () -> host(target(),
                settings(SSHD.knownHosts(), false, SSHD.strangerKey())).probe(List.of()));
        assertEquals(HostStatus.ERROR, e.status());
        assertTrue(e.getMessage().contains("authentication failed"), e.getMessage());
    }

    @Test
    void sudoThatWantsAPasswordLeavesTheProbeUnprivilegedAndSaysWhy() throws Exception {
        dev.quiesce.facts.ProbeFacts facts = host(target().withSudo(true), settings(SSHD.knownHosts(), false, SSHD.clientKey()))
                .probe(List.of(new FactRequest.FileContent("/etc/shadow", 100))).facts();
        assertTrue(facts.info().uid().orElseThrow() > 0, "not root: " + facts.info());
        var shadow = facts.get(new FactRequest.FileContent("/etc/shadow", 100));
        assertTrue(shadow instanceof Fact.Unknown<?> u && u.reason().contains("permission denied")
                && u.reason().contains("sudo -n was refused"), shadow.toString());
    }

    @Test
    void aPortWhereNothingListensIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HostException e = assertThrows(HostException.class, () -> host(SshTarget.parse("127.0.0.1:" + port),
                settings(SSHD.knownHosts(), false, SSHD.clientKey())).probe(List.of()));
        assertEquals(HostStatus.UNREACHABLE, e.status());
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    }

    @Test
    void aListenerThatNeverSpeaksTimesOutWithinTheDeadline() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    held.add(silent.accept()); // kept open, and referenced so no cleaner closes it
                } catch (IOException ignored) {
                    // closed by the test
                }
            });
            SshSettings quick = new SshSettings(SSHD.knownHosts(), false, List.of(SSHD.clientKey()),
                    Duration.ofSeconds(1), Duration.ofSeconds(10), 0, Duration.ofMillis(100), Optional.empty());
            HostException e = assertThrows(HostException.class, () -> host(SshTarget.parse("127.0.0.1:"
                    + silent.getLocalPort()), quick).probe(List.of()));
            assertEquals(HostStatus.UNREACHABLE, e.status());
            assertTrue(e.getMessage().contains("no SSH answer within 1 s"), e.getMessage());
            acceptor.interrupt();
        }
    }

    @Test
    void shellMetacharactersInPathsReachTheRemoteShellAsData() throws Exception {
        Path canary = dir.resolve("canary");
        List<String> hostile = List.of("/tmp/x$(touch " + canary + ")", "/tmp/x`touch " + canary + "`",
                "/tmp/x'; touch " + canary + "; '", "/tmp/x\"; touch " + canary + "; \"", "/tmp/x\ntouch " + canary);
        dev.quiesce.facts.ProbeFacts facts = host(target(), settings(SSHD.knownHosts(), false, SSHD.clientKey()))
                .probe(hostile.stream().<FactRequest<?>>map(FactRequest.FileStat::new).toList()).facts();
        for (String path : hostile) {
            Fact<FileInfo> fact = facts.get(new FactRequest.FileStat(path));
            assertTrue(fact instanceof Fact.Absent, path + ": " + fact);
        }
        assertFalse(Files.exists(canary), "the canary was created: a value ran as a command");
    }

    @Test
    void aHostAliasResolvesThroughTheSshConfigLikeSshDoes() throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, "Host db-alias\n  HostName 127.0.0.1\n  Port " + SSHD.port() + "\n  User "
                + OpenSshServer.USER + "\n  IdentityFile " + SSHD.clientKey() + "\n");
        SshSettings viaConfig = new SshSettings(SSHD.knownHosts(), false, List.of(), Duration.ofSeconds(5),
                Duration.ofSeconds(30), 0, Duration.ofMillis(100), Optional.of(config));
        dev.quiesce.facts.ProbeFacts facts = host(SshTarget.parse("db-alias"), viaConfig).probe(List.of()).facts();
        assertTrue(facts.info().uid().orElseThrow() > 0, facts.info().toString());
    }

    @Test
    void keysHeldByAnSshAgentAuthenticate() throws Exception {
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 50 && !Files.exists(socket); i++) {
                Thread.sleep(100);
            }
            ProcessBuilder add = new ProcessBuilder("ssh-add", SSHD.clientKey().toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process adding = add.start();
            adding.getInputStream().readAllBytes();
            assertEquals(0, adding.waitFor(), "ssh-add");
            SshSettings viaAgent = new SshSettings(SSHD.knownHosts(), false, List.of(), Duration.ofSeconds(5),
                    Duration.ofSeconds(30), 0, Duration.ofMillis(100), Optional.empty(), Optional.of(socket));
            dev.quiesce.facts.ProbeFacts facts = host(target(), viaAgent).probe(List.of()).facts();
            assertTrue(facts.info().uid().orElseThrow() > 0, facts.info().toString());
        } finally {
            agent.destroy();
        }
    }

    @Test
    void aHostThatDiesMidAnswerIsAnErrorWithWhatArrivedKept() {
        CheckRegistry registry = CheckRegistry.standard();
        Auditor auditor = new Auditor(registry, RulePacks.load(registry, true, List.of()), new Tool("q", "t"),
                Clock.systemUTC(), 1);
        HostResult result = auditor.audit(host(SshTarget.parse(OpenSshServer.DYING_USER + "@127.0.0.1:" + SSHD.port()),
                settings(SSHD.knownHosts(), false, SSHD.clientKey())));
        assertEquals(HostStatus.ERROR, result.status());
        assertTrue(result.error().contains("incomplete") && result.error().contains("cut short"), result.error());
        assertTrue(result.findings().stream().anyMatch(f -> f.status() == dev.quiesce.model.Status.ERROR
                && f.message().contains("cut short")), result.findings().toString());
    }

    @Test
    void hashedKnownHostsEntriesAreRead() throws Exception {
        Path hashed = dir.resolve("known_hosts");
        Files.copy(SSHD.knownHosts(), hashed);
        Process hashing = new ProcessBuilder("ssh-keygen", "-H", "-f", hashed.toString()).redirectErrorStream(true)
                .start();
        hashing.getInputStream().readAllBytes();
        assertEquals(0, hashing.waitFor());
        assertTrue(Files.readString(hashed).startsWith("|1|"), Files.readString(hashed));
        host(target(), settings(hashed, false, SSHD.clientKey())).probe(List.of());
    }

    @Test
    void aJumpHostCarriesTheConnectionAndTheTargetStillRunsOneExec() throws Exception {
        long execs = SSHD.execRequests();
        String jump = OpenSshServer.USER + "@127.0.0.1:" + SSHD.port();
        SshTarget viaJump = new SshTarget("127.0.0.1", Optional.of(SSHD.port()), Optional.of(OpenSshServer.USER),
                Optional.empty(), false, Optional.of(jump), Optional.empty());
        SshHost host = host(viaJump, settings(SSHD.knownHosts(), false, SSHD.clientKey()));
        dev.quiesce.facts.ProbeFacts facts = host.probe(List.of(new FactRequest.FileStat("/etc/passwd"))).facts();
        Fact<FileInfo> passwd = facts.get(new FactRequest.FileStat("/etc/passwd"));
        assertTrue(passwd instanceof Fact.Present, passwd.toString());
        assertTrue(host.transport().endsWith("via " + jump), host.transport());
        awaitLog();
        assertEquals(1, SSHD.execRequests() - execs, "the jump host runs no command; the target runs one exec");
        assertTrue(Files.readAllLines(SSHD.log(), java.nio.charset.StandardCharsets.ISO_8859_1).stream()
                .anyMatch(l -> l.contains("direct-tcpip")), "the target was reached through a direct-tcpip channel");
    }

    @Test
    void aProxyJumpInTheSshConfigIsFollowed() throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, "Host db-behind-jump\n  HostName 127.0.0.1\n  Port " + SSHD.port() + "\n  User "
                + OpenSshServer.USER + "\n  ProxyJump " + OpenSshServer.USER + "@127.0.0.1:" + SSHD.port() + "\n");
        SshSettings viaConfig = new SshSettings(SSHD.knownHosts(), false, List.of(SSHD.clientKey()),
                Duration.ofSeconds(5), Duration.ofSeconds(30), 0, Duration.ofMillis(100), Optional.of(config));
        long before = SSHD.connections();
        host(SshTarget.parse("db-behind-jump"), viaConfig).probe(List.of());
        awaitLog();
        assertEquals(2, SSHD.connections() - before, "one connection to the jump host, one through it");
    }

    @Test
    void anEncryptedKeyAsksItsPassphraseSource() throws Exception {
        Path key = dir.resolve("locked_ed25519");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "open sesame", "-f",
                key.toString()).redirectErrorStream(true).start();
        keygen.getInputStream().readAllBytes();
        assertEquals(0, keygen.waitFor());
        Files.writeString(SSHD.directory().resolve("authorized_keys_" + OpenSshServer.USER),
                Files.readString(dir.resolve("locked_ed25519.pub")), java.nio.file.StandardOpenOption.APPEND);
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        SshSettings withPrompt = settings(SSHD.knownHosts(), false, key).withPassphrases(prompt -> {
            asked.add(prompt);
            return Optional.of("open sesame".toCharArray());
        });
        host(target(), withPrompt).probe(List.of());
        assertTrue(asked.stream().anyMatch(p -> p.contains(key.toString())), asked.toString());

        HostException e = assertThrows(HostException.class, () -> host(target(),
                settings(SSHD.knownHosts(), false, key)).probe(List.of()));
        assertTrue(e.getMessage().contains("authentication failed"), e.getMessage());
    }

    @Test
    void hostsAcceptedTogetherAllLandInKnownHosts() throws Exception {
        Path file = dir.resolve("parallel_known_hosts");
        CheckRegistry registry = CheckRegistry.standard();
        Auditor auditor = new Auditor(registry, RulePacks.load(registry, true, List.of()), new Tool("q", "t"),
                Clock.systemUTC(), 8);
        List<dev.quiesce.host.Host> hosts = new java.util.ArrayList<>();
        for (int i = 2; i <= 9; i++) {
            hosts.add(new SshHost(new HostInfo("db" + i, Set.of("guest"), Map.of()), SshTarget.parse(
                    OpenSshServer.USER + "@127.0.0." + i + ":" + SSHD.port()), settings(file, true, SSHD.clientKey()),
                    Clock.systemUTC()));
        }
        auditor.audit(hosts).hosts().forEach(h -> assertEquals(HostStatus.AUDITED, h.status(), h.error()));
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        assertEquals(8, lines.size(), "one line per host, none lost to a concurrent rewrite: " + lines);
    }

    @Test
    void targetsParseLikeSshDoes() {
        assertEquals(new SshTarget("db1", Optional.of(2222), Optional.of("ops"), Optional.empty(), false,
                Optional.empty(), Optional.empty()), SshTarget.parse("ops@db1:2222"));
        assertEquals(SshTarget.parse("ops@db1:2222"), SshTarget.parse("ssh://ops@db1:2222"));
        assertEquals("::1", SshTarget.parse("[::1]:22").host());
        assertEquals("db1", SshTarget.parse("db1").host());
        assertThrows(dev.quiesce.model.QuiesceException.class, () -> SshTarget.parse("ssh://ops:secret@db1"));
        assertThrows(dev.quiesce.model.QuiesceException.class, () -> SshTarget.parse("ops:secret@db1"));
        assertThrows(dev.quiesce.model.QuiesceException.class, () -> SshTarget.parse("db1:99999"));
    }

    /** sshd writes its debug log as it goes; give the last lines a moment to arrive. */
    private static void awaitLog() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
