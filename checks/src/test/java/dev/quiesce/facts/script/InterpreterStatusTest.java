package dev.quiesce.facts.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a run decides from small freeze/thaw scripts: exit codes, {@code $?}, {@code case} arms, {@code && ||},
 * functions and {@code return}, {@code set -e} and traps, pipelines and {@code pipefail}, loops.
 */
class InterpreterStatusTest {
    private static final List<String> TWO = List.of("IRIS", "TEST");
    private static final String FREEZE = "iris session IRIS -U%SYS '##Class(Backup.General).ExternalFreeze()'";
    private static final String THAW = "iris session IRIS -U%SYS '##Class(Backup.General).ExternalThaw()'";

    private static ScriptRun.Result run(String body, String argument, int freeze) {
        return ScriptRun.run(ShellScript.parse("#!/bin/bash\n" + body + "\n"),
                ScriptRun.Scenario.of(argument, freeze, 5, TWO));
    }

    private static List<Integer> exits(String body) {
        return Scripts.exits(run(body, "freeze", 5));
    }

    private static List<Integer> exits(String body, int freeze) {
        return Scripts.exits(run(body, "freeze", freeze));
    }

    @Test
    void exitCodesAndTheLastStatus() {
        assertEquals(List.of(0), exits("echo hi"));
        assertEquals(List.of(1), exits("false"));
        assertEquals(List.of(1), exits("false\nexit"));
        assertEquals(List.of(4), exits("exit 260"), "exit keeps the low byte");
        assertEquals(List.of(255), exits("exit -1"));
        assertEquals(List.of(2), exits("exit abc"), "a non-number is bash's numeric argument required");
        assertEquals(List.of(5), exits(FREEZE), "the session's status is the script's");
        assertEquals(List.of(3), exits(FREEZE, 3));
        assertEquals(List.of(0), exits("! false"));
        assertEquals(List.of(1), exits("! true"));
        assertEquals(List.of(0), exits("true; exit $?"));
        assertEquals(List.of(1), exits("false; exit $?"));
    }

    @Test
    void statusTestsAfterTheFreeze() {
        String script = FREEZE + "\nrc=$?\nif [ $rc -eq 5 ]; then exit 0; elif [ $rc -eq 3 ]; then exit 3; else exit 1; fi";
        assertEquals(List.of(0), exits(script, 5));
        assertEquals(List.of(3), exits(script, 3));
        assertEquals(List.of(1), exits(script, 1));
        assertEquals(List.of(0), exits("if false; then exit 1; fi"), "an if with no arm taken has status 0");
        assertEquals(List.of(2), exits("[ 1 -eq 1\nexit $?"), "[ without ] fails with 2");
        assertEquals(List.of(0), exits("test 1 -eq 1 && exit 0\nexit 1"));
    }

    @Test
    void andOrRunTheRightSideOnlyWhenTheLeftAllows() {
        assertEquals(List.of(7), exits("true && exit 7\nexit 1"));
        assertEquals(List.of(1), exits("false && exit 7\nexit 1"));
        assertEquals(List.of(7), exits("false || exit 7\nexit 1"));
        assertEquals(List.of(1), exits("true || exit 7\nexit 1"));
        assertEquals(List.of(0, 1), exits("[ -f /x ] && exit 0\nexit 1"), "an undecided left side forks");
        assertEquals(List.of(0), exits(FREEZE + " && exit 9\nexit 0"), "5 is a failure to &&");
    }

    @Test
    void caseArmsByPattern() {
        String script = "case \"$1\" in\n freeze|Freeze) exit 10;;\n thaw) exit 20;;\n freezeFail) exit 30;;\n"
                + " f*) exit 40;;\n *) exit 50;;\nesac";
        assertEquals(List.of(10), Scripts.exits(run(script, "freeze", 5)));
        assertEquals(List.of(10), Scripts.exits(run(script, "Freeze", 5)));
        assertEquals(List.of(20), Scripts.exits(run(script, "thaw", 5)));
        assertEquals(List.of(30), Scripts.exits(run(script, "freezeFail", 5)));
        assertEquals(List.of(40), Scripts.exits(run(script, "fred", 5)));
        assertEquals(List.of(50), Scripts.exits(run(script, null, 5)));
        assertEquals(List.of(0), Scripts.exits(run("case x in y) exit 1;; esac", "freeze", 5)),
                "no arm matched: status 0");
        assertEquals(List.of(1, 2, 0), Scripts.exits(run("X=$(cat /f)\ncase $X in a) exit 1;; b) exit 2;; esac",
                "freeze", 5)), "an unknown subject forks at each arm");
        assertEquals(List.of(3), Scripts.exits(run("P=thaw\ncase thaw in $P) exit 3;; esac\nexit 4", "freeze", 5)));
    }

