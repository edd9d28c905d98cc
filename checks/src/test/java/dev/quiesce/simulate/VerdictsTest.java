package dev.quiesce.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each verdict's branches, from runs and call logs made by hand (no sandbox). */
class VerdictsTest {
    private static final Map<String, Scenario> BY_ID = Scenario.all(List.of("IRIS", "TEST"), true, true).stream()
            .collect(Collectors.toMap(Scenario::id, s -> s));

    private static Sandbox.Result exit(int code) {
        Sandbox.Output none = new Sandbox.Output(new byte[0], 0);
        return new Sandbox.Result(code, false, Duration.ofMillis(50), none, none);
    }

    private static Sandbox.Result killed() {
        Sandbox.Output none = new Sandbox.Output(new byte[0], 0);
        return new Sandbox.Result(-1, true, Duration.ofSeconds(10), none, none);
    }

    /** Calls written as {@code "ExternalFreeze IRIS 5"}. */
    private static CallLog calls(String... calls) {
        return new CallLog(Arrays.stream(calls).map(c -> c.split(" ")).map(w -> new Call("csession", w[0], w[1], w[2], "",
                List.of(w[1]))).toList(), Optional.empty());
    }

    private static Verdict judge(String id, Sandbox.Result run, CallLog log) {
        return Verdicts.judge(BY_ID.get(id), run, log);
    }

    @Test
    void theScenariosAreTheIssuesThirteen() {
        assertEquals(13, BY_ID.size());
        assertEquals(List.of("IRIS"), BY_ID.get("freeze-5/1").running());
        assertEquals(List.of("IRIS", "TEST"), BY_ID.get("freeze-5/1").installed());
        assertEquals(List.of("freeze-1/1", "freeze-3/1", "freeze-5/1", "freeze-hang/1", "freezeFail/1", "thaw-3/1", "thaw-5/1"),
                Scenario.all(List.of("IRIS"), true, true).stream().map(Scenario::id).sorted().toList());
    }

    @Test
    void aSuccessfulFreezeMustExit0FreezeEveryRunningInstanceAndThawNone() {
        CallLog both = calls("ExternalFreeze IRIS 5", "ExternalFreeze TEST 5");
        assertTrue(judge("freeze-5/2", exit(0), both).passed());
        Verdict five = judge("freeze-5/2", exit(5), both);
        assertFalse(five.passed());
        assertTrue(five.why().contains("every quiesced snapshot fails (QZ-SC-004)"), five.why());
        assertTrue(judge("freeze-5/2", exit(2), both).why().contains("exited 2 after the freeze succeeded: vmtoolsd "
                + "aborts the quiesce (\"Custom quiesce script failed.\")"));
        // A script that froze none of them (a hard-coded instance that does not run) is not said to have frozen.
        assertTrue(judge("freeze-5/1", exit(1), calls("ExternalFreeze TEST 1")).why().startsWith("exited 1 where "
                + "ExternalFreeze of the running instances would have answered 5"));
        Verdict one = judge("freeze-5/2", exit(0), calls("ExternalFreeze iris 5"));
        assertEquals(new Verdict(false, "never froze TEST: the snapshot holds a running instance (QZ-SC-005)"), one);
        assertTrue(judge("freeze-5/1", exit(0), calls("ExternalFreeze IRIS 5", "ExternalThaw IRIS 5")).why()
                .contains("thawed IRIS before exiting"));
        assertTrue(judge("freeze-5/1", killed(), calls("ExternalFreeze IRIS 5")).why().startsWith("still running after 10 s"));
        assertTrue(judge("freeze-5/1", exit(0), calls("CommandLineFreeze IRIS 0")).passed());
    }

    @Test
    void aFailedOrRefusedFreezeMustExitNonZero() {
        assertTrue(judge("freeze-3/1", exit(1), calls("ExternalFreeze IRIS 3")).passed());
        Verdict zero = judge("freeze-3/1", exit(0), calls("ExternalFreeze IRIS 3"));
        assertFalse(zero.passed());
        assertTrue(zero.why().contains("exited 0 though ExternalFreeze answered 3"), zero.why());
        assertTrue(judge("freeze-1/2", exit(0), calls("ExternalFreeze IRIS 1")).why().contains("the session was refused (1)"));
        assertFalse(judge("freeze-1/1", killed(), calls("ExternalFreeze IRIS 1")).passed());
    }

    @Test
    void aHangingFreezeMayBeWaitedForOrGivenUpOnButNeverReportedAsDone() {
        assertTrue(judge("freeze-hang/1", killed(), calls("ExternalFreeze IRIS hang")).passed());
        assertTrue(judge("freeze-hang/1", exit(124), calls("ExternalFreeze IRIS hang")).passed());
        assertFalse(judge("freeze-hang/1", exit(0), calls("ExternalFreeze IRIS hang")).passed());
    }

    @Test
    void thawsMustReachEveryInstanceAndReportFailure() {
        CallLog both = calls("ExternalThaw IRIS 5", "ExternalThaw TEST 5");
        assertTrue(judge("thaw-5/2", exit(0), both).passed());
        assertTrue(judge("thaw-5/2", exit(5), both).why().contains("QZ-SC-004"));
        assertTrue(judge("thaw-5/2", exit(0), calls("ExternalThaw IRIS 5")).why().contains("never thawed TEST"));
        assertFalse(judge("thaw-5/1", killed(), calls("ExternalThaw IRIS 5")).passed());
        assertTrue(judge("thaw-3/2", exit(1), calls("ExternalThaw IRIS 3", "ExternalThaw TEST 3")).passed());
        assertTrue(judge("thaw-3/2", exit(0), calls("ExternalThaw IRIS 3", "ExternalThaw TEST 3")).why()
                .contains("the failed thaw goes unreported"));
        assertTrue(judge("thaw-3/2", exit(1), calls("ExternalThaw IRIS 3")).why().contains("never tried to thaw TEST"));
    }

    @Test
    void freezeFailMustThawEveryInstanceWhateverTheExit() {
        assertTrue(judge("freezeFail/2", exit(7), calls("ExternalThaw IRIS 5", "ExternalThaw TEST 5")).passed());
        Verdict none = judge("freezeFail/2", exit(0), calls());
        assertFalse(none.passed());
        assertTrue(none.why().contains("did not thaw IRIS, TEST on freezeFail"), none.why());
    }

    @Test
    void aDamagedCallLogIsNeverAPass() {
        CallLog damaged = new CallLog(calls("ExternalFreeze IRIS 5").calls(), Optional.of("the call log is damaged"));
        assertFalse(judge("freeze-5/1", exit(0), damaged).passed());
    }
}
