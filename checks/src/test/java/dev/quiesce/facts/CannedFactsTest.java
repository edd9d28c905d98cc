package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.FileMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Canned answers, for tests of checks: each kind written as a value reads back as the fact a real probe's
 * answer would give, built directly or framed as a stage a real probe would have sent.
 */
class CannedFactsTest {
    private static final Instant AS_OF = Instant.parse("2026-06-01T12:00:00Z");
    private static final FactRequest.FileStat FREEZE = new FactRequest.FileStat("/usr/sbin/pre-freeze-script");
    private static final FactRequest.FileStat THAW = new FactRequest.FileStat("/usr/sbin/post-thaw-script");
    private static final FactRequest.FileContent CONF = new FactRequest.FileContent("/etc/vmware-tools/tools.conf", 64);
    private static final FactRequest.DirectoryListing SCRIPTS = new FactRequest.DirectoryListing(
            "/etc/vmware-tools/backupScripts.d");
    private static final FactRequest.DirectoryListing OPT = new FactRequest.DirectoryListing("/opt");
    private static final FactRequest.CommandOutput QLIST = new FactRequest.CommandOutput(AllowedCommand.IRIS_QLIST);
    private static final FactRequest.CommandOutput UNAME = new FactRequest.CommandOutput(AllowedCommand.UNAME);
    private static final FactRequest.FileLines UNSTUN = new FactRequest.FileLines("/var/log/vmware*.log",
            List.of("Checkpoint_Unstun"), 4096);
    private static final FactRequest.FileLines MESSAGES = new FactRequest.FileLines("/usr/irissys/mgr/messages.log",
            List.of("Journal"), 4096);

    private static FileInfo file(String path, FileKind kind, int mode, Optional<String> target) {
        return new FileInfo(path, kind, new FileMode(mode), 1000, 50, Optional.of("oper"), Optional.of("staff"), 420,
                Optional.of(Instant.parse("2026-05-31T23:00:00Z")), target);
    }

    private static final FileInfo SCRIPT = file(FREEZE.path(), FileKind.REGULAR, 04750, Optional.empty());
    private static final FileInfo LINK = file(SCRIPTS.path() + "/10-iris", FileKind.SYMLINK, 0777,
            Optional.of("/opt/iris/freeze.sh"));
    private static final Lines.Line HIT = new Lines.Line("/var/log/vmware.log", 7, "Checkpoint_Unstun: stopped 90 us");

    /** Every kind of answer, written in one chain. */
    private static CannedFacts canned() {
        return CannedFacts.builder().asOf(AS_OF).ranAs(1000, "sudo -n was refused")
                .stat(SCRIPT)
                .content(CONF, "[vmbackup]\nenableSyncDriver = false\n")
                .listing(SCRIPTS, List.of(LINK))
                .listing(OPT, List.of(file("/opt/a", FileKind.DIRECTORY, 0755, Optional.empty())), 2, 3)
                .command(QLIST, 0, "IRIS^/usr/irissys^2024.1\n", "")
                .lines(UNSTUN, List.of("/var/log/vmware.log", "/var/log/vmware-1.log"), List.of(HIT), 0)
                .missing(MESSAGES)
                .missing(UNAME)
                .denied(THAW);
    }

    private static <T> T present(Fact<T> fact) {
        if (fact instanceof Fact.Present<T> p) {
            return p.value();
        }
        throw new AssertionError("not present: " + fact);
    }

    private static void assertEveryKindReadsBack(Facts facts) {
        assertEquals(SCRIPT, present(facts.get(FREEZE)));
        assertEquals(new Content("[vmbackup]\nenableSyncDriver = false\n", false), present(facts.get(CONF)));
        assertEquals(List.of(LINK), present(facts.get(SCRIPTS)).entries());
        Listing opt = present(facts.get(OPT));
        assertEquals(List.of("/opt/a"), opt.entries().stream().map(FileInfo::path).toList());
        assertEquals(2, opt.vanished());
        assertEquals(3, opt.omitted());
        assertTrue(facts.get(OPT).evidence().excerpt().contains("(2 entries vanished while the directory was read: "
                + "stat: cannot statx: No such file or directory)"), facts.get(OPT).evidence().excerpt());
        assertEquals(new CommandResult(0, "IRIS^/usr/irissys^2024.1\n", ""), present(facts.get(QLIST)));
        assertEquals(new Lines(List.of("/var/log/vmware.log", "/var/log/vmware-1.log"), List.of(HIT), false),
                present(facts.get(UNSTUN)));
        assertInstanceOf(Fact.Absent.class, facts.get(MESSAGES));
        assertInstanceOf(Fact.Absent.class, facts.get(UNAME));
        Fact.Unknown<?> denied = assertInstanceOf(Fact.Unknown.class, facts.get(THAW));
        assertEquals("permission denied reading /usr/sbin/post-thaw-script (probe ran as uid 1000; sudo -n was "
                + "refused); audit as root", denied.reason());
        assertEquals(AS_OF, facts.asOf());
        assertEquals(AS_OF, facts.get(FREEZE).evidence().collected());
    }

    private static final List<FactRequest<?>> ALL = List.of(FREEZE, THAW, CONF, SCRIPTS, OPT, QLIST, UNAME, UNSTUN,
            MESSAGES);

    @Test
    void everyKindOfAnswerReadsBackAsTheFactItDescribes() {
        assertEveryKindReadsBack(canned().build());
    }

