package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A mistake in a rule pack or an inventory stops {@code quiesce audit} with exit code 2 and a message
 * at file:line:column on stderr, never a stack trace, and nothing is audited.
 */
class ConfigErrorExitTest {
    /** Six lines; the rule's "- id:" is on line 7, its id value at column 9, its check mapping at 12:7. */
    private static final String PACK = """
            apiVersion: quiesce/v1
            kind: RulePack
            id: test-pack
            version: "1"
            title: Test pack
            rules:
            """;
    private static final String RULE = """
              - id: T-1
                title: Example
                severity: high
                references: [somewhere]
                check:
                  type: file
                  paths: [/usr/sbin/x]
            """;
    /** Three lines; the host's "- name:" is on line 4, its mapping at column 5. */
    private static final String INVENTORY = """
            apiVersion: quiesce/v1
            kind: Inventory
            hosts:
            """;

    @TempDir
    Path dir;

    /** One mistake: which option reads the file, the file's text, where the error points, what it says. */
    record Mistake(String name, String option, String text, String at, String says) {
        static Mistake pack(String name, String text, String at, String says) {
            return new Mistake(name, "--rules", text, at, says);
        }

        static Mistake inventory(String name, String text, String at, String says) {
            return new Mistake(name, "--inventory", text, at, says);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Mistake> mistakes() {
        return Stream.of(
                Mistake.pack("unknown top-level key", PACK.replace("title: Test pack", "titles: Test pack\n"
                        + "title: Test pack") + RULE, "5:1", "did you mean 'title'?"),
                Mistake.pack("unknown rule key", PACK + RULE.replace("    title:", "    tittle: x\n    title:"),
                        "8:5", "unknown key 'tittle' in a rule"),
                Mistake.pack("wrong apiVersion", PACK.replace("quiesce/v1", "quiesce/v9") + RULE, "1:13",
                        "this quiesce reads quiesce/v1"),
                Mistake.pack("wrong kind", PACK.replace("RulePack", "Pack") + RULE, "2:7",
                        "a rule pack has kind: RulePack"),
                Mistake.pack("missing rule id", PACK + RULE.replace("- id: T-1\n    title", "- title"), "7:5",
                        "a rule has no 'id'"),
                Mistake.pack("rule id with spaces", PACK + RULE.replace("T-1", "T 1"), "7:9",
                        "may hold only letters, digits"),
                Mistake.pack("unknown severity", PACK + RULE.replace("severity: high", "severity: severe"), "9:15",
                        "use one of: critical, high, medium, low, info"),
                Mistake.pack("severity as a list", PACK + RULE.replace("severity: high", "severity: [high, low]"),
                        "9:15", "'severity' must be one of"),
                Mistake.pack("roles as a string", PACK + RULE.replace("    title:", "    roles: guest\n    title:"),
                        "8:12", "'roles' must be a list"),
                Mistake.pack("unknown check type", PACK + RULE.replace("type: file", "type: stat"), "12:13",
                        "known types: "),
                Mistake.pack("parameter the check does not accept", PACK + RULE + "      owners: root\n", "14:7",
                        "did you mean 'owner'?"),
                Mistake.pack("missing required parameter", PACK + RULE.replace("      paths: [/usr/sbin/x]\n", ""),
                        "12:7", "needs 'paths'"),
                Mistake.pack("mode as a number", PACK + RULE + "      mode: 0700\n", "14:13",
                        "write the mode in quotes"),
                Mistake.pack("relative path", PACK + RULE.replace("/usr/sbin/x", "sbin/x"), "13:15",
                        "must be an absolute path"),
                Mistake.pack("mode and max_mode", PACK + RULE + "      mode: \"0700\"\n      max_mode: \"0700\"\n",
                        "12:7", "not both"),
                Mistake.pack("rule id of a built-in rule", PACK + RULE.replace("T-1", "QZ-FT-001"), "7:9",
                        "is already used at builtin:freeze-thaw-scripts.yaml:"),
                Mistake.pack("duplicate YAML key", PACK + RULE + "      paths: [/usr/sbin/y]\n", "14:7",
                        "duplicate key 'paths'"),
                Mistake.pack("tab indentation", PACK + RULE.replace("    title:", "\ttitle:"), "8:1",
                        "Do not use \\t(TAB) for indentation"),
                Mistake.pack("unclosed bracket", PACK + RULE.replace("[/usr/sbin/x]", "[/usr/sbin/x"), "14:1",
                        "flow sequence that starts at line 13, column 14"),
                Mistake.pack("empty file", "", "1:1", "the file is empty"),
                Mistake.pack("empty rules list", PACK.replace("rules:", "rules: []"), "6:8",
                        "add at least one rule"),
                Mistake.pack("missing references", PACK + RULE.replace("    references: [somewhere]\n", ""), "7:5",
                        "the rule has no 'references'"),
                Mistake.pack("two YAML documents", PACK + RULE + "---\n" + PACK, "15:1",
                        "put one document in each file"),
                Mistake.inventory("inventory: unknown key", INVENTORY + "  - name: db1\n    local: true\n"
                        + "    transport: ssh\n", "6:5", "unknown key 'transport' in a host"),
                Mistake.inventory("inventory: missing name", INVENTORY + "  - local: true\n", "4:5",
                        "a host has no 'name'"),
                Mistake.inventory("inventory: duplicate host name", INVENTORY + "  - {name: db1, local: true}\n"
                        + "  - {name: db1, local: true}\n", "5:5", "host name 'db1' is used twice"),
                Mistake.inventory("inventory: local and capture", INVENTORY + "  - name: db1\n    local: true\n"
                        + "    capture: db1.json\n", "4:5", "not several"),
                Mistake.inventory("inventory: no transport", INVENTORY + "  - name: db1\n", "4:5",
                        "add 'local: true', 'capture: <file>' or 'ssh: {host: ...}'"),
                Mistake.inventory("inventory: capture file missing", INVENTORY + "  - name: db1\n"
                        + "    capture: missing.json\n", "5:14", "does not exist"),
                Mistake.inventory("inventory: root without local", INVENTORY + "  - name: db1\n"
                        + "    capture: db1.json\n    root: /mnt\n", "6:11", "'root' goes with 'local: true' only"),
                Mistake.inventory("inventory: variable with a list", INVENTORY + "  - name: db1\n    local: true\n"
                        + "    vars: {ports: [1972]}\n", "6:19", "must be a single value"),
                Mistake.inventory("inventory: a role no rule uses", INVENTORY + "  - name: db1\n    roles: [gust]\n"
                        + "    local: true\n", "5:13", "role 'gust' is used by no rule of the loaded rule packs, so no "
                        + "rule would audit it; did you mean 'guest'? known roles: cache, guest, iris"),
                Mistake.inventory("inventory: vm names no host", INVENTORY + "  - name: db1\n    roles: [guest]\n"
                        + "    local: true\n    vm: {esxi: esx-01, name: db1}\n  - {name: esx-1, local: true}\n",
                        "7:9", "names no host of this inventory; did you mean 'esx-1'?"),
                Mistake.inventory("inventory: vm by name and dir", INVENTORY + "  - name: db1\n    local: true\n"
                        + "    vm: {esxi: esx1, name: db1, dir: /vmfs/volumes/ds1/db1}\n", "6:9",
                        "give 'name: <VM name>' or 'dir: /vmfs/volumes/<datastore>/<dir>', one of the two"),
                Mistake.inventory("inventory: a rule pack", PACK.replace("rules:", "hosts:")
                        .replace("id: test-pack\nversion: \"1\"\ntitle: Test pack\n", "")
                        + "  - {name: db1, local: true}\n", "2:7", "pass it with --rules"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void configurationMistakeExitsTwoWithItsPlace(Mistake mistake) throws IOException {
        Files.writeString(dir.resolve("db1.json"), "{}");
        Path file = dir.resolve(mistake.option().equals("--rules") ? "pack.yaml" : "inventory.yaml");
        Files.writeString(file, mistake.text());

        Result result = mistake.option().equals("--rules")
                ? audit("--rules", file.toString(), "--local", "--root", emptyRoot().toString(), "--out", out())
                : audit("--inventory", file.toString(), "--out", out());

        assertConfigError(result, file + ":" + mistake.at() + ":", mistake.says());
    }

    @Test
    void aRoleTypoAndABrokenLinkInOneInventoryAreReportedTogether() throws IOException {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, INVENTORY + "  - name: db1\n    roles: [gust]\n    local: true\n"
                + "    vm: {esxi: esx9, name: db1}\n");
        Result result = audit("--inventory", file.toString(), "--out", out());
        assertConfigError(result, "2 problems:", "");
        assertTrue(result.err().contains(file + ":5:13: role 'gust'") && result.err().contains(file
                + ":7:9: 'vm: {esxi: esx9}'"), result.err());
    }

    /** Fails before roles were checked: --role with a role no rule uses audited nothing and said PASS, exit 0. */
    @Test
    void aRoleNoLoadedRuleUsesExitsTwoAndNamesTheKnownRoles() throws IOException {
        Result result = audit("--local", "--root", emptyRoot().toString(), "--role", "dbserver", "--out", out());
        assertConfigError(result, "--role dbserver:", "role 'dbserver' is used by no rule of the loaded rule packs");
        assertTrue(result.err().contains("known roles: cache, guest, iris"), result.err());
    }

    @Test
    void duplicateRuleIdInTwoPacksOfADirectoryNamesBoth() throws IOException {
        Path packs = Files.createDirectory(dir.resolve("packs"));
        Files.writeString(packs.resolve("a.yaml"), PACK + RULE);
        Files.writeString(packs.resolve("b.yaml"), PACK.replace("test-pack", "other-pack") + RULE);

        Result result = audit("--no-builtin-rules", "--rules", packs.toString(), "--local", "--root",
                emptyRoot().toString(), "--out", out());

        assertConfigError(result, packs.resolve("b.yaml") + ":7:9:", "is already used at " + packs.resolve("a.yaml")
                + ":7:9");
    }

    @Test
    void everyMistakeOfAPackIsPrintedAtOnce() throws IOException {
        Path file = dir.resolve("pack.yaml");
        Files.writeString(file, PACK.replace("quiesce/v1", "quiesce/v2")
                + RULE.replace("severity: high", "severity: severe") + "      mode: 0700\n");

        Result result = audit("--rules", file.toString(), "--local", "--root", emptyRoot().toString(), "--out", out());

        assertConfigError(result, "3 problems:", "");
        List<String> lines = result.err().lines().skip(1).map(String::strip).toList();
        assertEquals(List.of(file + ":1:13:", file + ":9:15:", file + ":14:13:"),
                lines.stream().map(l -> l.substring(0, l.indexOf(": ") + 1)).toList(), result.err());
    }

    private record Result(int code, String out, String err) {}

    private Result audit(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] command = Stream.concat(Stream.of("audit"), Stream.of(args)).toArray(String[]::new);
        int code = QuiesceCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), command);
        return new Result(code, out.toString(), err.toString());
    }

    private Path emptyRoot() throws IOException {
        return Files.createDirectories(dir.resolve("root"));
    }

    private String out() {
        return dir.resolve("out").toString();
    }

    private void assertConfigError(Result result, String at, String says) {
        assertEquals(2, result.code(), result::toString);
        assertTrue(result.err().contains(at), () -> "expected \"" + at + "\" in stderr: " + result.err());
        assertTrue(result.err().contains(says), () -> "expected \"" + says + "\" in stderr: " + result.err());
        assertFalse(result.err().contains("\tat "), result::err);
        assertFalse(result.err().contains("Exception"), result::err);
        assertFalse(Files.exists(dir.resolve("out")), "nothing should be audited or written");
    }
}