    @Test
    void functionsAndReturn() {
        assertEquals(List.of(3), exits("f() { return 3; echo no; }\nf\nexit $?"));
        assertEquals(List.of(0), exits("f() { false; return; }\nf || exit 0\nexit 1"),
                "return without a number keeps the last status");
        assertEquals(List.of(6), exits("f() { exit 6; }\nf\nexit 1"), "exit in a function ends the script");
        assertEquals(List.of(9), exits("return 9"), "return outside a function exits");
        assertEquals(List.of(1), exits("f() { return 257; }\nf\nexit $?"));
        assertEquals(List.of(5), exits("freeze() { " + FREEZE + "; }\nfreeze\nexit $?"));
        ScriptRun.Path p = run("f() { X=$(cat /x); return $X; }\nf\nexit $?", "freeze", 5).paths().get(0);
        assertFalse(p.decided());
        assertEquals(List.of(2), exits("f() { echo $1; return $#; }\nf a b"));
        assertEquals(List.of(4), exits("f() { [ \"$1\" = a ] && return 4; return 0; }\nf a"));
        assertEquals(List.of(0), exits("f() { [ \"$1\" = a ] && return 4; return 0; }\nf b"));
    }

    @Test
    void errexitStopsOnFailuresOutsideConditions() {
        assertEquals(List.of(1), exits("set -e\nfalse\nexit 0"));
        assertEquals(List.of(0), exits("set -e\nset +e\nfalse\nexit 0"));
        assertEquals(List.of(1), exits("set -o errexit\nfalse\nexit 0"));
        assertEquals(List.of(0), exits("set -o errexit\nset +o errexit\nfalse\nexit 0"));
        assertEquals(List.of(1), exits("set -eu\nfalse\nexit 0"));
        assertEquals(List.of(0), exits("set -e\nif false; then exit 1; fi\nfalse || true\n! true\nexit 0"),
                "conditions and negations do not trip set -e");
        assertEquals(List.of(5), exits("set -e\n" + FREEZE + "\nexit 0"));
        ScriptRun.Path p = run("set -e\nfalse", "freeze", 5).paths().get(0);
        assertTrue(p.errexit());
        assertTrue(p.errexitSeen());
        ScriptRun.Path off = run("false", "freeze", 5).paths().get(0);
        assertFalse(off.errexit());
        assertFalse(off.errexitSeen());
        assertTrue(run("set -e\nset +e\ntrue", "freeze", 5).paths().get(0).errexitSeen(), "seen, though off again");
        assertEquals(List.of(1), exits("set -e\n( false )\nexit 0"), "a failing subshell trips set -e");
        assertEquals(List.of(1), exits("set -e\n[ 1 -eq 2 ]\nexit 0"));
        assertEquals(List.of(1), exits("set -e\nX=$(false)\nexit 0"), "an assignment's substitution status counts");
    }

    @Test
    void trapsOnErrAndExit() {
        ScriptRun.Result err = run("trap '" + THAW.replace("'", "\"") + "' ERR\nfalse\nexit 0", "freeze", 5);
        assertEquals(List.of(0), Scripts.exits(err), "without set -e the ERR trap runs and the script goes on");
        assertEquals(1, err.paths().get(0).calls(CallKind.THAW).size());
        assertTrue(err.paths().get(0).trapThaws());
        ScriptRun.Result reset = run("trap 'echo x' ERR\ntrap - ERR\nfalse\nexit 0", "freeze", 5);
        assertTrue(reset.paths().get(0).calls().isEmpty());
        ScriptRun.Result zero = run("trap '" + THAW.replace("'", "\"") + "' 0\nexit 4", "freeze", 5);
        assertEquals(List.of(4), Scripts.exits(zero));
        assertEquals(1, zero.paths().get(0).calls(CallKind.THAW).size());
        ScriptRun.Result sig = run("trap '" + THAW.replace("'", "\"") + "' SIGEXIT\ntrue", "freeze", 5);
        assertEquals(1, sig.paths().get(0).calls(CallKind.THAW).size(), "an EXIT trap runs at the end of the text");
        ScriptRun.Result term = run("trap '" + THAW.replace("'", "\"") + "' TERM\nexit 0", "freeze", 5);
        assertTrue(term.paths().get(0).calls().isEmpty(), "only EXIT and ERR traps are run");
        assertFalse(term.paths().get(0).trapThaws());
        assertEquals(List.of(3), exits("trap 'exit 3' EXIT\nexit 0"), "exit in the EXIT trap gives the code");
    }