    @Test
    void aStageOfTheSameAnswersReadsBackTheSame() {
        ProbeStage stage = canned().stage(ALL);
        ProbeFacts facts = new ProbeTranscript("", "sudo -n was refused", stage).facts();
        assertEveryKindReadsBack(facts);
        assertEquals(List.of(), facts.problems());
        assertEquals(Optional.of(1000L), facts.info().uid());
        assertEquals(AS_OF, stage.received());
    }

    @Test
    void aStageIsFramedAsARealProbeFramesTheSameRequests() {
        FactRequest.CommandOutput failing = new FactRequest.CommandOutput(AllowedCommand.VMWARE_TOOLBOX_VERSION);
        CannedFacts canned = canned().command(failing, 1, "", "vmware-toolbox-cmd: not running in a VM\n");
        List<FactRequest<?>> requests = List.of(FREEZE, QLIST, failing, QLIST.meaning(2), CONF, SCRIPTS);
        ProbeStage stage = canned.stage(requests);

        assertEquals(new ProbeScript("0123456789abcdef", "", requests).requestsById(), stage.requests());
        ProbeAnswer answer = new AnswerParser(stage.token()).parse(stage.answer());
        assertTrue(answer.complete());
        assertEquals(List.of(), answer.problems());
        assertEquals(Set.of("info", "f1", "f2", "f3", "f3.err", "f4", "f5", "end"), answer.frames().keySet(),
                "a frame per answered request, stderr only where something was written on it");
    }

    @Test
    void aRequestGivenNoAnswerIsNotCollectedAndAnAnswerNothingAskedForIsCounted() {
        CannedFacts canned = CannedFacts.builder().stat(SCRIPT).denied(THAW);
        ProbeStage stage = canned.stage(List.of(FREEZE, CONF));
        Fact.Unknown<?> conf = assertInstanceOf(Fact.Unknown.class, new ProbeTranscript("", "", stage).facts().get(CONF));
        assertEquals(Fact.Cause.NOT_COLLECTED, conf.cause());
        assertEquals(Set.of(FREEZE, CONF), canned.asked());
        assertEquals(Set.of(THAW), canned.unasked());

        Fact.Unknown<?> built = assertInstanceOf(Fact.Unknown.class, canned.build().get(CONF));
        assertEquals(Fact.Cause.NOT_COLLECTED, built.cause());
    }

    @Test
    void theNoteOfHowTheProbeRanIsKeptForTheSession() {
        assertEquals("sudo -n was refused", canned().note());
        assertEquals("", CannedFacts.builder().note());
    }

    @Test
    void aStatLineIsWhatStatPrintsForTheFile() {
        assertEquals("89e8|1000|50|oper|staff|420|1780268400", CannedFacts.statLine(SCRIPT));
        FileInfo numeric = new FileInfo("/x", FileKind.DIRECTORY, new FileMode(01777), 0, 0, Optional.empty(),
                Optional.empty(), 4096, Optional.empty(), Optional.empty());
        assertEquals("43ff|0|0|||4096|0", CannedFacts.statLine(numeric));
    }

    @Test
    void aScanWithFilesLeftUnreadReadsBackAsTheProbesWouldInAStageToo() {
        FactRequest.FileLines scan = FactRequest.FileLines.in("/usr/irissys/mgr", "messages.log*", List.of("freeze"),
                4096).modifiedWithin(java.time.Duration.ofDays(8)).decompressing();
        List<Lines.Skipped> skipped = List.of(new Lines.Skipped("/usr/irissys/mgr/messages.log.3.gz",
                Lines.Reason.OLDER_THAN_WINDOW), new Lines.Skipped("/usr/irissys/mgr/messages.log.2.gz",
                Lines.Reason.NO_DECOMPRESSOR));
        List<Lines.Line> found = List.of(new Lines.Line("/usr/irissys/mgr/messages.log", 9, "freeze"));
        CannedFacts canned = CannedFacts.builder().asOf(AS_OF).lines(scan, List.of("/usr/irissys/mgr/messages.log"),
                found, 0, skipped);
        Lines expected = new Lines(List.of("/usr/irissys/mgr/messages.log"), found, false, skipped);
        assertEquals(expected, ((Fact.Present<Lines>) canned.build().get(scan)).value());
        assertEquals(expected, ((Fact.Present<Lines>) new ProbeTranscript("", "", canned.stage(List.of(scan))).facts()
                .get(scan)).value());
        // every file left unread: present, no file read
        Lines none = ((Fact.Present<Lines>) CannedFacts.builder().lines(scan, List.of(), List.of(), 1, skipped).build()
                .get(scan)).value();
        assertEquals(new Lines(List.of(), List.of(), false, skipped), none);
    }

    @Test
    void theHostsZoneIsInTheInfoFrame() {
        CannedFacts canned = CannedFacts.builder().asOf(AS_OF).inZone(java.time.ZoneId.of("Europe/Berlin"));
        assertEquals(Optional.of(new ProbeInfo.HostZone(java.time.ZoneId.of("Europe/Berlin"), "TZ")),
                ((ProbeFacts) canned.build()).info().localZone());
        ProbeInfo staged = new ProbeTranscript("", "", canned.stage(List.of())).facts().info();
        assertEquals(Optional.of(java.time.ZoneOffset.ofHours(2)), staged.zoneOffset());
        assertEquals("CEST", staged.zoneName());
        assertEquals(Optional.of(java.time.ZoneId.of("Europe/Berlin")), staged.zoneId());
        assertEquals(Optional.of(new ProbeInfo.HostZone(java.time.ZoneOffset.UTC, "offset +0000 only")),
                ((ProbeFacts) CannedFacts.builder().build()).info().localZone());
    }
}
