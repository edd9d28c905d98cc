package dev.quiesce.cli;

import dev.quiesce.check.ScriptSide;
import dev.quiesce.check.ScriptTrials;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.simulate.Scenario;
import dev.quiesce.simulate.ScenarioResult;
import dev.quiesce.simulate.Simulator;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code audit --simulate-scripts}: a host's freeze/thaw pair run through {@link Simulator}'s scenarios, the
 * host's running instances as the stand-ins' instances. The three script-content rules that read the runs
 * ask for the same pair: it runs once per distinct pair and instance list.
 */
final class SandboxTrials implements ScriptTrials {
    private final Simulator simulator;
    private final Map<Key, Outcome> runs = new ConcurrentHashMap<>();

    SandboxTrials(Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public Outcome run(Optional<byte[]> freezeScript, Optional<byte[]> thawScript, List<String> running) {
        if (freezeScript.isEmpty() && thawScript.isEmpty()) {
            return new Outcome.NotRun("neither script could be read");
        }
        if (running.isEmpty()) {
            return new Outcome.NotRun("no instance runs on the host, so no scenario has an instance to freeze");
        }
        return runs.computeIfAbsent(new Key(freezeScript.orElse(null), thawScript.orElse(null), List.copyOf(running)),
                k -> trials(freezeScript, thawScript, running));
    }

    private Outcome trials(Optional<byte[]> freezeScript, Optional<byte[]> thawScript, List<String> running) {
        try {
            List<ScenarioResult> results = simulator.run(new Simulator.Scripts(freezeScript, thawScript), running);
            return new Outcome.Ran(results.stream().map(SandboxTrials::trial).toList());
        } catch (QuiesceException e) {
            return new Outcome.NotRun(e.getMessage());
        }
    }

    private static Trial trial(ScenarioResult r) {
        boolean freeze = r.scenario().script() == Scenario.Script.PRE_FREEZE;
        return new Trial((freeze ? "pre-freeze-script " : "post-thaw-script ") + r.scenario().argument() + ": "
                + r.scenario().title(), freeze ? ScriptSide.FREEZE : ScriptSide.THAW, aspects(r.scenario()),
                r.calls().summary(), r.exit(), r.verdict().passed(), r.verdict().why());
    }

    /** Which rules a scenario is evidence for: its expectation names what a correct script does there. */
    static Set<Aspect> aspects(Scenario scenario) {
        return switch (scenario.expectation()) {
            case FROZEN, THAWED -> EnumSet.of(Aspect.EXIT_STATUS, Aspect.INSTANCES);
            case FREEZE_FAILED, FREEZE_HANGS, THAW_FAILED -> EnumSet.of(Aspect.EXIT_STATUS);
            case THAWED_AFTER_FAILED_FREEZE -> EnumSet.of(Aspect.FREEZE_FAIL, Aspect.INSTANCES);
        };
    }

    /** A pair and the instances it ran with; arrays compared by content. */
    private record Key(byte[] freeze, byte[] thaw, List<String> running) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(freeze, k.freeze) && Arrays.equals(thaw, k.thaw)
                    && running.equals(k.running);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(freeze) + Arrays.hashCode(thaw)) + running.hashCode();
        }
    }
}
