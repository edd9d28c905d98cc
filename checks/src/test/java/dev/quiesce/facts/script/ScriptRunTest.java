package dev.quiesce.facts.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The run of each test script, scenario by scenario: what the script does when the session answers 5, 3 or 1. */
class ScriptRunTest {
    private static final List<String> TWO = List.of("IRIS", "TEST");

    private static void exitsOnly(ScriptRun.Result r, int code) {
        assertTrue(r.paths().stream().allMatch(p -> p.decided() && p.exitCode() == code),
                r.scenario().describe() + ": " + r.paths());
    }

    private static void neverExits(ScriptRun.Result r, int code) {
        assertTrue(r.paths().stream().allMatch(p -> p.decided() && p.exitCode() != code),
                r.scenario().describe() + ": " + r.paths());
    }

    @Test
    void articlePreFreezeFreezesEveryRunningInstanceAndExitsZeroOnFive() {
        ScriptRun.Result r = Scripts.run("article/pre-freeze-script", "freeze", 5, 5, TWO);
        exitsOnly(r, 0);
        ScriptRun.Path path = r.paths().get(0);
        assertEquals(List.of(Optional.of("IRIS"), Optional.of("TEST")),
                path.calls(CallKind.FREEZE).stream().map(SessionCall::instance).toList());
        SessionCall call = path.calls(CallKind.FREEZE).get(0);
        assertEquals("\"/var/log/IRIS-pre_post.log\"", call.arguments().get(0), call.objectScript());
        assertEquals("600", call.arguments().get(6));
        assertEquals(25, call.line());
        assertTrue(call.statusReached());
        exitsOnly(Scripts.run("article/pre-freeze-script", "freeze", 3, 5, TWO), 1);
        exitsOnly(Scripts.run("article/pre-freeze-script", "freeze", 1, 5, TWO), 1);
    }

    @Test
    void articlePostThawThawsOnThawAndOnFreezeFail() {
        for (String argument : new String[] {"thaw", "freezeFail", null}) {
            ScriptRun.Result r = Scripts.run("article/post-thaw-script", argument, 5, 5, TWO);
            assertTrue(r.paths().stream().allMatch(p -> p.calls(CallKind.THAW).size() == 2), r.paths().toString());
            assertTrue(r.paths().stream().anyMatch(p -> p.calls(CallKind.SET_HISTORY).size() == 2));
            exitsOnly(r, 0);
        }
        neverExits(Scripts.run("article/post-thaw-script", "thaw", 5, 3, TWO), 0);
        neverExits(Scripts.run("article/post-thaw-script", "thaw", 5, 1, TWO), 0);
    }

    @Test
    void exitWithTheSessionsStatusExitsFive() {
        exitsOnly(Scripts.run("traps/exit-session-status", "freeze", 5, 5, TWO), 5);
    }

    @Test
    void unknownStatusFallsThroughToZero() {
        exitsOnly(Scripts.run("traps/unknown-status-exit-0", "freeze", 5, 5, TWO), 0);
        exitsOnly(Scripts.run("traps/unknown-status-exit-0", "freeze", 3, 5, TWO), 1);
        exitsOnly(Scripts.run("traps/unknown-status-exit-0", "freeze", 1, 5, TWO), 0);
    }

    @Test
    void teeGivesThePipesStatusUnlessPipefail() {
        ScriptRun.Result r = Scripts.run("traps/tee-without-pipefail", "freeze", 3, 5, TWO);
        SessionCall call = r.paths().get(0).calls(CallKind.FREEZE).get(0);
        assertTrue(call.piped());
        assertFalse(call.statusReached());
        exitsOnly(r, 1); // tee's 0 goes to the "failed" arm, for 5 and 3 alike
        exitsOnly(Scripts.run("traps/tee-without-pipefail", "freeze", 5, 5, TWO), 1);
        ScriptRun.Result fixed = Scripts.run("fixed/tee-with-pipefail", "freeze", 5, 5, TWO);
        assertTrue(fixed.paths().get(0).calls(CallKind.FREEZE).get(0).statusReached());
        exitsOnly(fixed, 0);
        exitsOnly(Scripts.run("fixed/tee-with-pipefail", "freeze", 3, 5, TWO), 1);
    }

