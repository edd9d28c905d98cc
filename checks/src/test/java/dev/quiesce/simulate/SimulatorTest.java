package dev.quiesce.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.testing.Bwrap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The article's pair and copies of it with one defect each, through every scenario in a real sandbox. */
class SimulatorTest {
    static final String PRE = article("pre-freeze-script");
    static final String POST = article("post-thaw-script");

    @BeforeAll
    static void needsBwrap() {
        Bwrap.required();
    }

    static String article(String name) {
        try (InputStream in = SimulatorTest.class.getResourceAsStream("/scripts/article/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, ScenarioResult> simulate(Optional<String> pre, Optional<String> post) {
        Simulator simulator = new Simulator(Optional.empty(), Duration.ofSeconds(5), Sandbox.Limits.DEFAULT);
        return simulator.run(new Simulator.Scripts(pre.map(SimulatorTest::bytes), post.map(SimulatorTest::bytes)),
                List.of("CACHE", "TEST")).stream().collect(Collectors.toMap(r -> r.scenario().id(), Function.identity(),
                        (a, b) -> a, java.util.LinkedHashMap::new));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theArticlePairPassesEveryScenario() {
        Map<String, ScenarioResult> results = simulate(Optional.of(PRE), Optional.of(POST));
        assertEquals(List.of("freeze-5/1", "freeze-5/2", "freeze-3/1", "freeze-3/2", "freeze-1/1", "freeze-1/2",
                "freeze-hang/1", "thaw-5/1", "thaw-5/2", "thaw-3/1", "thaw-3/2", "freezeFail/1", "freezeFail/2"),
                List.copyOf(results.keySet()));
        results.values().forEach(r -> assertTrue(r.verdict().passed(), r.scenario().id() + ": " + r.verdict().why()
                + " calls " + r.calls() + " stderr " + r.run().stderr().text()));
        ScenarioResult two = results.get("freeze-5/2");
        assertEquals(List.of("ccontrol qall", "csession CACHE ExternalFreeze=5", "csession TEST ExternalFreeze=5"),
                two.calls().calls().stream().map(Call::summary).toList());
        assertEquals(0, two.run().exitCode());
        assertTrue(results.get("freeze-hang/1").run().killed());
        // The thaw also records the backup in the history, answered with the documented status.
        assertTrue(results.get("thaw-5/1").calls().calls().stream().anyMatch(c -> c.operation().equals(
                "ExternalSetHistory") && c.answer().equals("1")));
    }

    @Test
    void aCopyThatExitsWithTheSessionsStatusFailsTheFreezeScenario() {
        String exits5 = PRE.replace("        5) echo \"`date`:   $INST IS FROZEN\" >> $SNAPLOG\n",
                "        5) echo \"`date`:   $INST IS FROZEN\" >> $SNAPLOG\n           exit_code=$status\n");
        assertFalse(exits5.equals(PRE));
        Map<String, ScenarioResult> results = simulate(Optional.of(exits5), Optional.empty());
        for (String id : List.of("freeze-5/1", "freeze-5/2")) {
            assertFalse(results.get(id).verdict().passed(), id);
            assertEquals(5, results.get(id).run().exitCode());
            assertTrue(results.get(id).verdict().why().contains("every quiesced snapshot fails"), results.get(id).verdict().why());
        }
        assertTrue(results.get("freeze-3/1").verdict().passed());
    }

    @Test
    void aPostThawThatDoesNothingOnFreezeFailFailsThatScenario() {
        String ignoresFailure = POST.replace("exit_code=0\n", "exit_code=0\n[ \"$1\" = freezeFail ] && exit 0\n");
        assertFalse(ignoresFailure.equals(POST));
        Map<String, ScenarioResult> results = simulate(Optional.empty(), Optional.of(ignoresFailure));
        assertFalse(results.get("freezeFail/2").verdict().passed());
        assertTrue(results.get("freezeFail/2").verdict().why().contains("did not thaw CACHE, TEST on freezeFail"),
                results.get("freezeFail/2").verdict().why());
        assertTrue(results.get("thaw-5/2").verdict().passed());
    }

    @Test
    void aHardCodedInstanceThatIsNotRunningFailsAndARunningOneNeverNamedToo() {
        String hardCoded = PRE.replace("for INST in `ccontrol qall 2>/dev/null | tail -n +3 | grep '^up' | cut -c5-  | "
                + "awk '{print $1}'`; do", "for INST in TEST; do");
        assertFalse(hardCoded.equals(PRE));
        Map<String, ScenarioResult> results = simulate(Optional.of(hardCoded), Optional.empty());
        ScenarioResult one = results.get("freeze-5/1");
        assertFalse(one.verdict().passed());
        assertEquals(List.of("csession TEST ExternalFreeze=1", "logger"), one.calls().calls().stream().map(Call::summary).toList());
        assertTrue(one.verdict().why().contains("never froze CACHE"), one.verdict().why());
        assertTrue(results.get("freeze-5/2").verdict().why().contains("never froze CACHE"));
    }

    @Test
    void aStatusTakenFromTeeReportsAFailedFreezeAsDone() {
        String tee = "#!/bin/bash\ncsession CACHE -U%SYS '##Class(Backup.General).ExternalFreeze()' |& tee -a /var/log/f.log\n"
                + "status=$?\nif [ $status -eq 5 ] || [ $status -eq 0 ]; then exit 0; fi\nexit 1\n";
        Map<String, ScenarioResult> results = simulate(Optional.of(tee), Optional.empty());
        assertTrue(results.get("freeze-5/1").verdict().passed(), results.get("freeze-5/1").verdict().why());
        ScenarioResult three = results.get("freeze-3/1");
        assertFalse(three.verdict().passed());
        assertTrue(three.verdict().why().contains("exited 0 though ExternalFreeze answered 3"), three.verdict().why());
    }
}
