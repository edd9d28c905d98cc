package dev.quiesce.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * quiesce's reading of known_hosts side by side with OpenSSH's: for a table of host fields and markers ×
 * names × ports, the lines {@code ssh-keygen -F} finds for a name are the lines quiesce finds, and the
 * decision for an offered key (known, changed, unknown, revoked, CA only) is the one OpenSSH's rule gives
 * on the lines OpenSSH found.
 */
class KnownHostsMatchTest {
    @TempDir
    static Path keys;

    private static String offered; // "ssh-ed25519 AAAA…", the key the host offers
    private static String other; // another ed25519 key
    private static String ecdsa; // a key of another type

    @TempDir
    Path dir;

    private static final List<String> FIELDS = List.of("*", "[127.0.0.*]:2222", "[127.0.0.1]:222?", "127.0.0.1",
            "db1,db2", "*.example.com,!bad.example.com", "!db1,*", "DB1", "[db1]:22", "db?", "*1", "[*]:2222",
            "127.0.0.1,[127.0.0.1]:2222", "!*", "db1,!db1", "?", "[127.0.0.1]:2222,!127.0.0.1", "*.*.*.*", "db1 ");

    private static final List<String> NAMES = List.of("db1", "db2", "db3", "bad.example.com", "good.example.com",
            "127.0.0.1", "[127.0.0.1]:2222", "[127.0.0.1]:2223", "[127.0.0.10]:2222", "[db1]:2222", "[db1]:22");

