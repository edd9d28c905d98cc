package dev.quiesce.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.Status;
import dev.quiesce.testing.CheckFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture under {@code src/test/resources/checks/<type>/<case>/} gives the verdict its
 * expected.yaml names, through the real loader and engine; and every registered check type has cases
 * for PASS, FAIL and each way a fact can stay unknown.
 */
class CheckFixturesTest {
    /** An ERROR case's directory name, and the words its message must hold to show the cause reached it. */
    private static final Map<String, List<String>> ERROR_PATHS = Map.of(
            "error-denied", List.of("permission denied"),
            "error-not-collected", List.of("not collected"),
            "error-unexpected", List.of("could not read", "unexpected answer"),
            "error-command-failed", List.of(" exited "));

    static Stream<CheckFixture> cases() {
        return CheckFixture.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseGivesTheVerdictItExpects(CheckFixture fixture) {
        JsonNode expected = fixture.expected();
        CheckFixture.Outcome outcome = fixture.run();
        Finding finding = outcome.finding();
        String where = fixture.type() + "/" + fixture.name() + ": " + finding;
        assertEquals(Status.valueOf(expected.get("status").asText()), finding.status(), where);
        for (JsonNode text : expected.path("observed")) {
            assertTrue(finding.observed().contains(text.asText()), "observed lacks '" + text.asText() + "'; " + where);
        }
        for (JsonNode text : expected.path("observed_not")) {
            assertFalse(finding.observed().contains(text.asText()), "observed holds '" + text.asText() + "'; " + where);
        }
        for (JsonNode text : expected.path("expected")) {
            assertTrue(finding.expected().contains(text.asText()), "expected lacks '" + text.asText() + "'; " + where);
        }
        for (JsonNode text : expected.path("message")) {
            assertTrue(finding.message().contains(text.asText()), "message lacks '" + text.asText() + "'; " + where);
        }
        for (JsonNode text : expected.path("message_not")) {
            assertFalse(finding.message().contains(text.asText()), "message holds '" + text.asText() + "'; " + where);
        }
        // canned answers are whole: a host left ERROR means the fixture's answers were not framed as a probe's
        assertEquals(HostStatus.AUDITED, outcome.hostStatus(), where);
        assertTrue(outcome.unasked().isEmpty(), fixture.type() + "/" + fixture.name() + ": answers.yaml answers what "
                + "the check never asked: " + outcome.unasked());
        assertFalse(finding.evidence().isEmpty() && finding.status() != Status.SKIPPED
                && !finding.message().contains("not collected"), "a verdict with no evidence: " + where);
    }

    @Test
    void everyCheckTypeHasCasesForPassFailAndEachErrorPath() {
        List<CheckFixture> all = CheckFixture.all();
        List<String> missing = new ArrayList<>();
        for (Check<?> check : CheckRegistry.standard().checks()) {
            List<CheckFixture> cases = all.stream().filter(c -> c.type().equals(check.type())).toList();
            if (cases.isEmpty()) {
                missing.add(check.type() + ": no fixtures in " + CheckFixture.ROOT.resolve(check.type()));
                continue;
            }
            for (Status status : List.of(Status.PASS, Status.FAIL)) {
                if (cases.stream().noneMatch(c -> c.expected().get("status").asText().equals(status.name()))) {
                    missing.add(check.type() + ": no case expects " + status);
                }
            }
            for (Map.Entry<String, List<String>> path : ERROR_PATHS.entrySet()) {
                if (path.getKey().equals("error-command-failed") && !reads(check.type(), cases, true)) {
                    continue;
                }
                // The probe decides "denied" with file tests; a command that may not run says so in its exit status.
                if (path.getKey().equals("error-denied") && !reads(check.type(), cases, false)) {
                    continue;
                }
                List<CheckFixture> named = cases.stream().filter(c -> c.name().startsWith(path.getKey())).toList();
                if (named.isEmpty()) {
                    missing.add(check.type() + ": no " + path.getKey() + " case");
                }
                for (CheckFixture c : named) {
                    JsonNode expected = c.expected();
                    boolean phrased = false;
                    for (JsonNode text : expected.path("message")) {
                        phrased |= path.getValue().stream().anyMatch(text.asText()::contains);
                    }
                    if (!expected.get("status").asText().equals("ERROR") || !phrased) {
                        missing.add(check.type() + "/" + c.name() + ": must expect ERROR and a message with one of "
                                + path.getValue());
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    /** Whether the type's rule, in any of its cases, asks a host for a command's output (or for anything else). */
    private static boolean reads(String type, List<CheckFixture> cases, boolean commands) {
        return cases.stream().anyMatch(c -> c.run().asked().stream()
                .anyMatch(r -> r instanceof FactRequest.CommandOutput == commands));
    }
}
