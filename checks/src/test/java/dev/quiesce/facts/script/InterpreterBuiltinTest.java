package dev.quiesce.facts.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The builtins a freeze/thaw script leans on: set, shift, local, break n, fsfreeze, command, subshells. */
class InterpreterBuiltinTest {
    private static final List<String> TWO = List.of("IRIS", "TEST");
    private static final String FREEZE = "iris session IRIS -U%SYS '##Class(Backup.General).ExternalFreeze()'";

    private static ScriptRun.Path path(String body) {
        return ScriptRun.run(ShellScript.parse("#!/bin/bash\n" + body + "\n"),
                ScriptRun.Scenario.of("freeze", 5, 5, TWO)).paths().get(0);
    }

    private static List<Integer> exits(String body) {
        return Scripts.exits(ScriptRun.run(ShellScript.parse("#!/bin/bash\n" + body + "\n"),
                ScriptRun.Scenario.of("freeze", 5, 5, TWO)));
    }

    @Test
    void setOptionsAndArguments() {
        assertEquals(List.of(2), exits("set -- a b\nexit $#"));
        assertEquals(List.of(0), exits("set -- a b\n[ \"$2\" = b ] && exit 0\nexit 1"));
        assertEquals(List.of(5), exits("set -e -o pipefail\n" + FREEZE + " | tee /l\nexit 0"));
        assertEquals(List.of(0), exits("set -e +o pipefail\n" + FREEZE + " | tee /l\nexit 0"));
        assertEquals(List.of(0), exits("set -o nounset\nfalse\nexit 0"), "nounset is not errexit");
        assertEquals(List.of(0), exits("set -x\nfalse\nexit 0"), "-x is not -e");
        assertEquals(List.of(0), exits("set -o\nfalse\nexit 0"));
        assertEquals(List.of(0), exits("X=$(cat /f)\nset $X -x\nfalse\nexit 0"), "an unknown word is skipped");
        assertTrue(path("set -o errexit").errexitSeen());
        assertFalse(path("set +o errexit").errexitSeen());
        assertFalse(path("set +e").errexitSeen());
        assertEquals(List.of(1), exits("set -eo\nfalse\nexit 0"));
        ScriptRun.Path viaShebang = ScriptRun.run(ShellScript.parse("#!/bin/bash -e\nfalse\nexit 0\n"),
                ScriptRun.Scenario.of("freeze", 5, 5, TWO)).paths().get(0);
        assertEquals(1, viaShebang.exitCode());
        assertTrue(viaShebang.errexitSeen());
    }

    @Test
    void shiftLocalAndDeclare() {
        assertEquals(List.of(0), exits("shift\nshift\nexit $#"), "shift past the end is harmless");
        assertEquals(List.of(0), exits("f() { local rc=5 n; [ $rc -eq 5 ] && return 0; return 1; }\nf"));
        assertEquals(List.of(0), exits("declare -r T=600\n[ $T = 600 ] && exit 0\nexit 1"));
        assertEquals(List.of(0), exits("readonly T=\"6 0\"\n[ \"$T\" = \"6 0\" ] && exit 0\nexit 1"));
        assertFalse(path("local T=$(cat /f)\nexit $T").decided());
    }

    @Test
    void breakAndContinueLevels() {
        assertEquals(List.of(0), exits("for i in a b; do for j in c; do break 0; done; done\nexit 0"),
                "break 0 is break 1");
        assertEquals(List.of(7), exits("for i in a b; do for j in c d; do break 1; done; n=$i; done\n[ $n = b ] && exit 7"));
        assertEquals(List.of(7), exits("for i in a b; do for j in c d; do continue; done; n=$i; done\n[ $n = b ] && exit 7"));
        assertEquals(List.of(0), exits("X=$(cat /f)\nfor i in a; do break $X; done\nexit 0"));
        assertEquals(List.of(0), exits("for i in a b; do while true; do break 2; done; exit 9; done\nexit 0"));
        assertEquals(List.of(0), exits("while true; do for i in a; do break 2; done; exit 9; done\nexit 0"));
        assertEquals(List.of(0), exits("n=a\nwhile [ $n = a ]; do n=b; continue; exit 9; done\nexit 0"));
    }

    @Test
    void fsfreezeCalls() {
        ScriptRun.Path p = path("fsfreeze --freeze /data\nfsfreeze -u /data\nfsfreeze");
        assertEquals(List.of(true, false, false), p.fsfreezes().stream().map(ScriptRun.FsFreeze::freeze).toList());
        assertEquals("/data", p.fsfreezes().get(1).mountPoint().text());
        assertFalse(p.fsfreezes().get(2).mountPoint().known());
        assertEquals(List.of(2, 3, 4), p.fsfreezes().stream().map(ScriptRun.FsFreeze::line).toList());
    }

    @Test
    void commandPrefixesAndUnknownNames() {
        assertEquals(List.of(5), exits("nohup " + FREEZE));
        assertEquals(List.of(5), exits("time " + FREEZE));
        assertEquals(List.of(1), exits("builtin false\nexit $?"));
        assertEquals(List.of(0), exits("command\nexit $?"));
        assertEquals(List.of(0), exits("false\ncommand $(cat /f)\nexit $?"));
        assertEquals(List.of(0), exits("C=$(cat /f)\n$C\nexit $?"), "an unknown command outside a condition succeeds");
        assertEquals(List.of(0, 1), exits("C=$(cat /f)\nif $C; then exit 0; fi\nexit 1"));
        assertEquals(List.of(0), exits(". /etc/profile\nexit $?"));
        assertEquals(List.of(0), exits("A=1 B=2 echo x\nexit $?"));
        assertEquals(List.of(0), exits("A=1 true\n[ -z \"$B\" ] && exit 0\nexit 1"));
    }

    @Test
    void subshellsKeepTheirVariablesButNotTheirCalls() {
        ScriptRun.Path p = path("( A=1; " + FREEZE + "; exit 4 )\nrc=$?\n[ -z \"$A\" ] && [ $rc -eq 4 ] && exit 0\nexit 1");
        assertEquals(0, p.exitCode(), "the subshell's exit is its status; its variables stay inside");
        assertEquals(1, p.calls(CallKind.FREEZE).size(), "its calls are made");
        assertFalse(path("( X=$(cat /f); exit $X )").decided());
        assertEquals(List.of(3), exits("( exit 3 ) || exit $?\nexit 0"));
        assertEquals(List.of(0), exits("{ false; }\nexit 0"));
        assertEquals(List.of(1), exits("{ false; }\nexit $?"));
    }

    @Test
    void pipefailGivesTheRightmostFailure() {
        assertEquals(List.of(1), exits("set -o pipefail\ntrue | false\nexit $?"));
        assertEquals(List.of(3), exits("set -o pipefail\n( exit 2 ) | ( exit 3 ) | true\nexit $?"),
                "pipefail gives the rightmost non-zero status");
    }
}
