package dev.quiesce.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a host's legacy freeze/thaw pair through vmtoolsd's scenarios on the auditing machine, never on
 * the host, in a sandbox with stand-ins for the database's commands ({@code audit --simulate-scripts}).
 * A seam: checks stay free of sandboxes and processes; the command line passes the implementation, and
 * the script-content rules take its verdicts as their evidence where it is given.
 */
public interface ScriptTrials {
    /**
     * The trials of the scripts given (either may be absent) with {@code running} as the running instances;
     * never throws for anything a script does.
     */
    Outcome run(Optional<byte[]> freezeScript, Optional<byte[]> thawScript, List<String> running);

    /** What a trial tells: the rules it is evidence for. */
    enum Aspect {
        /** How the script turns the session's status into its exit status (QZ-SC-004). */
        EXIT_STATUS,
        /** Whether it froze and thawed every running instance and no other (QZ-SC-005). */
        INSTANCES,
        /** Whether post-thaw thaws when called with freezeFail (QZ-SC-006). */
        FREEZE_FAIL
    }

    /**
     * One scenario as a script ran it: which script ({@code side}: pre-freeze for the freeze, post-thaw for the
     * thaw and freezeFail), what it called, how it ended, and whether that is right. Calls are script text.
     */
    record Trial(String scenario, ScriptSide side, Set<Aspect> aspects, String calls, String exit, boolean passed,
                 String why) {
        public Trial {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(side, "side");
            aspects = Set.copyOf(aspects);
        }
    }

    /** The trials, or why none could run (no sandbox on this machine, a script that cannot be staged). */
    sealed interface Outcome {
        record Ran(List<Trial> trials) implements Outcome {
            public Ran {
                trials = List.copyOf(trials);
            }
        }

        record NotRun(String why) implements Outcome {}
    }
}
