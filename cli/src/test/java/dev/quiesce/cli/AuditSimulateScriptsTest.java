package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiesce.testing.Bwrap;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --simulate-scripts} with the real bwrap, on the demo's captures: QZ-SC-004/005/006 are judged
 * by what each host's pair did in the sandbox (the host's running IRIS as the stand-ins' instance), and the
 * runs are the findings' table; db-good's pair passes them, db-bad's fails them.
 */
class AuditSimulateScriptsTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    @Test
    void theDemoGuestsScriptsAreJudgedByTheirRuns() throws Exception {
        Bwrap.required();
        JsonNode good = audit("db-good", 0);
        JsonNode bad = audit("db-bad", 1);
        for (String rule : new String[] {"QZ-SC-004", "QZ-SC-005", "QZ-SC-006"}) {
            JsonNode passing = finding(good, rule);
            assertEquals("PASS", passing.path("status").asText(), passing.toString());
            assertTrue(passing.path("observed").asText().contains("simulated "), passing.toString());
            JsonNode failing = finding(bad, rule);
            assertEquals("FAIL", failing.path("status").asText(), failing.toString());
            assertTrue(failing.path("message").asText().startsWith("simulated "), failing.toString());
        }
        assertTrue(finding(bad, "QZ-SC-006").path("message").asText().contains("freezeFail"),
                finding(bad, "QZ-SC-006").toString());
    }

    private JsonNode audit(String host, int exit) throws Exception {
        Path out = dir.resolve(host);
        Cli cli = Cli.run("audit", "--capture", EXAMPLES.resolve(host + ".capture.json").toString(), "--simulate-scripts",
                "--format", "json", "--out", out.toString());
        assertEquals(exit, cli.exit(), cli.toString());
        return new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("hosts").get(0);
    }

    private static JsonNode finding(JsonNode host, String rule) {
        for (JsonNode f : host.path("findings")) {
            if (f.path("rule").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no finding for " + rule);
    }
}
