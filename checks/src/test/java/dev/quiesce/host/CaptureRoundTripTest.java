package dev.quiesce.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.engine.Auditor;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.model.Evidence;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.Status;
import dev.quiesce.model.Tool;
import dev.quiesce.testing.GuestTree;
import dev.quiesce.testing.TreeAudit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capture audited later gives exactly the findings of auditing the host directly. */
class CaptureRoundTripTest {
    @TempDir
    Path dir;

    private final CheckRegistry registry = CheckRegistry.standard();
    // A tree under --root: the file-rule pack, one stage (the other packs read a second stage, whose evidence
    // carries that stage's own clock, and commands, which a tree does not run).
    private final Auditor auditor = new Auditor(registry, TreeAudit.packs(registry, "freeze-thaw-scripts"),
            new Tool("quiesce", "test"), Clock.systemUTC(), 1);

    @Test
    void aCaptureAuditsLikeTheLiveHost() throws Exception {
        GuestTree tree = GuestTree.passing(dir.resolve("tree")).mode(GuestTree.FREEZE, "0755");
        LocalHost live = TreeAudit.localHost(tree.root());
        Path file = dir.resolve("guest.capture.json");
        ProbeTranscript transcript = auditor.collect(live);
        CaptureFile.write(new Capture("guest", Set.of("guest"), new Tool("quiesce", "test"), transcript), file);

        HostResult direct = auditor.audit(live);
        // Audited from an inventory that names the capture and the tree's variables, as the live host had them.
        HostResult captured = auditor.audit(new CapturedHost(live.info(), file));
        assertEquals(strip(direct.findings()), strip(captured.findings()));
        // Each run's evidence carries the host clock of its own collection, which the capture keeps:
        // the two collections may fall in different seconds.
        for (HostResult run : List.of(direct, captured)) {
            run.findings().forEach(f -> f.evidence().forEach(e -> assertEquals(run.asOf(), e.collected(), f.rule())));
        }
        assertEquals("capture", captured.transport());
        assertEquals(Status.FAIL, captured.findings().stream().filter(f -> f.rule().equals("QZ-FT-004")).findFirst()
                .orElseThrow().status());
    }

    @Test
    void aChangedCaptureIsRefusedForThatHostOnly() throws Exception {
        GuestTree tree = GuestTree.passing(dir.resolve("tree"));
        LocalHost live = TreeAudit.localHost(tree.root());
        Path file = dir.resolve("guest.capture.json");
        CaptureFile.write(new Capture("guest", Set.of("guest"), new Tool("quiesce", "test"),
                auditor.collect(live)), file);
        String json = Files.readString(file);
        // Turn one base64 character into another: the capture no longer matches its SHA-256.
        int at = json.indexOf("\"base64\" : \"") + 20;
        Files.writeString(file, json.substring(0, at) + (json.charAt(at) == 'A' ? 'B' : 'A') + json.substring(at + 1));

        HostResult result = auditor.audit(new CapturedHost(new HostInfo("guest", Set.of("guest"), Map.of()), file));
        assertEquals(HostStatus.ERROR, result.status());
        assertTrue(result.error().contains("does not match its sha256"), result.error());
    }

    @Test
    void theHashCoversTheHostAndItsRolesNotOnlyTheAnswer() throws Exception {
        GuestTree tree = GuestTree.passing(dir.resolve("tree")).mode(GuestTree.FREEZE, "0755");
        LocalHost live = TreeAudit.localHost(tree.root());
        Path file = dir.resolve("guest.capture.json");
        CaptureFile.write(new Capture("guest", Set.of("guest"), new Tool("quiesce", "test"), auditor.collect(live)),
                file);
        // With no roles the failing host would skip every rule; the edit must be caught, not believed.
        Files.writeString(file, Files.readString(file).replace("\"roles\" : [ \"guest\" ]", "\"roles\" : [ ]"));
        dev.quiesce.model.QuiesceException refused = org.junit.jupiter.api.Assertions.assertThrows(
                dev.quiesce.model.QuiesceException.class, () -> CapturedHost.open(file));
        assertTrue(refused.getMessage().contains("does not match its sha256"), refused.getMessage());
    }

    @Test
    void aFactTheCaptureLacksIsAnErrorNotAPass() throws Exception {
        GuestTree tree = GuestTree.passing(dir.resolve("tree"));
        LocalHost live = TreeAudit.localHost(tree.root());
        Path file = dir.resolve("partial.capture.json");
        // Collected for nothing but the freeze script's status.
        CaptureFile.write(new Capture("guest", Set.of("guest"), new Tool("quiesce", "test"),
                live.probe(List.of(new dev.quiesce.facts.FactRequest.FileStat(GuestTree.FREEZE)))), file);
        HostResult result = auditor.audit(CapturedHost.open(file));
        Finding thaw = result.findings().stream().filter(f -> f.rule().equals("QZ-FT-002")).findFirst().orElseThrow();
        assertEquals(Status.ERROR, thaw.status());
        assertTrue(thaw.message().contains("not collected"), thaw.message());
        assertEquals(Status.PASS, result.findings().get(0).status());
    }

    private static List<String> strip(List<Finding> findings) {
        // Evidence sources are the same; only the transport and the time of collection differ.
        return findings.stream().map(f -> f.rule() + " " + f.status() + " " + f.observed() + " " + f.message() + " "
                + f.evidence().stream().map(e -> new Evidence(e.fact(), e.source(), e.excerpt(), null)).toList())
                .toList();
    }

    /** Fails before the limits' errors were handled: a too-deep capture was a NullPointerException. */
    @Test
    void aCaptureNestedTooDeepOrWithAHugeNumberIsAClearErrorForThatFile() throws Exception {
        Path deep = dir.resolve("deep.capture.json");
        Files.writeString(deep, "{\"a\":".repeat(2000) + "1" + "}".repeat(2000));
        Path number = dir.resolve("number.capture.json");
        Files.writeString(number, "{\"format\": " + "9".repeat(5000) + "}");
        for (Path file : List.of(deep, number)) {
            QuiesceException e = assertThrows(QuiesceException.class, () -> CaptureFile.read(file));
            assertTrue(e.getMessage().startsWith(file + ": not valid JSON: ") || e.getMessage().startsWith(file + ":1:"),
                    e.getMessage());
        }
    }
}
