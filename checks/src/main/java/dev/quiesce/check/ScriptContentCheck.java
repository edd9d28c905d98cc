package dev.quiesce.check;

import com.google.auto.service.AutoService;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.script.Problem;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code script-content}: what the freeze and thaw scripts do, read as the shell reads them and followed
 * through their abstract runs (the session answering 5, 3 or 1; vmtoolsd passing freeze, thaw or
 * freezeFail). One check type, one {@code judge} per rule, each judge one idea in its own class. A script
 * the reading cannot follow is ERROR with the line, never a pass.
 */
@AutoService(Check.class)
public final class ScriptContentCheck extends BaseCheck<ScriptContentCheck.Parameters> {

    /** What the rule judges. */
    public enum Judge {
        CALLS(new CallsJudge(), null), EXIT_STATUS(new ExitStatusJudge(), ScriptTrials.Aspect.EXIT_STATUS),
        INSTANCES(new InstancesJudge(), ScriptTrials.Aspect.INSTANCES),
        FREEZE_FAIL(new FreezeFailJudge(), ScriptTrials.Aspect.FREEZE_FAIL), FREEZE_TIMEOUT(new FreezeTimeoutJudge(), null),
        ERREXIT(new ErrexitJudge(), null), PIPE_STATUS(new PipeStatusJudge(), null);

        private final ScriptJudge judge;
        /** What the simulated runs tell of this judge's rule, where they tell anything. */
        private final Optional<ScriptTrials.Aspect> aspect;

        Judge(ScriptJudge judge, ScriptTrials.Aspect aspect) {
            this.judge = judge;
            this.aspect = Optional.ofNullable(aspect);
        }
    }

    /** Which side's scripts the rule reads. */
    public enum Sides {
        FREEZE(List.of(ScriptSide.FREEZE)), THAW(List.of(ScriptSide.THAW)), BOTH(List.of(ScriptSide.FREEZE, ScriptSide.THAW));

        private final List<ScriptSide> sides;

        Sides(List<ScriptSide> sides) {
            this.sides = sides;
        }
    }

    public record Parameters(
            @Param(value = "What is judged: calls (the side's Backup.General call through the session), exit-status "
                    + "(5 to exit 0, anything else non-zero), instances (every running instance, none that is not), "
                    + "freeze-fail (thaw on freezeFail), freeze-timeout (ExternalFreeze's 7th argument, no 10th), "
                    + "errexit (no set -e without a trap that thaws), pipe-status (no session status through a pipe).",
                    example = "exit-status") Judge judge,
            @Param(value = "Which side's scripts are judged: freeze (pre-freeze and the directory's scripts called "
                    + "with freeze), thaw, or both (when not given).", required = false, example = "freeze") Sides sides,
            @Param(value = "The legacy freeze scripts.", path = true, required = false,
                    defaultValue = "/usr/sbin/pre-freeze-script") List<String> freezeScripts,
            @Param(value = "The legacy thaw scripts (also sent freezeFail).", path = true, required = false,
                    defaultValue = "/usr/sbin/post-thaw-script") List<String> thawScripts,
            @Param(value = "The scripts directory: each regular file in it that calls ExternalFreeze or ExternalThaw "
                    + "is judged for both sides.", path = true, required = false,
                    defaultValue = "/etc/vmware-tools/backupScripts.d") String scriptsDir,
            @Param(value = "For freeze-timeout: the longest freeze timeout allowed, in seconds.", required = false,
                    defaultValue = "1200", min = 1, max = 86_400) Integer maxFreezeTimeout) {

        ScriptSources sources() {
            return new ScriptSources(freezeScripts, thawScripts, scriptsDir, (sides == null ? Sides.BOTH : sides).sides);
        }
    }

    public ScriptContentCheck() {
        super("script-content", Parameters.class,
                "The freeze and thaw scripts do what vmtoolsd and the database need, as their runs show.");
    }

    @Override
    public Needs needs(Parameters p, HostInfo host) {
        // The simulated runs need the running instances too, and whether an audit simulates is not known here.
        return p.sources().needs(p.judge().judge.needsInstances() || p.judge().aspect.isPresent()
                ? ScriptInstances.requests() : List.<FactRequest<?>>of());
    }

    @Override
    public Verdict evaluate(Parameters p, HostView view) {
        Tally tally = new Tally();
        ScriptJudge judge = p.judge().judge;
        List<ScriptTarget> targets = p.sources().read(view, tally);
        boolean simulates = p.judge().aspect.isPresent() && view.trials().isPresent();
        Optional<List<String>> running = (judge.needsInstances() || simulates) && !targets.isEmpty()
                ? ScriptInstances.running(view, tally) : Optional.empty();
        if (simulates && running.isPresent() && ScriptTrialEvidence.judge(view.trials().get(), p.judge().aspect.get(),
                view, targets, running.get(), tally)) {
            targets = targets.stream().filter(ScriptTarget::fromDirectory).toList();
        }
        for (ScriptTarget target : followable(targets, tally)) {
            judge.judge(target, p, running, tally);
        }
        return tally.verdict(judge.expected(p), "every script does it");
    }

    /** The scripts the reading can follow; the others are ERROR with their first problem and the simulate hint. */
    static List<ScriptTarget> followable(List<ScriptTarget> targets, Tally tally) {
        List<ScriptTarget> out = new ArrayList<>();
        List<String> reported = new ArrayList<>();
        for (ScriptTarget target : targets) {
            if (target.script().readable()) {
                out.add(target);
                continue;
            }
            if (!reported.contains(target.path())) {
                reported.add(target.path());
                Problem first = target.script().problems().get(0);
                tally.observe(target.shown() + ": could not be read at line " + first.line());
                tally.unknown("could not follow " + target.shown() + " at line " + first.line() + ": "
                        + dev.quiesce.facts.ShownText.escaped(first.why()) + (target.script().problems().size() > 1
                        ? " (and " + (target.script().problems().size() - 1) + " more)" : "") + "; " + target.simulateHint());
            }
        }
        return out;
    }
}
