package dev.quiesce.check;

import dev.quiesce.facts.Content;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.HostText;
import dev.quiesce.facts.ShownText;
import dev.quiesce.model.Details;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * QZ-SC-004, -005 and -006 judged by running the legacy pair ({@code audit --simulate-scripts}) instead of
 * reading it: each scenario the rule's aspect covers passes or fails as the script behaved, and the runs
 * are the finding's table. The scripts of {@code backupScripts.d} are not run (vmtoolsd gives them an
 * order and arguments of their own): the reading still judges them.
 */
final class ScriptTrialEvidence {
    private ScriptTrialEvidence() {}

    /**
     * Judges the legacy scripts among {@code targets} by their trials; true when it did, false (with the
     * reason observed) when the trials could not run and the reading must judge them instead.
     */
    static boolean judge(ScriptTrials trials, ScriptTrials.Aspect aspect, HostView view, List<ScriptTarget> targets,
                         List<String> running, Tally tally) {
        Optional<byte[]> freeze = legacy(targets, ScriptSide.FREEZE, view);
        Optional<byte[]> thaw = legacy(targets, ScriptSide.THAW, view);
        if (freeze.isEmpty() && thaw.isEmpty()) {
            return false;
        }
        ScriptTrials.Outcome outcome = trials.run(freeze, thaw, running);
        if (outcome instanceof ScriptTrials.Outcome.NotRun notRun) {
            tally.observe("not simulated (" + ShownText.escaped(notRun.why()) + "): judged by reading");
            return false;
        }
        List<ScriptTrials.Trial> relevant = ((ScriptTrials.Outcome.Ran) outcome).trials().stream()
                .filter(t -> t.aspects().contains(aspect))
                .filter(t -> t.side() == ScriptSide.FREEZE ? freeze.isPresent() : thaw.isPresent()).toList();
        if (relevant.isEmpty()) {
            tally.observe("no simulated scenario tells this rule anything: judged by reading");
            return false;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ScriptTrials.Trial trial : relevant) {
            String scenario = ShownText.escaped(trial.scenario());
            rows.add(List.of(scenario, trial.exit(), trial.passed() ? "PASS" : "FAIL", ShownText.escaped(trial.calls()),
                    ShownText.escaped(trial.why())));
            tally.observe("simulated " + scenario + ": exit " + trial.exit() + ", " + (trial.passed() ? "PASS" : "FAIL"));
            if (!trial.passed()) {
                tally.fail("simulated " + scenario + ": " + ShownText.escaped(trial.why()));
            }
        }
        tally.details(new Details(List.of(new Details.Table("Simulated runs (in a sandbox on the auditing machine, "
                + "stand-ins for the database's commands; running instances: " + String.join(", ", running) + ")",
                List.of("Scenario", "Exit", "Verdict", "Calls", "Why"), rows)), List.of()));
        return true;
    }

    /**
     * The first legacy script of a side among the targets (they hold only the scripts the rule reads), as the
     * host holds it, when it was read whole.
     */
    private static Optional<byte[]> legacy(List<ScriptTarget> targets, ScriptSide side, HostView view) {
        for (ScriptTarget target : targets) {
            if (!target.fromDirectory() && target.side() == side
                    && view.get(ScriptSources.content(target.path())) instanceof Fact.Present<Content> c
                    && !c.value().truncated()) {
                return Optional.of(HostText.bytes(c.value().text()));
            }
        }
        return Optional.empty();
    }
}
