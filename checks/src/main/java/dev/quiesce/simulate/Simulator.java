package dev.quiesce.simulate;

import dev.quiesce.model.QuiesceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs a freeze/thaw script pair through every {@link Scenario} on this machine, never on a target:
 * each run in a fresh {@link Sandbox} with the script at its vmtoolsd path, the {@link StandIns}
 * first on {@code PATH} and at the usual places, and a call log; started the way vmtoolsd starts a
 * script, {@code /bin/bash -c '"<path>" <op>'} ({@code /bin/sh} where there is no bash).
 */
public final class Simulator {
    /** Instance names as the installers allow them (as {@code QlistParser} reads them). */
    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9_%.-]{1,64}");
    private static final String PATH = StandIns.BIN + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** The script texts to simulate; either may be absent (its scenarios are then not run). */
    public record Scripts(Optional<byte[]> preFreeze, Optional<byte[]> postThaw) {
        public Scripts {
            preFreeze = preFreeze.map(byte[]::clone);
            postThaw = postThaw.map(byte[]::clone);
        }
    }

    private final Optional<Path> bwrap;
    private final Duration timeout;
    private final Sandbox.Limits limits;

    /** {@code bwrap} empty: the one on PATH. {@code timeout}: per scenario. */
    public Simulator(Optional<Path> bwrap, Duration timeout, Sandbox.Limits limits) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new QuiesceException("the time limit must be positive, not " + timeout);
        }
        this.bwrap = bwrap;
        this.timeout = timeout;
        this.limits = limits;
    }

    /**
     * Every scenario for the scripts given, in {@link Scenario#all} order. Refuses (a
     * {@link QuiesceException}) with no script, a name that is not an instance name, no bwrap, or a bwrap
     * the kernel does not let make its sandbox: nothing then runs.
     */
    public List<ScenarioResult> run(Scripts scripts, List<String> instances) {
        if (scripts.preFreeze().isEmpty() && scripts.postThaw().isEmpty()) {
            throw new QuiesceException("nothing to simulate: give a pre-freeze script, a post-thaw script, or both");
        }
        if (instances.isEmpty() || instances.stream().anyMatch(i -> !INSTANCE.matcher(i).matches())
                || instances.stream().map(String::toUpperCase).distinct().count() != instances.size()) {
            throw new QuiesceException("instances must be distinct names of letters, digits, '_', '%', '.' or '-' "
                    + "(at most 64 characters each), not " + dev.quiesce.facts.ShownText.escaped(String.join(",", instances)));
        }
        try (Sandbox probe = builder().build()) {
            probe.verify();
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : Scenario.all(instances, scripts.preFreeze().isPresent(), scripts.postThaw().isPresent())) {
            byte[] script = (s.script() == Scenario.Script.PRE_FREEZE ? scripts.preFreeze() : scripts.postThaw())
                    .orElseThrow();
            results.add(run(s, script));
        }
        return List.copyOf(results);
    }

    private Sandbox.Builder builder() {
        Sandbox.Builder builder = Sandbox.builder().limits(limits).standardTmpfs();
        bwrap.ifPresent(builder::bwrap);
        return builder;
    }

    /** One scenario, in a fresh sandbox (package-private: the stand-in tests run their own scenarios). */
    ScenarioResult run(Scenario s, byte[] script) {
        String text = new String(script, StandardCharsets.UTF_8);
        Sandbox.Builder builder = builder().file(s.script().path, script, true)
                .file(StandIns.SCENARIO, bytes(StandIns.scenarioFile(s)), false)
                .outputFile(StandIns.CALLS).tmpfs(StandIns.STATE);
        List<String> dirs = new ArrayList<>();
        for (String flavour : List.of("iris", "cache")) {
            List<StandIns.Listed> listed = StandIns.listed(s, flavour);
            listed.forEach(l -> dirs.add(l.directory()));
            builder.file(StandIns.DIR + "/qlist." + flavour, bytes(StandIns.qlist(listed, flavour)), false)
                    .file(StandIns.DIR + "/qall." + flavour, bytes(StandIns.qall(listed, flavour)), false)
                    .file(StandIns.DIR + "/list." + flavour, bytes(StandIns.list(listed, flavour)), false);
        }
        for (String place : StandIns.places(dirs, List.of(text))) {
            String name = place.substring(place.lastIndexOf('/') + 1);
            try {
                builder.file(place, bytes(StandIns.script(name)), true);
            } catch (IllegalArgumentException e) {
                // A mentioned path the sandbox cannot hold (inside /dev, or inside another added file).
            }
        }
        String shell = Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/bin/sh";
        try (Sandbox sandbox = builder.build()) {
            Sandbox.Result result = sandbox.run(List.of(shell, "-c", "\"" + s.script().path + "\" " + s.argument()),
                    Map.of("PATH", PATH, "HOME", "/root", "LANG", "C"), timeout);
            CallLog log = CallLog.parse(sandbox.output(StandIns.CALLS));
            return new ScenarioResult(s, result, log, Verdicts.judge(s, result, log));
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox for scenario " + s.id() + " failed", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
