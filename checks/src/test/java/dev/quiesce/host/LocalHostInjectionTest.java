package dev.quiesce.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.Content;
import dev.quiesce.facts.ShellProbe;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.model.FileMode;
import dev.quiesce.model.HostInfo;
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
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values reach the probe as data, never as shell text: hostile paths, patterns and strings run nothing
 * (a canary file is never created), and real files with hostile names are stat-ed, read and listed
 * exactly.
 */
class LocalHostInjectionTest {
    /** Names are relative when they cannot hold '/': the probe runs in '/', so look there too. */
    private final String relativeCanary = "qz-canary-" + UUID.randomUUID();

    @TempDir
    Path temp;

    private Path canary;

    @BeforeEach
    void canary() {
        canary = temp.resolve("CANARY");
    }

    @AfterEach
    void noCanary() {
        assertFalse(Files.exists(canary), "the probe ran a command hidden in a value: " + canary);
        assertFalse(Files.exists(Path.of("/", relativeCanary)), "the probe ran a command hidden in a value");
        assertFalse(Files.exists(temp.resolve(relativeCanary)), "the probe ran a command hidden in a value");
    }

    static List<String> attacks(String touch) {
        return List.of("$(" + touch + ")", "`" + touch + "`", "'; " + touch + "; '", "\"; " + touch + "; \"",
                "'$(" + touch + ")'", "\\'; " + touch + " #", "x\n" + touch + "\n", "${IFS}$(" + touch.replace(" ", "${IFS}")
                        + ")", "') ; " + touch + " ; ('", "'\"`" + touch + "`\"'", "$(" + touch + ")'\\''$(" + touch + ")",
                "a; " + touch, "a && " + touch, "a | " + touch, "a\\\n; " + touch);
    }

    private static Facts probe(Path root, List<FactRequest<?>> requests) throws HostException {
        return new LocalHost(new HostInfo("h", Set.of("guest"), Map.of()), Optional.of(root), Duration.ofSeconds(30),
                Clock.systemUTC()).probe(requests).facts();
    }

    @Test
    void hostileValuesInEveryKindOfRequestRunNothing() throws Exception {
        Path root = Files.createDirectories(temp.resolve("root"));
        List<FactRequest<?>> requests = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (String attack : attacks("touch " + canary)) {
            String path = "/" + attack;
            paths.add(path);
            requests.add(new FactRequest.FileStat(path));
            requests.add(new FactRequest.FileContent(path, 100));
            requests.add(new FactRequest.DirectoryListing(path));
            requests.add(FactRequest.FileLines.in(path, "*", List.of("x"), 100));
        }
        Files.createDirectories(root.resolve("var/log"));
        Files.writeString(root.resolve("var/log/a.log"), "x\n");
        List<FactRequest.FileLines> lines = new ArrayList<>();
        for (String attack : attacks("touch " + relativeCanary)) {
            if (!attack.contains("\n")) {
                lines.add(FactRequest.FileLines.in("/var/log", attack, List.of(attack), 100));
                lines.add(FactRequest.FileLines.in("/var/log", "*.log", List.of(attack, "x"), 100));
            }
        }
        requests.addAll(lines);

        dev.quiesce.facts.ProbeFacts facts = (dev.quiesce.facts.ProbeFacts) probe(root, requests);

        assertTrue(facts.info().uid().isPresent(), "the probe ran to its info frame");
        for (String path : paths) {
            assertInstanceOf(Fact.Absent.class, facts.get(new FactRequest.FileStat(path)), path);
            assertInstanceOf(Fact.Absent.class, facts.get(new FactRequest.FileContent(path, 100)), path);
            assertInstanceOf(Fact.Absent.class, facts.get(new FactRequest.DirectoryListing(path)), path);
            assertInstanceOf(Fact.Absent.class, facts.get(FactRequest.FileLines.in(path, "*", List.of("x"), 100)), path);
        }
        for (FactRequest.FileLines request : lines) {
            // A hostile pattern is a pattern that matches no file; "*.log" finds the line "x" and no other.
            if (request.pattern().equals("/var/log/*.log")) {
                assertEquals("/var/log/a.log:1:x\n", ShellProbe.text(present(facts.get(request))), request.toString());
            } else {
                assertInstanceOf(Fact.Absent.class, facts.get(request), request.toString());
            }
        }
    }