    @Test
    void errexitShebangStopsAtTheFreezesFive() {
        ScriptRun.Result r = Scripts.run("traps/errexit-shebang", "freeze", 5, 5, TWO);
        exitsOnly(r, 5);
        assertTrue(r.paths().get(0).errexit());
    }

    @Test
    void errexitWithOrListKeepsGoing() {
        exitsOnly(Scripts.run("traps/errexit-no-trap", "freeze", 5, 5, TWO), 0);
        exitsOnly(Scripts.run("traps/errexit-no-trap", "freeze", 3, 5, TWO), 1);
    }

    @Test
    void thawReadingTheFreezeVariableFailsEveryThaw() {
        exitsOnly(Scripts.run("traps/thaw-reads-freeze-variable", "thaw", 5, 5, TWO), 1);
        exitsOnly(Scripts.run("traps/thaw-reads-freeze-variable", "freeze", 5, 5, TWO), 0);
    }

    @Test
    void lowerCaseFreezefailNeverMatches() {
        ScriptRun.Result r = Scripts.run("traps/case-lower-freezefail", "freezeFail", 5, 5, TWO);
        assertTrue(r.paths().stream().allMatch(p -> p.calls(CallKind.THAW).isEmpty()), r.paths().toString());
        ScriptRun.Result fixed = Scripts.run("fixed/case-freezeFail", "freezeFail", 5, 5, TWO);
        assertTrue(fixed.paths().stream().allMatch(p -> p.calls(CallKind.THAW).size() == 1));
    }

    @Test
    void postThawThatReturnsOnFreezeFailThawsNothing() {
        ScriptRun.Result r = Scripts.run("traps/post-thaw-ignores-freezefail", "freezeFail", 5, 5, TWO);
        assertTrue(r.paths().stream().allMatch(p -> p.calls(CallKind.THAW).isEmpty()));
        exitsOnly(r, 0);
    }

    @Test
    void hardCodedInstanceIsCalledWhateverRuns() {
        ScriptRun.Result r = Scripts.run("traps/hard-coded-instance", "freeze", 5, 5, TWO);
        assertEquals(List.of(Optional.of("CACHE")), r.paths().get(0).calls(CallKind.FREEZE).stream()
                .map(SessionCall::instance).toList());
    }

    @Test
    void templatePlaceholderIsARedirectionAndTheSessionFails() {
        ScriptRun.Result r = Scripts.run("traps/template-placeholder", "freeze", 5, 5, List.of("CACHE"));
        SessionCall call = r.paths().get(0).calls(CallKind.FREEZE).get(0);
        assertTrue(call.placeholder());
        assertTrue(call.instance().isEmpty());
        assertTrue(call.instanceWhy().contains("<CACHE INSTANCE>"), call.instanceWhy());
        exitsOnly(r, 1);
    }

    @Test
    void heredocIntoTheSessionCounts() {
        ScriptRun.Result r = Scripts.run("traps/heredoc-exit-status", "freeze", 5, 5, TWO);
        assertEquals(1, r.paths().get(0).calls(CallKind.FREEZE).size());
        exitsOnly(r, 5);
        ScriptRun.Result fixed = Scripts.run("fixed/heredoc-status-checked", "freeze", 5, 5, TWO);
        SessionCall call = fixed.paths().get(0).calls(CallKind.FREEZE).get(0);
        assertEquals("\"/var/log/freeze.log\"", call.arguments().get(0), call.objectScript());
        exitsOnly(fixed, 0);
        exitsOnly(Scripts.run("fixed/heredoc-status-checked", "freeze", 3, 5, TWO), 1);
    }

    @Test
    void sessionThroughAVariableAndFunctions() {
        ScriptRun.Result r = Scripts.run("fixed/variable-and-functions", "freeze", 5, 5, TWO);
        assertEquals(List.of(Optional.of("IRIS"), Optional.of("TEST")),
                r.paths().get(0).calls(CallKind.FREEZE).stream().map(SessionCall::instance).toList());
        assertEquals("900", r.paths().get(0).calls(CallKind.FREEZE).get(0).arguments().get(6));
        exitsOnly(r, 0);
        ScriptRun.Result failed = Scripts.run("fixed/variable-and-functions", "freeze", 3, 5, TWO);
        exitsOnly(failed, 1);
        assertEquals(1, failed.paths().get(0).calls(CallKind.FREEZE).size(), "the first failure exits");
    }

