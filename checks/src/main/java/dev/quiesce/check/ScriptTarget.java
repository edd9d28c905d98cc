package dev.quiesce.check;

import dev.quiesce.facts.ShellQuote;
import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.script.ScriptRun;
import dev.quiesce.facts.script.ShellScript;
import java.util.List;

/**
 * One script judged for one side: the legacy {@code pre-freeze-script} for the freeze, {@code post-thaw-script}
 * for the thaw, or a {@code backupScripts.d} script (which vmtoolsd calls for both) for either.
 */
record ScriptTarget(String path, ScriptSide side, ShellScript script, boolean fromDirectory) {
    /** Stand-in running instances where the rule does not depend on their names. */
    static final List<String> STAND_IN = List.of("IRIS");

    String shown() {
        return ShownText.escaped(path) + (fromDirectory ? " (" + side.argument() + ")" : "");
    }

    ScriptRun.Result run(String argument, int freezeStatus, int thawStatus, List<String> instances) {
        return ScriptRun.run(script, ScriptRun.Scenario.of(argument, freezeStatus, thawStatus, instances));
    }

    /** The script as vmtoolsd calls it on this side, the session answering {@code status} for this side's call. */
    ScriptRun.Result run(int status, List<String> instances) {
        return side == ScriptSide.FREEZE ? run("freeze", status, 5, instances) : run("thaw", 5, status, instances);
    }

    /** How to see for oneself what the static reading could not follow. */
    String simulateHint() {
        return "run `quiesce simulate " + side.simulateOption() + " " + ShellQuote.word(path)
                + "` (on a copy) to see what it does";
    }

    /** ERROR reasons for the paths of {@code result} the run could not follow; true when there were any. */
    boolean undecided(ScriptRun.Result result, Tally tally) {
        return result.undecided().map(p -> {
            tally.unknown("could not follow " + shown() + " at line " + p.undecidedLine() + " ("
                    + result.scenario().describe() + "): " + ShownText.escaped(p.undecided()) + "; " + simulateHint());
            return true;
        }).orElse(false);
    }
}
