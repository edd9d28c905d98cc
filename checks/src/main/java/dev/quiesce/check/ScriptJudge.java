package dev.quiesce.check;

import java.util.List;
import java.util.Optional;

/**
 * One idea of what a freeze or thaw script must do, judged on one script for one side, from the script's
 * reading and its abstract runs ({@link dev.quiesce.facts.script.ScriptRun}). The {@code script-content}
 * check type reads the scripts and hands each to the judge its rule names.
 */
interface ScriptJudge {
    /** What the rule expects, for the finding's {@code expected}. */
    String expected(ScriptContentCheck.Parameters p);

    /** Whether the judge needs the running instances (then {@code running} is given, or the rule is ERROR). */
    default boolean needsInstances() {
        return false;
    }

    /** Judges one script for one side; {@code running} holds the running instances when asked for. */
    void judge(ScriptTarget target, ScriptContentCheck.Parameters p, Optional<List<String>> running, Tally tally);
}