    @Test
    void epicWrappersAreRecognisedByName() {
        ScriptRun.Result r = Scripts.run("fixed/epic-wrappers", "freeze", 5, 5, TWO);
        SessionCall call = r.paths().get(0).calls(CallKind.FREEZE).get(0);
        assertTrue(call.wrapper());
        assertEquals(Optional.of("prd"), call.instance());
        exitsOnly(r, 0);
    }

    @Test
    void timeoutFromAVariable() {
        ScriptRun.Result r = Scripts.run("fixed/timeout-in-variable", "freeze", 5, 5, TWO);
        assertEquals("900", r.paths().get(0).calls(CallKind.FREEZE).get(0).arguments().get(6));
    }

    @Test
    void fileTestsExploreBothBranches() {
        ShellScript s = ShellScript.parse("#!/bin/sh\nif [ -d /data/backup ]; then exit 0; else exit 7; fi\n");
        ScriptRun.Result r = ScriptRun.run(s, ScriptRun.Scenario.of("freeze", 5, 5, TWO));
        assertEquals(List.of(0, 7), Scripts.exits(r));
    }

    @Test
    void exitOfAnUnknownValueIsUndecidedWithWhyAndLine() {
        ShellScript s = ShellScript.parse("#!/bin/sh\nX=$(cat /etc/code)\nexit $X\n");
        ScriptRun.Path p = ScriptRun.run(s, ScriptRun.Scenario.of("freeze", 5, 5, TWO)).paths().get(0);
        assertFalse(p.decided());
        assertEquals(3, p.undecidedLine());
        assertTrue(p.undecided().contains("cat /etc/code"), p.undecided());
    }

    @Test
    void pathsAreBounded() {
        StringBuilder text = new StringBuilder("#!/bin/sh\n");
        for (int i = 0; i < 20; i++) {
            text.append("if [ -f /x").append(i).append(" ]; then echo a; fi\n");
        }
        ScriptRun.Result r = ScriptRun.run(ShellScript.parse(text.toString()), ScriptRun.Scenario.of("freeze", 5, 5, TWO));
        assertTrue(r.paths().size() <= ScriptRun.MAX_PATHS);
        assertTrue(r.undecided().orElseThrow().undecided().contains("paths"));
    }

    @Test
    void endlessLoopIsUndecided() {
        ScriptRun.Result r = ScriptRun.run(ShellScript.parse("while true; do echo x; done\n"),
                ScriptRun.Scenario.of("freeze", 5, 5, TWO));
        assertTrue(r.undecided().orElseThrow().undecided().contains("rounds"));
    }

    @Test
    void pipestatusGivesTheSessionsStatus() {
        ScriptRun.Result r = ScriptRun.run(ShellScript.parse("#!/bin/bash\n"
                + "iris session IRIS -U%SYS '##Class(Backup.General).ExternalFreeze()' | tee /tmp/l\n"
                + "rc=${PIPESTATUS[0]}\n[ \"$rc\" = 5 ] && exit 0\nexit 1\n"), ScriptRun.Scenario.of("freeze", 5, 5, TWO));
        exitsOnly(r, 0);
    }

    @Test
    void exitTrapRunsAtTheEnd() {
        ScriptRun.Result r = ScriptRun.run(ShellScript.parse("#!/bin/bash\n"
                + "trap 'iris session IRIS -U%SYS \"##Class(Backup.General).ExternalThaw()\"' EXIT\n"
                + "exit 3\n"), ScriptRun.Scenario.of("freeze", 5, 5, TWO));
        exitsOnly(r, 3);
        assertEquals(1, r.paths().get(0).calls(CallKind.THAW).size());
    }

    @Test
    void fsfreezeMountPointsAreCollected() {
        ScriptRun.Result r = ScriptRun.run(ShellScript.parse("#!/bin/sh\nMNT=/data\nfsfreeze -f $MNT\n"),
                ScriptRun.Scenario.of("freeze", 5, 5, TWO));
        ScriptRun.FsFreeze f = r.paths().get(0).fsfreezes().get(0);
        assertTrue(f.freeze());
        assertEquals("/data", f.mountPoint().text());
    }

