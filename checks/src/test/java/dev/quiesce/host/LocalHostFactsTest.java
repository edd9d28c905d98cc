package dev.quiesce.host;

import static dev.quiesce.host.LocalHostInjectionTest.present;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.CommandResult;
import dev.quiesce.facts.Content;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.facts.Lines;
import dev.quiesce.facts.Listing;
import dev.quiesce.facts.ProbeFacts;
import dev.quiesce.facts.ShellProbe;
import dev.quiesce.facts.ShellQuote;
import dev.quiesce.facts.ShownText;
import dev.quiesce.model.HostInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How answers turn into facts on a real machine: absent, capped, filtered, refused, failed, unknown. */
class LocalHostFactsTest {
    private static final String HUNDRED = "0123456789".repeat(10);

    @TempDir
    Path root;

    @BeforeEach
    void tree() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("var/log"));
        Files.writeString(root.resolve("etc/hundred"), HUNDRED);
        Files.writeString(root.resolve("var/log/vmware 1.log"), "a error b\nfine\nstun 42 ms\n");
        Files.writeString(root.resolve("var/log/vmware-2.log"), "nothing\nERROR is another string\n");
        Files.writeString(root.resolve("var/log/vmware.log.1"), "error in a rotated log\n");
        Files.writeString(root.resolve("var/log/other.log"), "error elsewhere\n");
        ShellProbe.shell(root.resolve("var/log"), "mkfifo vmware-fifo.log");
    }

    private ProbeFacts probe(List<FactRequest<?>> requests) throws HostException {
        return probe(Optional.of(root), requests);
    }

    private static ProbeFacts probe(Optional<Path> root, List<FactRequest<?>> requests) throws HostException {
        return new LocalHost(new HostInfo("h", Set.of("guest"), Map.of()), root, Duration.ofSeconds(30),
                Clock.systemUTC()).probe(requests).facts();
    }

    @Test
    void whatIsNotThereIsAbsent() throws Exception {
        FactRequest.FileLines lines = FactRequest.FileLines.in("/nope", "*.log", List.of("x"), 100);
        List<FactRequest<?>> requests = List.of(new FactRequest.FileStat("/etc/missing"),
                new FactRequest.FileContent("/etc/missing", 10), new FactRequest.DirectoryListing("/nope"), lines,
                new FactRequest.FileStat("/etc/hundred/below-a-file"));
        Facts facts = probe(requests);
        requests.forEach(r -> assertInstanceOf(Fact.Absent.class, facts.get(r), r.describe()));
    }

    @Test
    void contentIsCutAtTheCapAndSaysSo() throws Exception {
        List<FactRequest<?>> requests = List.of(content(10), content(99), content(100), content(1000));
        Facts facts = probe(requests);
        assertEquals(new Content(HUNDRED.substring(0, 10), true), present(facts.get(content(10))));
        assertEquals(new Content(HUNDRED.substring(0, 99), true), present(facts.get(content(99))));
        assertEquals(new Content(HUNDRED, false), present(facts.get(content(100))));
        assertEquals(new Content(HUNDRED, false), present(facts.get(content(1000))));
    }

    @Test
    void lineScanFiltersOnTheHostByPatternAndFixedStrings() throws Exception {
        FactRequest.FileLines scan = FactRequest.FileLines.in("/var/log", "vmware*.log", List.of("error", "stun"),
                1000);
        FactRequest.FileLines capped = FactRequest.FileLines.in("/var/log", "vmware*.log", List.of("error", "stun"),
                20);
        Facts facts = probe(List.of(scan, capped));

        // Not vmware.log.1 (pattern), not other.log (pattern), not "ERROR" (fixed strings are exact), and
        // the FIFO named like a log is passed over rather than opened.
        String expected = "/var/log/vmware 1.log:1:a error b\n/var/log/vmware 1.log:3:stun 42 ms\n";
        Lines lines = present(facts.get(scan));
        assertEquals(expected, ShellProbe.text(lines));
        assertEquals(List.of("/var/log/vmware 1.log", "/var/log/vmware-2.log"), lines.files());
        Lines cut = present(facts.get(capped));
        assertTrue(cut.truncated());
        assertEquals("/var/log/vmware 1.log:1:a error b\n", ShellProbe.text(cut), "only whole lines under the cap");
    }

    /** Fails before grep -a: GNU grep 3.5+ prints nothing but "binary file matches" for a file with a NUL. */
    @Test
    void aLogPaddedWithNulBytesAfterACrashIsStillRead() throws Exception {
        Files.write(root.resolve("var/log/vmware-3.log"), "before crash error\n\0\0\0\0\0\0\nafter error\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        FactRequest.FileLines scan = FactRequest.FileLines.in("/var/log", "vmware-3.log", List.of("error"), 1000);
        Lines lines = present(probe(List.of(scan)).get(scan));
        assertEquals(List.of(1L, 3L), lines.lines().stream().map(Lines.Line::number).toList(), lines.toString());
    }

    /** Fails before "nofiles" was absent: no log at all read the same as logs that hold no such line. */
    @Test
    void noFileToScanIsAbsentWhileFilesWithNoMatchingLineArePresentAndEmpty() throws Exception {
        FactRequest.FileLines noFile = FactRequest.FileLines.in("/var/log", "esx*.log", List.of("error"), 1000);
        FactRequest.FileLines noLine = FactRequest.FileLines.in("/var/log", "vmware-2.log", List.of("error"), 1000);
        Facts facts = probe(List.of(noFile, noLine));
        assertInstanceOf(Fact.Absent.class, facts.get(noFile));
        assertEquals(new Lines(List.of("/var/log/vmware-2.log"), List.of(), false), present(facts.get(noLine)));
    }

    @Test
    void aPatternMayGlobDirectoriesAsAnEsxiDatastoreLayoutNeeds() throws Exception {
        for (String vm : List.of("db1", "db 2")) {
            Files.createDirectories(root.resolve("vmfs/volumes/ds1").resolve(vm));
            Files.writeString(root.resolve("vmfs/volumes/ds1").resolve(vm).resolve("vmware.log"),
                    "Checkpoint_Unstun: vm stopped for 1000 us\n");
        }
        FactRequest.FileLines scan = new FactRequest.FileLines("/vmfs/volumes/*/*/vmware*.log",
                List.of("Checkpoint_Unstun"), 1000);
        Lines lines = present(probe(List.of(scan)).get(scan));
        assertEquals(List.of("/vmfs/volumes/ds1/db 2/vmware.log", "/vmfs/volumes/ds1/db1/vmware.log"), lines.files());
        assertEquals(2, lines.lines().size());
    }

    @Test
    void aFileGrepCannotReadMakesTheScanUnknownNotEmpty() throws Exception {
        // Reading /proc/self/mem from its start fails with EIO: grep exits 2, which must not read as "no line".
        FactRequest.FileLines scan = new FactRequest.FileLines("/proc/self/mem", List.of("x"), 1000);
        Fact.Unknown<?> unknown = assertInstanceOf(Fact.Unknown.class, probe(Optional.empty(), List.of(scan)).get(scan));
        assertEquals(Fact.Cause.UNEXPECTED, unknown.cause());
        assertTrue(unknown.reason().contains("Input/output error"), unknown.reason());
    }

    @Test
    void aFifoNamedLikeALogDoesNotHangTheProbe() throws Exception {
        FactRequest.FileLines scan = FactRequest.FileLines.in("/var/log", "*.log", List.of("error"), 1000);
        FactRequest.FileContent fifo = new FactRequest.FileContent("/var/log/vmware-fifo.log", 100);
        FactRequest.FileContent directory = new FactRequest.FileContent("/var/log", 100);
        FactRequest.DirectoryListing file = new FactRequest.DirectoryListing("/etc/hundred");
        Facts facts = probe(List.of(fifo, new FactRequest.FileStat("/var/log/vmware-fifo.log"), scan, directory, file));

        Fact.Unknown<?> fifoFact = assertInstanceOf(Fact.Unknown.class, facts.get(fifo));
        assertEquals(Fact.Cause.WRONG_KIND, fifoFact.cause());
        assertTrue(fifoFact.reason().contains("not a regular file"), fifoFact.reason());
        assertEquals(FileKind.FIFO, present(facts.get(new FactRequest.FileStat("/var/log/vmware-fifo.log"))).kind());
        assertEquals("/var/log/other.log:1:error elsewhere\n/var/log/vmware 1.log:1:a error b\n",
                ShellProbe.text(present(facts.get(scan))));
        Fact.Unknown<?> directoryFact = assertInstanceOf(Fact.Unknown.class, facts.get(directory));
        assertTrue(directoryFact.reason().contains("not a regular file"), directoryFact.reason());
        Fact.Unknown<?> fileFact = assertInstanceOf(Fact.Unknown.class, facts.get(file));
        assertTrue(fileFact.reason().contains("not a directory"), fileFact.reason());
    }

    @Test
    void commandsRunOnTheRealHostAndNotUnderARoot() throws Exception {
        FactRequest.CommandOutput uname = new FactRequest.CommandOutput(AllowedCommand.UNAME);
        Facts real = probe(Optional.empty(), List.of(uname));
        Facts tree = probe(List.of(uname));

        CommandResult result = present(real.get(uname));
        assertEquals(0, result.exitStatus());
        byte[] expected = ShellProbe.execute(List.of("uname", "-srm"), new byte[0]);
        assertEquals(new String(expected, StandardCharsets.UTF_8), result.stdout());
        Fact.Unknown<?> skipped = assertInstanceOf(Fact.Unknown.class, tree.get(uname));
        assertEquals(Fact.Cause.UNAVAILABLE, skipped.cause());
        assertTrue(skipped.reason().contains("--root"), skipped.reason());
    }

    @Test
    void aCommandThatIsNotInstalledIsAbsent() throws Exception {
        assumeTrue(ShellProbe.executable("vim-cmd").isEmpty(), "vim-cmd is installed here");
        FactRequest.CommandOutput request = new FactRequest.CommandOutput(AllowedCommand.VIM_CMD_GETALLVMS);
        assertInstanceOf(Fact.Absent.class, probe(Optional.empty(), List.of(request)).get(request));
    }

    /**
     * Fails before a command ran once with both streams kept: a failing command was run a second time to
     * read its stderr, and its non-zero status came back as a result a check could take for an answer.
     */
    @Test
    void aFailingCommandRunsOnceKeepsBothStreamsAndIsAFailureUnlessItsStatusMeansSomething() throws Exception {
        Path runs = root.resolve("runs");
        String iris = "iris() { echo run >>" + ShellQuote.quote(runs.toString())
                + "; echo 'partial output'; echo 'iris: Failed to login: Permission denied' >&2; return 1; }\n";
        FactRequest.CommandOutput plain = new FactRequest.CommandOutput(AllowedCommand.IRIS_QLIST);
        FactRequest.CommandOutput meaningful = plain.meaning(1);
        Facts facts = ShellProbe.run(ShellProbe.sh().withPrelude(iris), "", List.of(plain, meaningful)).facts();

        assertEquals(List.of("run"), Files.readAllLines(runs), "one run for both readings of one command");
        Fact.Unknown<?> failed = assertInstanceOf(Fact.Unknown.class, facts.get(plain));
        assertEquals(Fact.Cause.COMMAND_FAILED, failed.cause());
        assertTrue(failed.reason().contains("exited 1: iris: Failed to login"), failed.reason());
        assertEquals(new CommandResult(1, "partial output\n", "iris: Failed to login: Permission denied"),
                present(facts.get(meaningful)));
    }

    /**
     * Fails before a vanished entry was skipped: the listing stopped at the entry that went between the
     * glob and stat, and "No such file or directory" at the end of the error made the whole directory
     * absent, so a directory full of bad scripts passed.
     */
    @Test
    void namesThatAreNotUtf8AreKeptByteForByteAndGoBackToTheHostAsTheirBytes() throws Exception {
        Path d = Files.createDirectories(root.resolve("scripts"));
        ShellProbe.shell(d, "touch \"$(printf 'bad\\377')\" \"$(printf 'bad\\376')\" \"$(printf 'ok-\\360\\220\\202\\200')\"");
        FactRequest.DirectoryListing listing = new FactRequest.DirectoryListing("/scripts");
        List<String> paths = present(probe(List.of(listing)).get(listing)).entries().stream().map(FileInfo::path).toList();

        // Decoded with replacement, both bad names read as "bad\ufffd": two files shown as one.
        assertEquals(List.of("/scripts/bad\\xfe", "/scripts/bad\\xff", "/scripts/ok-\ud800\udc80"),
                paths.stream().map(ShownText::escaped).toList());
        FactRequest.FileStat stat = new FactRequest.FileStat(paths.get(1));
        assertEquals(FileKind.REGULAR, present(probe(List.of(stat)).get(stat)).kind(), "a stat of the name as read");
    }

    @Test
    void anEntryThatVanishesWhileTheDirectoryIsListedIsCountedAndTheRestStillListed() throws Exception {
        Path d = Files.createDirectories(root.resolve("scripts"));
        for (String name : List.of("10-a", "20-b", "30-c")) {
            Files.writeString(d.resolve(name), name);
        }
        // stat is shadowed so that 20-b is deleted just before the listing's one stat call reads it.
        String vanish = "stat() { case \"$2\" in *@*) rm -f " + ShellQuote.quote(d.resolve("20-b").toString())
                + ";; esac; command stat \"$@\"; }\n";
        FactRequest.DirectoryListing listing = new FactRequest.DirectoryListing("/scripts");
        Facts facts = ShellProbe.run(ShellProbe.sh().withPrelude(vanish), root.toString(), List.of(listing)).facts();

        Listing read = present(facts.get(listing));
        assertEquals(List.of("/scripts/10-a", "/scripts/30-c"), read.entries().stream().map(FileInfo::path).toList());
        assertEquals(1, read.vanished());
    }

    @Test
    void aDirectoryWithMoreEntriesThanTheCapIsCutAndSaysHowManyWereLeftOut() throws Exception {
        Path d = Files.createDirectories(root.resolve("many"));
        for (int i = 0; i < 25; i++) {
            Files.writeString(d.resolve(String.format("%02d", i)), "");
        }
        Files.writeString(d.resolve(".dot"), "");
        FactRequest.DirectoryListing capped = new FactRequest.DirectoryListing("/many", 10);
        Listing read = present(probe(List.of(capped)).get(capped));
        assertEquals(10, read.entries().size());
        assertEquals(16, read.omitted());
        assertTrue(read.cut());
    }

    @Test
    void theHostsClockIsRecordedWithTheFactsAndATreeWithoutZoneFilesHasNoZone() throws Exception {
        Instant before = Instant.now().minusSeconds(2);
        ProbeFacts facts = probe(List.of(new FactRequest.FileStat("/etc/hundred")));
        Instant after = Instant.now().plusSeconds(2);
        assertTrue(facts.info().clock().orElseThrow().isAfter(before) && facts.asOf().isBefore(after), facts.info()
                .toString());
        assertEquals(facts.info().clock().orElseThrow(), facts.asOf());
        // date +%z would tell this machine's offset, not the tree's
        assertTrue(facts.info().zoneOffset().isEmpty() && facts.info().localZone().isEmpty(), facts.info().toString());
        FileInfo hundred = present(facts.get(new FactRequest.FileStat("/etc/hundred")));
        assertEquals(Files.getLastModifiedTime(root.resolve("etc/hundred")).toInstant().getEpochSecond(),
                hundred.modified().orElseThrow().getEpochSecond());
    }

    /** Fails before NUL bytes were dropped before the cap: the cut went unnoticed and lines past it vanished. */
    @Test
    void nulBytesAreDroppedBeforeTheCapSoACutIsNeverHidden() throws Exception {
        Files.write(root.resolve("etc/nul-script"), "#!/bin/sh\0\0\0\0\0\0\0\0\0\0\necho frozen\nrm -rf /\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            log.append("freeze ok").append("\0".repeat(10)).append('\n');
        }
        log.append("freeze FAILED\n");
        Files.write(root.resolve("var/log/padded.log"), log.toString().getBytes(StandardCharsets.ISO_8859_1));
        FactRequest.FileContent content = new FactRequest.FileContent("/etc/nul-script", 24);
        FactRequest.FileLines scan = FactRequest.FileLines.in("/var/log", "padded.log", List.of("freeze"), 4096);
        for (ShellProbe.Shell shell : ShellProbe.shells().toList()) {
            Facts facts = ShellProbe.run(shell, root.toString(), List.of(content, scan)).facts();
            assertEquals(new Content("#!/bin/sh\necho frozen\nrm", true), present(facts.get(content)),
                    shell.name());
            Lines lines = present(facts.get(scan));
            assertEquals(10, lines.lines().size(), shell.name() + ": " + lines);
            assertEquals("freeze FAILED", lines.lines().get(9).text(), shell.name());
        }
    }

    /** Fails on BusyBox before the NUL bytes were dropped: its grep -F missed text after a NUL on one line. */
    @Test
    void aLineThatGoesOnAfterNulPaddingIsFoundByEveryShellAndGrep() throws Exception {
        Files.write(root.resolve("var/log/vmware-9.log"), "x\0\0\0Checkpoint_Unstun: vm stopped for 900 us\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        FactRequest.FileLines scan = FactRequest.FileLines.in("/var/log", "vmware-9.log", List.of("Checkpoint_Unstun"),
                4096);
        for (ShellProbe.Shell shell : ShellProbe.shells().toList()) {
            Lines lines = present(ShellProbe.run(shell, root.toString(), List.of(scan)).facts().get(scan));
            assertEquals(List.of("xCheckpoint_Unstun: vm stopped for 900 us"), lines.lines().stream()
                    .map(Lines.Line::text).toList(), shell.name());
        }
    }

    /** Fails before: "./a.log:7:x.log:1:..." was credited to a file named "a.log:7:x.log", line 1. */
    @Test
    void aFileNamedLikeAGrepLineCannotTakeAnotherFilesLine() throws Exception {
        Files.writeString(root.resolve("var/log/a.log"), "1\n2\n3\n4\n5\n6\nx.log:1:freeze ok\n");
        Files.writeString(root.resolve("var/log/a.log:7:x.log"), "nothing\n");
        FactRequest.FileLines scan = FactRequest.FileLines.in("/var/log", "a.log*", List.of("freeze"), 4096);
        Lines lines = present(probe(List.of(scan)).get(scan));
        assertEquals(List.of(new Lines.Line("/var/log/a.log", 7, "x.log:1:freeze ok")), lines.lines());
    }

    @Test
    void aByteCapIsBoundedSoItCannotOverflowIntoNoCapAtAll() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new FactRequest.FileContent("/etc/hundred", Integer.MAX_VALUE));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new FactRequest.FileLines("/var/log/*.log", List.of("x"), Integer.MAX_VALUE));
    }

    /** Fails before chunks: one stat call for 11,000 names of 200 bytes passed the command line limit. */
    @Test
    void aDirectoryWhoseNamesTogetherPassTheCommandLineLimitIsStillListed() throws Exception {
        Path d = Files.createDirectories(root.resolve("long"));
        String stem = "n".repeat(190);
        for (int i = 0; i < 11_000; i++) {
            Files.createFile(d.resolve(stem + String.format("%06d", i)));
        }
        FactRequest.DirectoryListing listing = new FactRequest.DirectoryListing("/long", 11_000);
        Listing read = present(probe(List.of(listing)).get(listing));
        assertEquals(11_000, read.entries().size());
        assertEquals(0, read.vanished());
    }

    /**
     * As root nothing is unreadable, so this runs the probe as {@code nobody} (with {@code setpriv}) where
     * the machine allows it, and skips where it does not.
     */
    @Test
    void whatTheProbingUserMayNotReadIsUnknownWithTheReason() throws Exception {
        Optional<Path> setpriv = ShellProbe.executable("setpriv");
        assumeTrue(setpriv.isPresent(), "setpriv is not installed");
        List<String> asNobody = List.of(setpriv.get().toString(), "--reuid=65534", "--regid=65534", "--clear-groups");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(root.resolve("locked"));
        Files.writeString(root.resolve("locked/secret"), "secret\n");
        Files.setPosixFilePermissions(root.resolve("locked"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(root.resolve("etc/hundred"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(root.resolve("etc/open"), "open\n");
        byte[] probe = ShellProbe.execute(List.of(asNobody.get(0), asNobody.get(1), asNobody.get(2), asNobody.get(3),
                "/bin/sh", "-c", "id -u; cat -- \"$1\"", "sh", root.resolve("etc/open").toString()), new byte[0]);
        assumeTrue(new String(probe, StandardCharsets.UTF_8).equals("65534\nopen\n"),
                "cannot run as nobody here, or nobody cannot reach the temporary directory");

        FactRequest.FileLines lines = FactRequest.FileLines.in("/etc", "*", List.of("0"), 1000);
        FactRequest.FileLines lockedLines = FactRequest.FileLines.in("/locked", "*", List.of("s"), 1000);
        // Fails before: a datastore the probe could not enter was left out and the scan passed as complete.
        Files.createDirectories(root.resolve("vol/ds1/vm1"));
        Files.createDirectories(root.resolve("vol/ds2/vm2"));
        Files.writeString(root.resolve("vol/ds1/vm1/vmware.log"), "freeze ok\n");
        Files.writeString(root.resolve("vol/ds2/vm2/vmware.log"), "freeze FAILED\n");
        for (String open : List.of("vol", "vol/ds1", "vol/ds1/vm1", "vol/ds2/vm2")) {
            Files.setPosixFilePermissions(root.resolve(open), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(root.resolve("vol/ds1/vm1/vmware.log"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(root.resolve("vol/ds2"), PosixFilePermissions.fromString("rwx------"));
        FactRequest.FileLines datastores = new FactRequest.FileLines("/vol/*/*/vmware.log", List.of("freeze"), 1000);
        List<FactRequest<?>> unreadable = List.of(new FactRequest.FileStat("/locked/secret"),
                new FactRequest.FileContent("/locked/secret", 100), new FactRequest.DirectoryListing("/locked"),
                new FactRequest.FileContent("/etc/hundred", 100), lines, lockedLines, datastores,
                new FactRequest.FileStat("/locked/missing/below"));
        List<FactRequest<?>> requests = new java.util.ArrayList<>(unreadable);
        requests.addAll(List.of(new FactRequest.FileStat("/etc/hundred"), new FactRequest.FileContent("/etc/open",
                100)));
        for (ShellProbe.Shell shell : List.of(ShellProbe.sh(), ShellProbe.sh().withPrelude(ShellProbe.NO_STAT_C))) {
            ProbeFacts facts = ShellProbe.run(shell.runAs(asNobody), root.toString(), requests).facts();
            assertEquals(Optional.of(65534L), facts.info().uid(), shell.name());
            for (FactRequest<?> request : unreadable) {
                Fact.Unknown<?> unknown = assertInstanceOf(Fact.Unknown.class, facts.get(request), shell.name() + ": "
                        + request.describe());
                assertEquals(Fact.Cause.DENIED, unknown.cause(), unknown.reason());
                assertTrue(unknown.reason().contains("permission denied"), shell.name() + ": " + unknown.reason());
                assertTrue(unknown.reason().contains("uid 65534"), unknown.reason());
            }
            FileInfo hundred = present(facts.get(new FactRequest.FileStat("/etc/hundred")));
            assertEquals(0, hundred.uid(), "the status of an unreadable file is still known");
            assertEquals(new Content("open\n", false), present(facts.get(new FactRequest.FileContent("/etc/open", 100))));
        }
    }

    private static FactRequest.FileContent content(int maxBytes) {
        return new FactRequest.FileContent("/etc/hundred", maxBytes);
    }
}
