package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.Evidence;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests are values a check builds from rule parameters: each refuses what the probe could not ask
 * (a relative path, a NUL, a cap of nothing), and the evidence of its fact says what was read and how.
 */
class FactRequestTest {
    /** Each kind of request built around one path. */
    static Stream<Arguments> requestsOfAPath() {
        return Stream.of(
                Arguments.of("stat", (Function<String, FactRequest<?>>) FactRequest.FileStat::new),
                Arguments.of("content", (Function<String, FactRequest<?>>) p -> new FactRequest.FileContent(p, 10)),
                Arguments.of("listing", (Function<String, FactRequest<?>>) p -> new FactRequest.DirectoryListing(p, 10)),
                Arguments.of("lines", (Function<String, FactRequest<?>>) p -> new FactRequest.FileLines(p, List.of("x"),
                        10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsOfAPath")
    void aPathMustBeAbsoluteAndHoldNoNul(String kind, Function<String, FactRequest<?>> request) {
        assertEquals(kind, request.apply("/etc/x").kind());
        for (String bad : List.of("etc/x", "", "./x", "/etc/\0x", "\0/x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> request.apply(bad), bad);
            assertTrue(e.getMessage().startsWith("not an absolute path"), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> request.apply(null));
    }

    /** Each kind of request with a cap. */
    static Stream<Arguments> requestsWithACap() {
        return Stream.of(
                Arguments.of("content", (Function<Integer, FactRequest<?>>) n -> new FactRequest.FileContent("/x", n)),
                Arguments.of("listing", (Function<Integer, FactRequest<?>>) n -> new FactRequest.DirectoryListing("/x", n)),
                Arguments.of("lines", (Function<Integer, FactRequest<?>>) n -> new FactRequest.FileLines("/x",
                        List.of("x"), n)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsWithACap")
    void aCapMustBeAtLeastOne(String kind, Function<Integer, FactRequest<?>> request) {
        assertDoesNotThrow(() -> request.apply(1));
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> request.apply(bad));
            assertTrue(e.getMessage().equals("a cap must be positive") || e.getMessage().startsWith("a byte cap is "
                    + "from 1 to "), e.getMessage());
        }
    }

    /** Fails before the bound: maxBytes + 1 overflowed, and head -c -2147483648 read nothing at all. */
    @Test
    void aByteCapIsAtMostTheLargestAnAnswerCanCarry() {
        assertDoesNotThrow(() -> new FactRequest.FileContent("/etc/x", FactRequest.MAX_BYTES));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FactRequest.FileContent("/etc/x", FactRequest.MAX_BYTES + 1));
        assertEquals("a byte cap is from 1 to " + FactRequest.MAX_BYTES + ", not " + (FactRequest.MAX_BYTES + 1),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FactRequest.FileLines("/var/log/*", List.of("x"),
                Integer.MAX_VALUE));
    }

    @Test
    void aScanNamesFilesAndNonEmptySingleLineStrings() {
        assertThrows(IllegalArgumentException.class, () -> new FactRequest.FileLines("/var/log/", List.of("x"), 10));
        assertThrows(IllegalArgumentException.class, () -> new FactRequest.FileLines("/var/log/*", List.of(), 10));
        assertThrows(IllegalArgumentException.class, () -> new FactRequest.FileLines("/var/log/*", List.of(""), 10));
        assertThrows(IllegalArgumentException.class, () -> new FactRequest.FileLines("/var/log/*", List.of("a", "b\nc"),
                10));
        assertThrows(IllegalArgumentException.class, () -> FactRequest.FileLines.in("/var/log", "", List.of("x"), 10));
        assertThrows(IllegalArgumentException.class, () -> FactRequest.FileLines.in("/var/log", "a/b", List.of("x"),
                10));
        assertEquals("/var/log/vmware*.log", FactRequest.FileLines.in("/var/log//", "vmware*.log", List.of("x"), 10)
                .pattern());
    }

    @Test
    void aScanSeeksItsFilesInTheDeepestDirectoryWithNoPatternCharacter() {
        assertEquals("/vmfs/volumes", new FactRequest.FileLines("/vmfs/volumes/*/*/vmware*.log", List.of("x"), 10)
                .baseDirectory());
        assertEquals("/var/log", new FactRequest.FileLines("/var/log/iris.log", List.of("x"), 10).baseDirectory());
        assertEquals("/", new FactRequest.FileLines("/*.log", List.of("x"), 10).baseDirectory());
        assertEquals("/", new FactRequest.FileLines("/opt[0-9]/mgr/messages.log", List.of("x"), 10).baseDirectory());
        assertEquals("/usr", new FactRequest.FileLines("/usr/?bin/x", List.of("x"), 10).baseDirectory());
    }

    @Test
    void aCommandTakesOnlyTheArgumentsItsEntryAllows() {
        assertThrows(IllegalArgumentException.class, () -> new FactRequest.CommandOutput(AllowedCommand.UNAME,
                List.of("-a")));
        assertThrows(IllegalArgumentException.class, () -> new FactRequest.CommandOutput(
                AllowedCommand.SYSTEMCTL_IS_ACTIVE, List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FactRequest.CommandOutput(
                AllowedCommand.SYSTEMCTL_IS_ACTIVE, List.of("x.service;reboot")));
        assertTrue(e.getMessage().contains("does not accept the argument 'x.service;reboot'"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new FactRequest.CommandOutput(null, List.of()));
    }

    @Test
    void aCommandsMeaningfulStatusesShareOneRunAndChangeOnlyHowItIsRead() {
        FactRequest.CommandOutput plain = new FactRequest.CommandOutput(AllowedCommand.SYSTEMCTL_IS_ACTIVE,
                List.of("vmtoolsd.service"));
        FactRequest.CommandOutput inactiveMeans = plain.meaning(3);
        assertEquals(Set.of(0, 3), inactiveMeans.meaningfulStatuses());
        assertEquals(plain, inactiveMeans.probed());
        Facts facts = CannedFacts.builder().command(plain, 3, "inactive\n", "").build();

        Fact.Present<?> result = assertInstanceOf(Fact.Present.class, facts.get(inactiveMeans));
        assertEquals(new CommandResult(3, "inactive\n", ""), result.value());
        Fact.Unknown<?> failed = assertInstanceOf(Fact.Unknown.class, facts.get(plain));
        assertEquals(Fact.Cause.COMMAND_FAILED, failed.cause());
        assertEquals("systemctl is-active -- vmtoolsd.service exited 3 (probe ran as uid 0)", failed.reason());
    }

    @Test
    void aCommandThatFailsSaysSoWithWhatItWroteOnStderrAndOneThatIsNotThereIsAbsent() {
        FactRequest.CommandOutput qlist = new FactRequest.CommandOutput(AllowedCommand.IRIS_QLIST);
        Fact.Unknown<?> failed = assertInstanceOf(Fact.Unknown.class, CannedFacts.builder().command(qlist, 1, "",
                "iris: no instances\nusage").build().get(qlist));
        assertEquals("iris qlist exited 1: iris: no instances (probe ran as uid 0)", failed.reason());
        assertEquals("exit 1\nstderr: iris: no instances\nusage", failed.evidence().excerpt());

        Fact<CommandResult> missing = CannedFacts.builder().missing(qlist).build().get(qlist);
        assertInstanceOf(Fact.Absent.class, missing);
        assertEquals("iris: command not found", missing.evidence().excerpt());

        Fact.Unknown<?> odd = assertInstanceOf(Fact.Unknown.class, CannedFacts.builder().answer(qlist,
                new Answer(Answer.DENIED, new byte[0])).build().get(qlist));
        assertEquals(Fact.Cause.UNEXPECTED, odd.cause());
        assertEquals("unexpected status 'denied' for iris qlist", odd.reason());
    }

    @Test
    void evidenceNamesTheKindOfFactAndWhatTheProbeRan() {
        FactRequest.FileStat stat = new FactRequest.FileStat("/usr/sbin/pre-freeze-script");
        FactRequest.FileContent content = new FactRequest.FileContent("/etc/vmware-tools/tools.conf", 4096);
        FactRequest.DirectoryListing listing = new FactRequest.DirectoryListing("/etc/vmware-tools/backupScripts.d");
        FactRequest.DirectoryListing small = new FactRequest.DirectoryListing("/opt", 5);
        FactRequest.CommandOutput command = new FactRequest.CommandOutput(AllowedCommand.SYSTEMCTL_IS_ACTIVE,
                List.of("vmtoolsd.service"));
        FactRequest.FileLines lines = new FactRequest.FileLines("/var/log/vmware*.log", List.of("Checkpoint_Unstun",
                "it's"), 100);
        Facts facts = CannedFacts.builder().build();
        assertEquals(new Evidence("stat", "stat /usr/sbin/pre-freeze-script", "", null), facts.get(stat).evidence());
        assertEquals(new Evidence("content", "read /etc/vmware-tools/tools.conf (first 4096 bytes)", "", null),
                facts.get(content).evidence());
        assertEquals("list /etc/vmware-tools/backupScripts.d", facts.get(listing).evidence().source());
        assertEquals("list /opt (at most 5 entries)", facts.get(small).evidence().source());
        assertEquals(new Evidence("command", "run systemctl is-active -- vmtoolsd.service", "", null),
                facts.get(command).evidence());
        assertEquals(new Evidence("lines", "grep -a -F 'Checkpoint_Unstun' 'it'\\''s' in /var/log/vmware*.log", "",
                null), facts.get(lines).evidence());
        // what a reason names: the path, the pattern or the command line
        assertEquals(List.of("/etc/vmware-tools/tools.conf", "/var/log/vmware*.log",
                "systemctl is-active -- vmtoolsd.service"), List.of(content.subject(), lines.subject(),
                command.subject()));
        assertTrue(((Fact.Unknown<?>) facts.get(command)).reason().startsWith("systemctl is-active -- vmtoolsd.service "
                + "was not collected"));
    }

    @Test
    void aFileIsCutAtItsCapAndSaysSo() {
        FactRequest.FileContent four = new FactRequest.FileContent("/x", 4);
        assertEquals(new Content("abcd", false), ((Fact.Present<Content>) CannedFacts.builder().content(four, "abcd")
                .build().get(four)).value());
        assertEquals(new Content("abcd", true), ((Fact.Present<Content>) CannedFacts.builder().content(four, "abcde")
                .build().get(four)).value());
    }

    @Test
    void aScanReadsEveryFileAsItIsUnlessToldAndDescribesItsSettings() {
        FactRequest.FileLines plain = FactRequest.FileLines.in("/usr/irissys/mgr", "messages.log*", List.of("freeze"),
                4096);
        assertEquals(new FactRequest.FileLines("/usr/irissys/mgr/messages.log*", List.of("freeze"), 4096, 0, false),
                plain);
        FactRequest.FileLines windowed = plain.modifiedWithin(java.time.Duration.ofDays(8)).decompressing();
        assertEquals(691_200, windowed.modifiedWithinSeconds());
        assertTrue(windowed.decompress());
        assertEquals("grep -a -F 'freeze' in /usr/irissys/mgr/messages.log*", plain.describe());
        assertEquals("grep -a -F 'freeze' in /usr/irissys/mgr/messages.log*, only files modified in the last 8 days"
                + " by the host's clock, *.gz read through gzip -dc or zcat", windowed.describe());
        assertEquals("grep -a -F 'freeze' in /usr/irissys/mgr/messages.log*, only files modified in the last 26 hours"
                + " by the host's clock", plain.modifiedWithin(java.time.Duration.ofHours(26)).describe());
        assertEquals("grep -a -F 'freeze' in /usr/irissys/mgr/messages.log*, only files modified in the last 1 day"
                + " by the host's clock", plain.modifiedWithin(java.time.Duration.ofDays(1)).describe());
        assertEquals("grep -a -F 'freeze' in /usr/irissys/mgr/messages.log*, only files modified in the last 90 seconds"
                + " by the host's clock", plain.modifiedWithin(java.time.Duration.ofSeconds(90, 5)).describe());
        // a zero window is no window: the same request as none
        assertEquals(plain, plain.modifiedWithin(java.time.Duration.ZERO));
        // the settings make another request, answered on its own
        assertTrue(!plain.equals(plain.decompressing()) && !plain.equals(windowed));
    }

    @Test
    void aWindowIsFromZeroToAHundredYears() {
        FactRequest.FileLines plain = new FactRequest.FileLines("/l/*", List.of("x"), 10);
        assertThrows(IllegalArgumentException.class, () -> plain.modifiedWithin(java.time.Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> new FactRequest.FileLines("/l/*", List.of("x"), 10, -1,
                false));
        assertThrows(IllegalArgumentException.class, () -> plain.modifiedWithin(java.time.Duration.ofSeconds(
                FactRequest.FileLines.MAX_WINDOW_SECONDS + 1)));
        assertEquals(FactRequest.FileLines.MAX_WINDOW_SECONDS, plain.modifiedWithin(java.time.Duration.ofSeconds(
                FactRequest.FileLines.MAX_WINDOW_SECONDS)).modifiedWithinSeconds());
    }

    @Test
    void theScriptPassesTheWindowAndTheDecompressSettingToTheScan() {
        FactRequest.FileLines scan = FactRequest.FileLines.in("/m", "messages.log*", List.of("freeze"), 10)
                .modifiedWithin(java.time.Duration.ofDays(8)).decompressing();
        String text = new ProbeScript("0123456789abcdef", "", List.of(scan)).text();
        assertTrue(text.contains("\nqz_f_lines f1 '/m/messages.log*' '/m' '11' 'freeze' '691200' '1'\n"), text);
        String plain = new ProbeScript("0123456789abcdef", "", List.of(new FactRequest.FileLines("/m/x", List.of("y"),
                10))).text();
        assertTrue(plain.contains("\nqz_f_lines f1 '/m/x' '/m' '11' 'y' '0' '0'\n"), plain);
    }
}
