package dev.quiesce.simulate;

/** One scenario as it ran: how the script ended, the calls it made, and the verdict. */
public record ScenarioResult(Scenario scenario, Sandbox.Result run, CallLog calls, Verdict verdict) {
    /** The exit column: the status, or that it was killed at the time limit. */
    public String exit() {
        return run.killed() ? "killed after " + Math.round(run.elapsed().toMillis() / 1000.0) + " s"
                : Integer.toString(run.exitCode());
    }
}