    @Test
    void pipelinesGiveTheLastStatusUnlessPipefail() {
        assertEquals(List.of(0), exits(FREEZE + " | tee /tmp/l\nexit $?"));
        assertEquals(List.of(5), exits("set -o pipefail\n" + FREEZE + " | tee /tmp/l\nexit $?"));
        assertEquals(List.of(0), exits("set -o pipefail\nset +o pipefail\n" + FREEZE + " | tee /tmp/l\nexit $?"));
        assertEquals(List.of(5), exits("set -eo pipefail\n" + FREEZE + " | tee /tmp/l\nexit 0"));
        assertEquals(List.of(1), exits("set -o pipefail\nfalse | true | true\nexit $?"));
        assertEquals(List.of(1), exits("true | false\nexit $?"));
        assertEquals(List.of(0), exits("! true | false\nexit $?"));
        assertEquals(List.of(1), exits("! false | true\nexit $?"));
        assertEquals(List.of(1), exits("false | true\nexit ${PIPESTATUS[0]}"));
        assertEquals(List.of(0), exits("false | true\nexit ${PIPESTATUS[1]}"));
        SessionCall piped = run(FREEZE + " | tee /tmp/l", "freeze", 5).paths().get(0).calls().get(0);
        assertTrue(piped.piped());
        assertFalse(piped.statusReached());
        SessionCall last = run("echo x | " + FREEZE, "freeze", 5).paths().get(0).calls().get(0);
        assertEquals(List.of(5), exits("echo x | " + FREEZE));
        assertTrue(last.statusReached(), "the pipe's last command gives $?");
    }

    @Test
    void loopsOverInstancesAndValues() {
        assertEquals(List.of(Optional.of("IRIS"), Optional.of("TEST")),
                run("for i in IRIS TEST; do iris session $i -U%SYS '##Class(Backup.General).ExternalFreeze()'; done",
                        "freeze", 5).paths().get(0).calls().stream().map(SessionCall::instance).toList());
        assertEquals(List.of(3), exits("n=0\nfor i in a b c; do n=$i; done\n[ $n = c ] && exit 3"));
        assertEquals(List.of(0), exits("for i in; do exit 1; done"));
        assertEquals(List.of(1), exits("for i in a b; do [ $i = b ] && break; done\n[ $i = b ] || exit 2\nexit 1"));
        assertEquals(List.of(0), exits("for i in a b; do break; exit 9; done"));
        assertEquals(List.of(0), exits("for i in a b; do continue; exit 9; done"));
        assertEquals(List.of(0), exits("for i in a b; do for j in c d; do break 2; done; exit 9; done"),
                "break 2 leaves both loops");
        assertEquals(List.of(0), exits("for i in a b; do for j in c d; do continue 2; done; exit 9; done"));
        assertEquals(List.of(4), exits("for i in a b; do exit 4; done"));
        assertEquals(List.of(0), exits("set -- x y\nfor a; do [ $a = y ] && exit 0; done\nexit 1"));
        ScriptRun.Result unknown = run("for i in $(cat /f); do exit 3; done\nexit 0", "freeze", 5);
        assertEquals(List.of(0, 3), Scripts.exits(unknown), "unknown items: no round, or one");
        StringBuilder many = new StringBuilder("for i in");
        for (int i = 0; i < 60; i++) {
            many.append(" v").append(i);
        }
        ScriptRun.Path p = run(many + "; do true; done", "freeze", 5).paths().get(0);
        assertFalse(p.decided());
        assertTrue(p.undecided().contains("60 values"), p.undecided());
    }

