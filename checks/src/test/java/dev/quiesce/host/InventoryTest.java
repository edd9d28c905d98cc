package dev.quiesce.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.Problem;
import dev.quiesce.model.QuiesceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A valid inventory loads with paths relative to its directory; each mistake is reported at its place. */
class InventoryTest {
    /** Three lines; the first host's "- name:" is on line 4, its mapping at column 5. */
    private static final String HEADER = """
            apiVersion: quiesce/v1
            kind: Inventory
            hosts:
            """;

    @TempDir
    Path dir;

    private Path inventory;

    @BeforeEach
    void captureFile() throws IOException {
        Files.createDirectories(dir.resolve("captures"));
        Files.writeString(dir.resolve("captures/db1.json"), "{}");
        inventory = dir.resolve("inventory.yaml");
    }

    @Test
    void validInventoryResolvesPathsAgainstItsDirectory() throws IOException {
        Files.writeString(inventory, HEADER + """
                  - name: db1
                    roles: [guest, iris]
                    vars: {instance: IRIS, port: 1972, mirrored: true}
                    capture: captures/db1.json
                  - name: here
                    local: true
                    root: tree
                """);

        Inventory loaded = Inventory.load(inventory);

        assertEquals(2, loaded.hosts().size());
        InventoryHost db1 = loaded.hosts().get(0);
        assertEquals("db1", db1.info().name());
        assertEquals(Set.of("guest", "iris"), db1.info().roles());
        assertEquals(Map.of("instance", "IRIS", "port", "1972", "mirrored", "true"), db1.info().vars());
        assertEquals(new InventoryHost.Transport.Captured(dir.resolve("captures/db1.json")), db1.transport());
        assertEquals(new InventoryHost.Transport.Local(Optional.of(dir.resolve("tree"))),
                loaded.hosts().get(1).transport());
    }

    @Test
    void localHostWithoutRootReadsThisMachine() throws IOException {
        Files.writeString(inventory, HEADER + "  - name: here\n    local: true\n");

        InventoryHost host = Inventory.load(inventory).hosts().get(0);

        assertEquals(new InventoryHost.Transport.Local(Optional.empty()), host.transport());
        assertEquals(Set.of(), host.info().roles());
    }

    @Test
    void unknownHostKeySuggestsTheRightOne() throws IOException {
        Problem p = onlyProblem(HEADER + """
                  - name: db1
                    role: [guest]
                    capture: captures/db1.json
                """);

        assertAt(5, 5, p);
        assertMessage(p, "unknown key 'role' in a host; did you mean 'roles'?");
    }

    @Test
    void unknownTopLevelKeyIsReported() throws IOException {
        Problem p = onlyProblem(HEADER.replace("hosts:", "defaults: {}\nhosts:") + "  - {name: db1, local: true}\n");

        assertAt(3, 1, p);
        assertMessage(p, "unknown key 'defaults' in the inventory; allowed keys: apiVersion, hosts, kind");
    }

    @Test
    void missingNameAsksForOne() throws IOException {
        Problem p = onlyProblem(HEADER + """
                  - roles: [guest]
                    capture: captures/db1.json
                """);

        assertAt(4, 5, p);
        assertMessage(p, "a host has no 'name'; add name: <text>");
    }

    @Test
    void duplicateHostNameNamesTheFirstLine() throws IOException {
        Problem p = onlyProblem(HEADER + """
                  - name: db1
                    capture: captures/db1.json
                  - name: db1
                    local: true
                """);

        assertAt(6, 5, p);
        assertMessage(p, "host name 'db1' is used twice (first at line 4); host names must be unique");
    }

    @Test
    void localAndCaptureTogetherAreRefused() throws IOException {
        Problem p = onlyProblem(HEADER + """
                  - name: db1
                    local: true
                    capture: captures/db1.json
                """);

        assertAt(4, 5, p);
        assertMessage(p, "a host has one transport: 'local: true', 'capture: <file>' or 'ssh: {...}', not several");
    }

    @Test
    void hostWithoutTransportAsksForOne() throws IOException {
        Problem p = onlyProblem(HEADER + """
                  - name: db1
                    roles: [guest]
                """);

        assertAt(4, 5, p);
        assertMessage(p, "the host says not how to reach it; add 'local: true', 'capture: <file>' or 'ssh: {host: ...}'");
    }

    @Test
    void localFalseIsRefused() throws IOException {
        Problem p = onlyProblem(HEADER + "  - name: db1\n    local: false\n");

        assertAt(5, 12, p);
        assertMessage(p, "'local: false' means nothing");
    }

    @Test
    void missingCaptureFileNamesTheResolvedPath() throws IOException {
        Problem p = onlyProblem(HEADER + """
                  - name: db1
                    capture: captures/db2.json
                """);

        assertAt(5, 14, p);
        assertMessage(p, "capture file " + dir.resolve("captures/db2.json") + " does not exist; make it with "
                + "'quiesce collect' or fix the path");
    }

    @Test
    void rootWithoutLocalIsRefused() throws IOException {
        Problem p = onlyProblem(HEADER + """
                  - name: db1
                    capture: captures/db1.json
                    root: /mnt/db1
                """);

        assertAt(6, 11, p);
        assertMessage(p, "'root' goes with 'local: true' only");
    }

    @Test
    void variableWithAListValueIsRefused() throws IOException {
        Problem p = onlyProblem(HEADER + """
                  - name: db1
                    local: true
                    vars:
                      instance: IRIS
                      ports: [1972, 52773]
                """);

        assertAt(8, 14, p);
        assertMessage(p, "variable 'ports' must be a single value (text, number or true/false), not a list");
    }

