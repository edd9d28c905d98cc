package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the demo audits the bundled example hosts with no setup. */
class DemoCommandTest {
    @TempDir
    Path out;

    @Test
    void theDemoAuditsBothExampleHostsAndFails() throws Exception {
        Cli cli = Cli.run("demo", "--out", out.toString());
        assertEquals(1, cli.exit(), cli.toString());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        List<String> names = new ArrayList<>();
        report.get("hosts").forEach(h -> names.add(h.get("name").asText()));
        assertEquals(List.of("db-bad", "db-good"), names);
        assertTrue(report.get("summary").get("PASS").asInt() > 0);
        assertTrue(report.get("summary").get("FAIL").asInt() > 0);
        // The captures ran the probe on live sandboxed guests (make-captures.sh), commands included: nothing is ERROR.
        List<String> undecided = new ArrayList<>();
        report.get("hosts").forEach(h -> h.get("findings").forEach(f -> {
            if (f.get("status").asText().equals("ERROR")) {
                undecided.add(h.get("name").asText() + " " + f.get("rule").asText() + ": " + f.get("message").asText());
            }
        }));
        assertEquals(List.of(), undecided);
        JsonNode good = report.get("hosts").get(1);
        good.get("findings").forEach(f -> assertTrue(List.of("PASS", "ERROR").contains(f.get("status").asText()),
                f.toString()));
        List<String> failing = new ArrayList<>();
        report.get("hosts").get(0).get("findings").forEach(f -> {
            if (f.get("status").asText().equals("FAIL")) {
                failing.add(f.get("rule").asText());
            }
        });
        assertEquals(List.of("QZ-FT-003", "QZ-FT-004", "QZ-FT-005", "QZ-FT-007", "QZ-JM-001", "QZ-JM-002", "QZ-JM-003",
                "QZ-JM-005", "QZ-SC-004", "QZ-SC-005", "QZ-SC-006",
                "QZ-SC-007", "QZ-SC-008", "QZ-SC-009", "QZ-VT-003", "QZ-VT-004", "QZ-VT-005", "QZ-VT-006", "QZ-VT-007"), failing);
        ReportSchema.assertValid(out.resolve("report.json"));
    }
}
