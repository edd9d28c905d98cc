package dev.quiesce.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.engine.Auditor;
import dev.quiesce.engine.RulePacks;
import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.CannedFacts;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.host.CannedHost;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.Status;
import dev.quiesce.model.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * With {@code --simulate-scripts}, QZ-SC-004/005/006 take their verdicts from the runs of the legacy pair
 * (the sandbox is a seam here: {@code SandboxTrials} in the command line runs the real one), each rule
 * from the scenarios of its own aspect; when the runs cannot be made the reading judges, and says so.
 */
class ScriptTrialEvidenceTest {
    private static final Path ARTICLE = Path.of("src", "test", "resources", "scripts", "article");
    private static final String QLIST = "CACHE^/usr/cachesys^2018.1.4.505.0^running, since Tue Dec  1 02:00:00 2026"
            + "^cache.cpf^1972^57772^62972^ok\n";

    /** Trials as the seam returns them, and what it was asked. */
    private static final class Recorded implements ScriptTrials {
        final List<List<String>> asked = new ArrayList<>();
        final Outcome outcome;

        Recorded(Outcome outcome) {
            this.outcome = outcome;
        }

        @Override
        public Outcome run(Optional<byte[]> freezeScript, Optional<byte[]> thawScript, List<String> running) {
            asked.add(List.of(freezeScript.map(String::new).orElse("-"), thawScript.map(String::new).orElse("-"),
                    String.join(",", running)));
            return outcome;
        }
    }

    @Test
    void aFailedScenarioFailsTheRuleOfItsAspectOnly() throws IOException {
        Recorded trials = new Recorded(new ScriptTrials.Outcome.Ran(List.of(
                new ScriptTrials.Trial("pre-freeze-script freeze: freeze answers 5, 1 running", ScriptSide.FREEZE,
                        Set.of(ScriptTrials.Aspect.EXIT_STATUS, ScriptTrials.Aspect.INSTANCES), "csession CACHE ...",
                        "5", false, "exited 5: vmtoolsd takes it as a failed freeze"),
                new ScriptTrials.Trial("post-thaw-script freezeFail: called with freezeFail, 1 running", ScriptSide.THAW,
                        Set.of(ScriptTrials.Aspect.FREEZE_FAIL, ScriptTrials.Aspect.INSTANCES), "csession CACHE ...",
                        "0", true, "thawed every running instance"))));
        HostResult host = audit(trials);
        Finding exit = finding(host, "QZ-SC-004");
        assertEquals(Status.FAIL, exit.status(), exit.toString());
        assertTrue(exit.message().contains("simulated pre-freeze-script freeze: freeze answers 5"), exit.message());
        assertEquals("Scenario", exit.details().tables().get(0).columns().get(0));
        Finding freezeFail = finding(host, "QZ-SC-006");
        assertEquals(Status.PASS, freezeFail.status(), freezeFail.toString());
        assertTrue(freezeFail.observed().contains("simulated post-thaw-script freezeFail"), freezeFail.observed());
        assertFalse(freezeFail.observed().contains("freeze answers 5"), freezeFail.observed());
        // The article's scripts as the host holds them (a thaw-only rule gives no freeze script), with the host's
        // running instance.
        assertTrue(trials.asked.stream().allMatch(a -> (a.get(0).equals("-") || a.get(0).contains("ExternalFreeze"))
                && (a.get(1).equals("-") || a.get(1).contains("ExternalThaw")) && a.get(2).equals("CACHE")),
                trials.asked.toString());
        assertTrue(trials.asked.stream().anyMatch(a -> !a.get(0).equals("-") && !a.get(1).equals("-")),
                trials.asked.toString());
    }

    @Test
    void withoutRunsTheReadingJudgesAndSaysWhy() throws IOException {
        HostResult host = audit(new Recorded(new ScriptTrials.Outcome.NotRun("bwrap was refused by the kernel")));
        Finding exit = finding(host, "QZ-SC-004");
        assertEquals(Status.PASS, exit.status(), exit.toString());
        assertTrue(exit.observed().contains("not simulated (bwrap was refused by the kernel): judged by reading"),
                exit.observed());
    }

    @Test
    void runsThatTellARuleNothingLeaveItToTheReading() throws IOException {
        HostResult host = audit(new Recorded(new ScriptTrials.Outcome.Ran(List.of(
                new ScriptTrials.Trial("post-thaw-script freezeFail: called with freezeFail, 1 running", ScriptSide.THAW,
                        Set.of(ScriptTrials.Aspect.FREEZE_FAIL), "csession CACHE ...", "0", false, "did not thaw")))));
        Finding exit = finding(host, "QZ-SC-004");
        assertEquals(Status.PASS, exit.status(), exit.toString());
        assertTrue(exit.observed().contains("no simulated scenario tells this rule anything: judged by reading"),
                exit.observed());
        assertTrue(exit.details().tables().isEmpty(), exit.toString());
        assertEquals(Status.FAIL, finding(host, "QZ-SC-006").status());
    }

    private static HostResult audit(ScriptTrials trials) throws IOException {
        CannedFacts answers = CannedFacts.builder()
                .content(ScriptSources.content("/usr/sbin/pre-freeze-script"),
                        Files.readString(ARTICLE.resolve("pre-freeze-script")))
                .content(ScriptSources.content("/usr/sbin/post-thaw-script"),
                        Files.readString(ARTICLE.resolve("post-thaw-script")))
                .command(new FactRequest.CommandOutput(AllowedCommand.CCONTROL_QLIST), 0, QLIST, "");
        for (FactRequest.CommandOutput other : List.of(new FactRequest.CommandOutput(AllowedCommand.IRIS_QLIST),
                new FactRequest.CommandOutput(AllowedCommand.IRIS_QALL),
                new FactRequest.CommandOutput(AllowedCommand.CCONTROL_QALL))) {
            answers.missing(other);
        }
        answers.missing(new FactRequest.DirectoryListing("/etc/vmware-tools/backupScripts.d"));
        CheckRegistry registry = CheckRegistry.standard();
        Auditor auditor = new Auditor(registry, RulePacks.load(registry, true, List.of()), new Tool("quiesce", "test"),
                Clock.systemUTC(), 1).withScriptTrials(trials);
        return auditor.audit(new CannedHost(new HostInfo("db1", Set.of("guest"), Map.of()), answers));
    }

    private static Finding finding(HostResult host, String rule) {
        return host.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }
}