    @Test
    void rulePackPassedAsInventoryPointsToRules() throws IOException {
        Problem p = onlyProblem(HEADER.replace("kind: Inventory", "kind: RulePack") + "  - {name: db1, local: true}\n");

        assertAt(2, 7, p);
        assertMessage(p, "kind is 'RulePack'; an inventory has kind: Inventory (this looks like a rule pack: "
                + "pass it with --rules)");
    }

    @Test
    void wrongApiVersionIsReported() throws IOException {
        Problem p = onlyProblem(HEADER.replace("quiesce/v1", "v1") + "  - {name: db1, local: true}\n");

        assertAt(1, 13, p);
        assertMessage(p, "apiVersion is 'v1'; this quiesce reads quiesce/v1");
    }

    @Test
    void emptyHostListAsksForAHost() throws IOException {
        Problem p = onlyProblem(HEADER.replace("hosts:", "hosts: []"));

        assertAt(3, 8, p);
        assertMessage(p, "'hosts' is an empty list; add at least one host");
    }

    @Test
    void missingFileSaysSo() {
        QuiesceException e = assertThrows(QuiesceException.class, () -> Inventory.load(dir.resolve("none.yaml")));

        assertEquals(dir.resolve("none.yaml") + ": no such inventory file", e.getMessage());
    }

    @Test
    void everyMistakeIsReportedTogether() throws IOException {
        Files.writeString(inventory, HEADER + """
                  - name: db1
                    capture: captures/db2.json
                  - name: db2
                    name: db3
                    local: true
                    vars: {ports: [1]}
                  - roles: guest
                    local: true
                """);

        List<Problem> problems = assertThrows(QuiesceException.class, () -> Inventory.load(inventory)).problems();

        assertEquals(List.of("5:14", "7:5", "9:19", "10:5", "10:12"), problems.stream()
                .map(p -> p.line() + ":" + p.column()).toList(), problems::toString);
        assertMessage(problems.get(1), "duplicate key 'name'");
        assertMessage(problems.get(3), "a host has no 'name'");
        assertMessage(problems.get(4), "'roles' must be a list");
    }

    @Test
    void sshHostsCarryTheirTarget() throws IOException {
        Files.writeString(inventory, HEADER + """
                  - name: db1
                    roles: [guest]
                    ssh: {host: db1.example.internal, port: 2222, user: ops, identity: keys/db1, sudo: true,
                          passphrase_env: DB1_KEY_PASSPHRASE, proxy_jump: ops@bastion:2200}
                """);
        InventoryHost.Transport transport = Inventory.load(inventory).hosts().get(0).transport();
        SshTarget target = ((InventoryHost.Transport.Ssh) transport).target();
        assertEquals("db1.example.internal", target.host());
        assertEquals(java.util.Optional.of(2222), target.port());
        assertEquals(java.util.Optional.of("ops"), target.user());
        assertEquals(java.util.Optional.of(dir.resolve("keys/db1")), target.identity());
        assertTrue(target.sudo());
        assertEquals(java.util.Optional.of("DB1_KEY_PASSPHRASE"), target.passphraseEnv());
        assertEquals(java.util.Optional.of("ops@bastion:2200"), target.proxyJump());
    }

    @Test
    void severalJumpHopsAreRefused() throws IOException {
        Problem p = onlyProblem(HEADER + """
                  - name: db1
                    ssh: {host: db1, proxy_jump: "a,b"}
                """);
        assertMessage(p, "supports one jump host");
    }

    @Test
    void anSshPortOutOfRangeIsRefused() throws IOException {
        Problem p = onlyProblem(HEADER + """
                  - name: db1
                    ssh: {host: db1, port: 70000}
                """);
        assertAt(5, 28, p);
        assertMessage(p, "'port' must be a number from 1 to 65535");
    }

    @Test
    void anUnknownSshKeyIsRefused() throws IOException {
        Problem p = onlyProblem(HEADER + """
                  - name: db1
                    ssh: {host: db1, password: hunter2}
                """);
        assertMessage(p, "unknown key 'password' in 'ssh'");
    }

    @Test
    void hostNamesLongerThanDnsAllowsAreRefusedAtTheirPlace() throws IOException {
        String longName = "a".repeat(254);
        Problem p = onlyProblem(HEADER + "  - name: db1\n    ssh: {host: " + longName + "}\n");
        assertAt(5, 17, p);
        assertMessage(p, "253 characters");
        assertTrue(p.message().length() < 400, p::toString);

        Problem huge = onlyProblem(HEADER + "  - name: " + "n".repeat(1_000_000) + "\n    ssh: {host: db1}\n");
        assertMessage(huge, "253 characters");
        assertTrue(huge.message().length() < 400, "the message does not repeat the name");
    }

    @Test
    void userNamesLongerThan256AreRefusedAtTheirPlace() throws IOException {
        Problem p = onlyProblem(HEADER + "  - name: db1\n    ssh: {host: db1, user: " + "u".repeat(257) + "}\n");
        assertMessage(p, "256 characters");
        assertTrue(p.message().length() < 400, p::toString);
        assertEquals(5, p.line(), p::toString);
    }

    private Problem onlyProblem(String text) throws IOException {
        Files.writeString(inventory, text);
        List<Problem> problems = assertThrows(QuiesceException.class, () -> Inventory.load(inventory)).problems();
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        return problems.get(0);
    }

    private void assertAt(int line, int column, Problem problem) {
        assertEquals(inventory + ":" + line + ":" + column,
                problem.file() + ":" + problem.line() + ":" + problem.column(), problem::toString);
    }

    private static void assertMessage(Problem problem, String fragment) {
        assertTrue(problem.message().contains(fragment), () -> "expected \"" + fragment + "\" in: " + problem);
    }
}
