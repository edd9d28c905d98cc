package dev.quiesce.cli;

import static dev.quiesce.testing.GuestTree.FREEZE;
import static dev.quiesce.testing.GuestTree.THAW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiesce.testing.GuestTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiesce audit} end to end on real file trees: reports, summaries and exit codes. */
class AuditCommandTest {
    /**
     * The packs a tree decides alone: under --root no command runs, so the vmware-tools rules that need one
     * (a running vmtoolsd, its unit, its version) are ERROR and a correct tree exits 1 with the built-ins.
     */
    static final String TREE_RULES = "../rules/freeze-thaw-scripts.yaml";

    @TempDir
    Path dir;

    @Test
    void aScriptWithMode0755AndAMissingThawScriptFailWithTheirObservations() throws IOException {
        GuestTree tree = GuestTree.passing(dir.resolve("guest")).mode(FREEZE, "0755").delete(THAW);
        Path out = dir.resolve("out");
        Cli cli = Cli.run("audit", "--local", "--root", tree.root().toString(), "--name", "vm1", "--format", "json",
                "--out", out.toString());

        assertEquals(1, cli.exit(), cli.toString());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode mode = finding(report, "QZ-FT-004");
        assertEquals("FAIL", mode.get("status").asText());
        assertTrue(mode.get("observed").asText().contains("0755"), mode.toString());
        JsonNode thaw = finding(report, "QZ-FT-002");
        assertEquals("FAIL", thaw.get("status").asText());
        assertEquals(THAW + ": missing", thaw.get("observed").asText());
        assertTrue(cli.out().contains("vm1") && cli.out().contains("QZ-FT-004"), cli.out());
        ReportSchema.assertValid(out.resolve("report.json"));
    }

    @Test
    void aCorrectGuestExitsZero() {
        GuestTree tree = GuestTree.passing(dir.resolve("guest"));
        Cli cli = Cli.run("audit", "--local", "--root", tree.root().toString(), "--out", dir.resolve("o").toString(),
                "--no-builtin-rules", "--rules", TREE_RULES);
        assertEquals(0, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("PASS: nothing failed at or above high"), cli.out());
    }

    @Test
    void failOnDecidesWhichSeveritiesFailTheRun() {
        // Only high-severity rules fail here (mode); critical ones pass.
        GuestTree tree = GuestTree.passing(dir.resolve("guest")).mode(FREEZE, "0755");
        String root = tree.root().toString();
        assertEquals(1, Cli.run("audit", "--local", "--root", root, "--out", dir.resolve("a").toString(),
                "--no-builtin-rules", "--rules", TREE_RULES).exit());
        assertEquals(0, Cli.run("audit", "--local", "--root", root, "--out", dir.resolve("b").toString(),
                "--fail-on", "critical", "--no-builtin-rules", "--rules", TREE_RULES).exit());
        assertEquals(0, Cli.run("audit", "--local", "--root", root, "--out", dir.resolve("c").toString(),
                "--fail-on", "none").exit());
        Cli bad = Cli.run("audit", "--local", "--root", root, "--out", dir.resolve("d").toString(), "--fail-on", "severe");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--fail-on 'severe' is not a severity"), bad.err());
    }