    @Test
    void argumentsOfAllowedCommandsCannotCarryShell() {
        for (String attack : attacks("touch " + relativeCanary)) {
            assertThrows(IllegalArgumentException.class, () -> new FactRequest.CommandOutput(
                    AllowedCommand.SYSTEMCTL_IS_ACTIVE, List.of(attack + ".service")), attack);
        }
    }

    @Test
    void filesWithHostileNamesAreReadAsDataUnderARootWithAHostileName() throws Exception {
        // The --root directory's own name goes into the script too.
        Path root = Files.createDirectories(temp.resolve("root '$(touch " + relativeCanary + ")' `touch "
                + relativeCanary + "` \"; touch " + relativeCanary + "\" [a]* ${IFS} \\"));
        Path d = Files.createDirectories(root.resolve("d"));
        List<String> names = new ArrayList<>(List.of("it's", "\"dq\"", "$(touch " + relativeCanary + ")",
                "`touch " + relativeCanary + "`", "'; touch " + relativeCanary + "; '", "new\nline", "trailing\n",
                "-n", "--help", "with space", "  lead", "*", "?", "[a]", "a*b", "back\\slash", "a;b&&c|d", "'\\''",
                ".hidden", "..dots", "tab\there", "%s%n", "x -> y", "\u0001ctl"));
        if ("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
            names.add("ünïcödé 日本");
        }
        List<FactRequest<?>> requests = new ArrayList<>();
        for (String name : names) {
            Path file = d.resolve(name);
            Files.writeString(file, "content of " + name + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
            requests.add(new FactRequest.FileStat("/d/" + name));
            requests.add(new FactRequest.FileContent("/d/" + name, 1000));
        }
        Files.createDirectories(root.resolve("g/[a]"));
        Files.createDirectories(root.resolve("g/a"));
        Files.writeString(root.resolve("g/[a]/inside-brackets"), "");
        Files.writeString(root.resolve("g/a/inside-a"), "");
        FactRequest.FileLines everything = FactRequest.FileLines.in("/d", "*", List.of("content of"), 64 * 1024);
        FactRequest.FileLines quoteStar = FactRequest.FileLines.in("/d", "it'*", List.of("it's"), 1000);
        FactRequest.FileLines bracket = FactRequest.FileLines.in("/d", "[[]a]", List.of("content"), 1000);
        FactRequest.FileLines dollar = FactRequest.FileLines.in("/d", "$(*", List.of("$(touch"), 1000);
        requests.addAll(List.of(new FactRequest.DirectoryListing("/d"), new FactRequest.DirectoryListing("/g/[a]"),
                everything, quoteStar, bracket, dollar));

        Facts facts = probe(root, requests);

        for (String name : names) {
            FileInfo info = present(facts.get(new FactRequest.FileStat("/d/" + name)));
            assertEquals(FileKind.REGULAR, info.kind(), name);
            assertEquals(new FileMode(0640), info.mode(), name);
            assertEquals(Files.size(d.resolve(name)), info.size(), name);
            assertEquals(new Content("content of " + name + "\n", false), present(facts.get(
                    new FactRequest.FileContent("/d/" + name, 1000))), name);
        }
        assertEquals(new TreeSet<>(names), present(facts.get(new FactRequest.DirectoryListing("/d"))).entries().stream()
                .map(FileInfo::name).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        assertEquals(List.of("/g/[a]/inside-brackets"), present(facts.get(new FactRequest.DirectoryListing("/g/[a]")))
                .entries().stream().map(FileInfo::path).toList());
        String all = ShellProbe.text(present(facts.get(everything)));
        for (String name : names) {
            String content = "content of " + name + "\n";
            String line = "/d/" + name + ":1:" + content.substring(0, content.indexOf('\n') + 1);
            // The name pattern is a shell pattern with glob semantics: '*' does not match a leading dot.
            assertEquals(!name.startsWith("."), all.contains(line), name);
        }
        assertEquals("/d/it's:1:content of it's\n", ShellProbe.text(present(facts.get(quoteStar))));
        assertEquals("/d/[a]:1:content of [a]\n", ShellProbe.text(present(facts.get(bracket))));
        assertEquals("/d/$(touch " + relativeCanary + "):1:content of $(touch " + relativeCanary + ")\n",
                ShellProbe.text(present(facts.get(dollar))));
    }

    static <T> T present(Fact<T> fact) {
        if (fact instanceof Fact.Present<T> present) {
            return present.value();
        }
        throw new AssertionError("expected a present fact, got " + fact);
    }
}