    @Test
    void whileAndUntil() {
        assertEquals(List.of(3), exits("n=a\nwhile [ $n != c ]; do if [ $n = a ]; then n=b; else n=c; fi; done\n"
                + "[ $n = c ] && exit 3"));
        assertEquals(List.of(0), exits("until true; do exit 1; done"));
        assertEquals(List.of(3), exits("until false; do exit 3; done"));
        assertEquals(List.of(0), exits("while false; do exit 1; done"));
        assertEquals(List.of(5), exits("while true; do break; done\nexit 5"));
        assertEquals(List.of(4, 0), exits("while [ -f /x ]; do exit 4; done"));
    }

    @Test
    void parametersAndDefaults() {
        assertEquals(List.of(0), Scripts.exits(run("[ \"${1:-freeze}\" = freeze ] && exit 0\nexit 1", null, 5)));
        assertEquals(List.of(0), Scripts.exits(run("[ \"${1-x}\" = x ] && exit 0\nexit 1", null, 5)));
        assertEquals(List.of(1), Scripts.exits(run("A=\n[ \"${A-x}\" = x ] && exit 0\nexit 1", null, 5)),
                "- without : keeps an empty value");
        assertEquals(List.of(0), Scripts.exits(run("A=\n[ \"${A:-x}\" = x ] && exit 0\nexit 1", null, 5)));
        assertEquals(List.of(0), exits(": ${T:=600}\n[ $T -eq 600 ] && exit 0\nexit 1"), ":= assigns");
        assertEquals(List.of(0), exits("A=keep\n[ ${A:-other} = keep ] && exit 0\nexit 1"));
        assertEquals(List.of(1), exits("exit $#"), "one argument: freeze");
        assertEquals(List.of(0), exits("[ $0 = script ] && [ -z \"$2\" ] && exit 0\nexit 1"));
        assertEquals(List.of(0), exits("A=abc\n[ ${#A} -eq 3 ] && exit 0\nexit 1"));
        assertEquals(List.of(0), exits("[ \"$*\" = freeze ] && exit 0\nexit 1"));
        assertEquals(List.of(0), exits("shift\n[ $# -eq 0 ] && exit 0\nexit 1"));
        assertFalse(run("exit $HOME", "freeze", 5).paths().get(0).decided());
        assertFalse(run("exit $$", "freeze", 5).paths().get(0).decided());
        assertFalse(run("exit ${A:-$B}", "freeze", 5).paths().get(0).decided());
        assertFalse(run("A=1\nexit ${A%1}", "freeze", 5).paths().get(0).decided());
        ScriptRun.Path unset = run("exit ${UNSET}x", "freeze", 5).paths().get(0);
        assertEquals(2, unset.exitCode(), "an unset variable is empty: exit x");
    }

    @Test
    void commandsTheRunDoesNotKnow() {
        assertEquals(List.of(0), exits("frobnicate\nexit $?"), "outside a condition an unknown command succeeds");
        assertEquals(List.of(0, 1), exits("if frobnicate; then exit 0; fi\nexit 1"), "in a condition it forks");
        assertEquals(List.of(0), exits("if echo x; then exit 0; fi\nexit 1"), "plain commands succeed");
        assertEquals(List.of(0, 1), exits("if eval x; then exit 0; fi\nexit 1"));
        assertEquals(List.of(5), exits("command " + FREEZE), "command runs its argument");
        assertEquals(List.of(0), exits("local A=x\n[ $A = x ] && exit 0\nexit 1"));
        assertEquals(List.of(0, 0), exits("export A=$(cat /f)\n[ -z \"$A\" ] && exit 0\nexit 0"), "-z of ? forks");
        ScriptRun.Path p = run("export A=$(cat /f)\nexit $A", "freeze", 5).paths().get(0);
        assertFalse(p.decided());
        assertEquals(List.of(0), exits("X=$(" + FREEZE + ")\nexit 0"));
        assertEquals(List.of(5), exits("X=$(" + FREEZE + ")\nexit $?"), "an assignment's status is its substitution's");
        assertEquals(1, run("X=$(" + FREEZE + ")", "freeze", 5).paths().get(0).calls(CallKind.FREEZE).size());
    }
}