    @Test
    void errexitAndATrapThatThawsAreSeen() {
        ScriptRun.Path noTrap = Scripts.run("traps/errexit-no-trap", "freeze", 5, 5, TWO).paths().get(0);
        assertTrue(noTrap.errexitSeen());
        assertFalse(noTrap.trapThaws());
        ScriptRun.Path trap = Scripts.run("fixed/errexit-trap-thaws", "freeze", 5, 5, TWO).paths().get(0);
        assertTrue(trap.errexitSeen());
        assertTrue(trap.trapThaws(), "trap thaw ERR, and thaw() calls ExternalThaw");
        assertFalse(Scripts.run("article/pre-freeze-script", "freeze", 5, 5, TWO).paths().get(0).errexitSeen());
    }

    @Test
    void errexitStopsAtAFailingCommandAfterTheFreezeAndRunsTheErrTrap() {
        ScriptRun.Result r = ScriptRun.run(ShellScript.parse("#!/bin/bash\nset -e\n"
                + "thaw() { iris session IRIS -U%SYS '##Class(Backup.General).ExternalThaw()'; }\ntrap thaw ERR\n"
                + "iris session IRIS -U%SYS '##Class(Backup.General).ExternalFreeze()' || true\nfalse\nexit 0\n"),
                ScriptRun.Scenario.of("freeze", 5, 5, TWO));
        exitsOnly(r, 1);
        assertTrue(r.paths().get(0).errexit());
        assertEquals(1, r.paths().get(0).calls(CallKind.THAW).size());
    }

    @Test
    void scriptFactsGiveTheFreezeTimeoutAndFrozenMountPoints() {
        ScriptFacts facts = ScriptFacts.of(Scripts.parse("article/pre-freeze-script"));
        assertEquals(1, facts.freezeCalls().size(), "one call site, however many instances");
        assertEquals(Optional.of(600), facts.freezeCalls().get(0).timeoutSeconds());
        assertEquals(Optional.of("60"), ScriptFacts.of(Scripts.parse("traps/wdsuspendlimit")).freezeCalls()
                .get(0).argument(FreezeCall.WD_SUSPEND_LIMIT));
        assertTrue(ScriptFacts.of(Scripts.parse("traps/no-timeout")).freezeCalls().get(0).timeoutSeconds().isEmpty());
        ScriptFacts fs = ScriptFacts.of(ShellScript.parse("#!/bin/sh\nfor m in /data /journal; do fsfreeze -f $m; done\n"
                + "fsfreeze --unfreeze /data\n"));
        assertEquals(List.of("/data", "/journal"), fs.frozenMountPoints());
    }

    @Test
    void objectScriptArgumentsKeepQuotedCommasAndNestedCalls() {
        assertEquals(List.of("\"a,b\"\"c\"", "", "$zu(1,2)", "7"),
                ObjectScriptArguments.of("##Class(Backup.General).ExternalFreeze(\"a,b\"\"c\",,$zu(1,2),7)"));
        assertEquals(List.of(), ObjectScriptArguments.of("write 1"));
    }

    @Test
    void whileReadOverQlistRunsOnceForEachRunningInstanceInThePipesSubshell() {
        ShellScript script = ShellScript.parse("#!/bin/sh\nrc=0\n"
                + "iris qlist | grep running | while IFS='^' read -r name dir rest; do\n"
                + "  iris session $name -U%SYS '##Class(Backup.General).ExternalFreeze()'\n"
                + "  [ $? -eq 5 ] || exit 1\ndone\nexit $?\n");
        ScriptRun.Result r = ScriptRun.run(script, ScriptRun.Scenario.of("freeze", 5, 5, TWO));
        assertEquals(List.of(Optional.of("IRIS"), Optional.of("TEST")),
                r.paths().get(0).calls(CallKind.FREEZE).stream().map(SessionCall::instance).toList());
        exitsOnly(r, 0);
        exitsOnly(ScriptRun.run(script, ScriptRun.Scenario.of("freeze", 3, 5, TWO)), 1);
    }
}