    @BeforeAll
    static void makeKeys() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")) || required(),
                "ssh-keygen is not installed (apt-get install openssh-client)");
        offered = key("ed25519", "a");
        other = key("ed25519", "b");
        ecdsa = key("ecdsa", "c");
    }

    private static boolean required() {
        return "1".equals(System.getenv("QUIESCE_REQUIRE_SSHD"));
    }

    private static String key(String type, String name) throws Exception {
        Path file = keys.resolve(name);
        run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", file.toString());
        String[] pub = Files.readString(file.resolveSibling(name + ".pub")).trim().split(" ");
        return pub[0] + " " + pub[1];
    }

    @Test
    void eachHostFieldNamesWhatSshKeygenFindsForIt() throws Exception {
        for (String field : FIELDS) {
            Path file = dir.resolve("kh");
            Files.writeString(file, field + " " + offered + "\n");
            for (String name : NAMES) {
                assertEquals(opensshLines(file, name), quiesceLines(file, name), "'" + field + "' for " + name);
            }
        }
    }

    @Test
    void hashedLinesMatchAsOpensshHashesThem() throws Exception {
        Path file = dir.resolve("kh");
        Files.writeString(file, "db1 " + offered + "\n[127.0.0.1]:2222 " + offered + "\n127.0.0.1 " + other + "\n");
        run("ssh-keygen", "-q", "-H", "-f", file.toString());
        assertTrue(Files.readString(file).startsWith("|1|"), Files.readString(file));
        for (String name : NAMES) {
            assertEquals(opensshLines(file, name), quiesceLines(file, name), "hashed, for " + name);
        }
        assertEquals(HostKeyCheck.Verdict.KNOWN, decide(file, "[127.0.0.1]:2222"));
        assertEquals(HostKeyCheck.Verdict.CHANGED, decide(file, "127.0.0.1"));
        assertEquals(HostKeyCheck.Verdict.UNKNOWN, decide(file, "[127.0.0.1]:2223"));
    }

    @Test
    void decisionsFollowOpensshsRuleOnTheLinesOpensshFinds() throws Exception {
        // known_hosts text → name → what OpenSSH decides for the offered key
        Map<String, Map<String, HostKeyCheck.Verdict>> table = Map.of(
                "* " + other + "\n", Map.of("db1", HostKeyCheck.Verdict.CHANGED,
                        "[127.0.0.1]:2222", HostKeyCheck.Verdict.CHANGED),
                "[127.0.0.*]:2222 " + other + "\n", Map.of("[127.0.0.1]:2222", HostKeyCheck.Verdict.CHANGED,
                        "127.0.0.1", HostKeyCheck.Verdict.UNKNOWN),
                "db1 " + other + "\ndb1 " + offered + "\n", Map.of("db1", HostKeyCheck.Verdict.KNOWN),
                "db1 " + ecdsa + "\n", Map.of("db1", HostKeyCheck.Verdict.CHANGED, "db2", HostKeyCheck.Verdict.UNKNOWN),
                "* " + offered + "\n@revoked * " + offered + "\n", Map.of("db1", HostKeyCheck.Verdict.REVOKED),
                "@revoked db2 " + offered + "\n", Map.of("db1", HostKeyCheck.Verdict.UNKNOWN,
                        "db2", HostKeyCheck.Verdict.REVOKED),
                "@cert-authority *.example.com " + ecdsa + "\n", Map.of("good.example.com",
                        HostKeyCheck.Verdict.CERT_AUTHORITY_ONLY, "db1", HostKeyCheck.Verdict.UNKNOWN),
                "!db1,* " + other + "\n", Map.of("db1", HostKeyCheck.Verdict.UNKNOWN, "db2",
                        HostKeyCheck.Verdict.CHANGED),
                "# comment\n\n   db1 " + offered + " a comment\n@bogus db2 " + offered + "\n",
                        Map.of("db1", HostKeyCheck.Verdict.KNOWN, "db2", HostKeyCheck.Verdict.UNKNOWN));
        for (var row : table.entrySet()) {
            Path file = dir.resolve("kh");
            Files.writeString(file, row.getKey());
            List<String> lines = row.getKey().lines().toList();
            for (var expected : row.getValue().entrySet()) {
                String name = expected.getKey();
                assertEquals(opensshLines(file, name), quiesceLines(file, name), row.getKey() + " for " + name);
                assertEquals(expected.getValue(), opensshRule(lines, opensshLines(file, name)), "the table itself: "
                        + row.getKey() + " for " + name);
                assertEquals(expected.getValue(), decide(file, name), row.getKey() + " for " + name);
            }
        }
    }

    /** OpenSSH's check_hostkeys_by_key_or_type applied to the lines it found ("N" or "N CA" / "N REVOKED"). */
    private static HostKeyCheck.Verdict opensshRule(List<String> text, TreeSet<String> found) {
        HostKeyCheck.Verdict verdict = HostKeyCheck.Verdict.UNKNOWN;
        boolean revoked = false;
        boolean authority = false;
        for (String entry : found) {
            String[] parts = entry.split(" ");
            String line = text.get(Integer.parseInt(parts[0]) - 1);
            boolean holds = line.contains(offered);
            if (parts.length == 1 && verdict != HostKeyCheck.Verdict.KNOWN) {
                verdict = holds ? HostKeyCheck.Verdict.KNOWN : HostKeyCheck.Verdict.CHANGED;
            }
            revoked |= parts.length > 1 && parts[1].equals("REVOKED") && holds;
            authority |= parts.length > 1 && parts[1].equals("CA");
        }
        return revoked ? HostKeyCheck.Verdict.REVOKED : verdict == HostKeyCheck.Verdict.UNKNOWN && authority
                ? HostKeyCheck.Verdict.CERT_AUTHORITY_ONLY : verdict;
    }

    private HostKeyCheck.Verdict decide(Path file, String name) throws IOException {
        return KnownHostsFile.of(file, false).check(name, Base64.getDecoder().decode(offered.split(" ")[1])).verdict();
    }

    private static TreeSet<String> quiesceLines(Path file, String name) throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        for (KnownHostsLine line : KnownHostsFile.of(file, false).naming(name)) {
            lines.add(line.number() + switch (line.marker()) {
                case NONE -> "";
                case CERT_AUTHORITY -> " CA";
                case REVOKED -> " REVOKED";
            });
        }
        return lines;
    }

    private static final Pattern FOUND = Pattern.compile("# Host .* found: line ([0-9]+) ?(CA|REVOKED)?");

    /** The lines {@code ssh-keygen -F name -f file} prints as found. */
    private static TreeSet<String> opensshLines(Path file, String name) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-F", name, "-f", file.toString()).redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        TreeSet<String> lines = new TreeSet<>();
        for (String line : output.lines().toList()) {
            Matcher m = FOUND.matcher(line.strip());
            if (m.matches()) {
                lines.add(m.group(1) + (m.group(2) == null ? "" : " " + m.group(2)));
            }
        }
        return lines;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + output);
    }
}