    @Test
    void everyFormatIsWrittenAndAnUnknownOneIsRefused() {
        GuestTree tree = GuestTree.passing(dir.resolve("guest"));
        Path out = dir.resolve("out");
        Cli cli = Cli.run("audit", "--local", "--root", tree.root().toString(), "--out", out.toString(),
                "--format", "json,html,pdf,md,junit", "--no-builtin-rules", "--rules", TREE_RULES);
        assertEquals(0, cli.exit(), cli.toString());
        for (String file : new String[] {"report.json", "report.html", "report.pdf", "summary.md", "junit.xml"}) {
            assertTrue(Files.exists(out.resolve(file)), file);
        }
        Cli unknown = Cli.run("audit", "--local", "--root", tree.root().toString(), "--format", "xml");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("use any of: json, html, pdf, md, junit"), unknown.err());
        Cli paper = Cli.run("audit", "--local", "--root", tree.root().toString(), "--paper", "a3");
        assertEquals(2, paper.exit(), paper.toString());
        assertTrue(paper.err().contains("use a4 or letter"), paper.err());
    }

    @Test
    void collectThenAuditTheCaptureElsewhere() throws IOException {
        GuestTree tree = GuestTree.passing(dir.resolve("guest")).owner(THAW, 1000, 1000);
        Path capture = dir.resolve("vm1.capture.json");
        Cli collect = Cli.run("collect", "--local", "--root", tree.root().toString(), "--name", "vm1", "-o",
                capture.toString(), "--no-builtin-rules", "--rules", TREE_RULES);
        assertEquals(0, collect.exit(), collect.toString());
        assertTrue(collect.out().contains("collected") && collect.out().contains("sha256"), collect.out());
        JsonNode saved = new ObjectMapper().readTree(capture.toFile());
        assertEquals("vm1", saved.get("host").asText());
        assertTrue(saved.get("sha256").asText().matches("[0-9a-f]{64}"));
        assertEquals(1, saved.get("stages").size(), "the file rules need one stage");
        assertFalse(saved.get("tool").get("version").asText().isEmpty());

        Path out = dir.resolve("out");
        Cli audit = Cli.run("audit", "--capture", capture.toString(), "--out", out.toString(), "--no-builtin-rules",
                "--rules", TREE_RULES);
        assertEquals(1, audit.exit(), audit.toString());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("capture", report.get("hosts").get(0).get("transport").asText());
        assertEquals("FAIL", finding(report, "QZ-FT-003").get("status").asText());
    }

    @Test
    void aDamagedCaptureInAnInventoryIsAHostErrorAndExitsThree() throws IOException {
        GuestTree tree = GuestTree.passing(dir.resolve("guest"));
        Path good = dir.resolve("good.capture.json");
        assertEquals(0, Cli.run("collect", "--local", "--root", tree.root().toString(), "--name", "good", "-o",
                good.toString()).exit());
        Path bad = dir.resolve("bad.capture.json");
        Files.writeString(bad, Files.readString(good).replace("\"answer\"", "\"answer_\""));
        Path inventory = dir.resolve("inventory.yaml");
        Files.writeString(inventory, """
                apiVersion: quiesce/v1
                kind: Inventory
                hosts:
                  - {name: good, roles: [guest], capture: good.capture.json}
                  - {name: bad, roles: [guest], capture: bad.capture.json}
                """);
        Path out = dir.resolve("out");
        Cli cli = Cli.run("audit", "--inventory", inventory.toString(), "--out", out.toString());
        assertEquals(3, cli.exit(), cli.toString());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("ERROR", report.get("hosts").get(0).get("status").asText());
        assertTrue(report.get("hosts").get(0).get("error").asText().contains("bad.capture.json"));
        assertEquals("AUDITED", report.get("hosts").get(1).get("status").asText());
        assertTrue(cli.out().contains("bad not audited"), cli.out());
    }

    @Test
    void nothingToAuditIsAUsageError() {
        Cli cli = Cli.run("audit", "--out", dir.toString());
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("nothing to audit"), cli.err());
        assertFalse(cli.err().contains("Exception"), cli.err());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli cli = Cli.run("audit", "--bogus");
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("Unknown option: '--bogus'"), cli.err());
    }

    @Test
    void hostTextCannotDriveTheTerminal() throws IOException {
        GuestTree tree = GuestTree.passing(dir.resolve("guest")).mode(FREEZE, "0755");
        Cli cli = Cli.run("audit", "--local", "--root", tree.root().toString(), "--name", "vm\u001b[2J\u001b]0;pwned\u0007",
                "--out", dir.resolve("o").toString());
        assertFalse(cli.out().contains("\u001b"), cli.out());
        assertTrue(cli.out().contains("vm\\x1b[2J"), cli.out());
    }

    @Test
    void rulesListShowsTheBuiltInPack() {
        Cli cli = Cli.run("rules", "list");
        assertEquals(0, cli.exit(), cli.toString());
        for (int i = 1; i <= 7; i++) {
            assertTrue(cli.out().contains("QZ-FT-00" + i), cli.out());
        }
        assertTrue(cli.out().contains("freeze-thaw-scripts 1.0.0"), cli.out());
    }

    static JsonNode finding(JsonNode report, String rule) {
        for (JsonNode f : report.get("hosts").get(0).get("findings")) {
            if (f.get("rule").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " in " + report);
    }
}
