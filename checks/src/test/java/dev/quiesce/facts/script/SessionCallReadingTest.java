package dev.quiesce.facts.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How a run reads a session command (which instance, which ObjectScript, which kind), CR LF and long
 * scripts, reserved words that are quoted, and functions that call each other too deep.
 */
class SessionCallReadingTest {
    private static final List<String> TWO = List.of("IRIS", "TEST");

    private static ScriptRun.Path path(String body) {
        return ScriptRun.run(ShellScript.parse("#!/bin/bash\n" + body + "\n"),
                ScriptRun.Scenario.of("freeze", 5, 3, TWO)).paths().get(0);
    }

    @Test
    void theInstanceIsTheFirstWordThatIsNotAnOption() {
        SessionCall c = path("csession -q CACHE -U %SYS '##Class(Backup.General).ExternalFreeze()'").calls().get(0);
        assertEquals(Optional.of("CACHE"), c.instance());
        assertEquals(CallKind.FREEZE, c.kind());
        assertEquals("##Class(Backup.General).ExternalFreeze()", c.objectScript(), "-U and its namespace are no ObjectScript");
        SessionCall b = path("irissession IRIS -B -U%SYS '##Class(Backup.General).ExternalThaw()'").calls().get(0);
        assertEquals(Optional.of("IRIS"), b.instance());
        assertEquals(CallKind.THAW, b.kind());
        assertEquals("##Class(Backup.General).ExternalThaw()", b.objectScript());
        SessionCall none = path("iris session").calls().get(0);
        assertTrue(none.instance().isEmpty());
        assertEquals("the command names no instance", none.instanceWhy());
        SessionCall unknown = path("I=$(cat /f)\niris session $I -U%SYS '##Class(Backup.General).ExternalFreeze()'")
                .calls().get(0);
        assertTrue(unknown.instance().isEmpty());
        assertTrue(unknown.instanceWhy().contains("cat /f"), unknown.instanceWhy());
        assertTrue(path("iris list").calls().isEmpty(), "iris without session is no session");
        assertTrue(path("iris").calls().isEmpty());
    }

    @Test
    void herestringsAndWrappersNameTheKind() {
        ScriptRun.Path p = path("iris session IRIS -U%SYS <<< '##Class(Backup.General).ExternalThaw()'\nexit $?");
        assertEquals(CallKind.THAW, p.calls().get(0).kind());
        assertEquals(3, p.exitCode(), "the thaw's status");
        ScriptRun.Path w = path("/epic/bin/instthaw prd\nexit $?");
        assertEquals(CallKind.THAW, w.calls().get(0).kind());
        assertTrue(w.calls().get(0).wrapper());
        assertEquals(Optional.of("prd"), w.calls().get(0).instance());
        assertEquals(3, w.exitCode());
        ScriptRun.Path other = path("iris session IRIS -U%SYS 'write 1'\nexit $?");
        assertEquals(CallKind.OTHER, other.calls().get(0).kind());
        assertFalse(other.decided(), "an other session's status is not modelled");
        ScriptRun.Path v = path("M=ExternalFreeze\niris session IRIS -U%SYS \"##Class(Backup.General).$M()\"\nexit $?");
        assertEquals(CallKind.FREEZE, v.calls().get(0).kind(), "the kind is read after expansion too");
        assertEquals(5, v.exitCode());
    }

    @Test
    void crlfAndLongScriptsAreProblemsOnTheirLine() {
        ShellScript s = ShellScript.parse("#!/bin/sh\necho a\necho b\r\necho c\r\n");
        assertEquals(2, s.crlfLines());
        assertEquals(3, s.problems().get(0).line());
        assertTrue(s.problems().get(0).why().startsWith("2 line(s)"), s.problems().get(0).why());
        assertEquals(1, ShellScript.parse("\r\n").crlfLines());
        assertEquals(0, ShellScript.parse("\n\r").crlfLines(), "a CR after the line feed ends no line");
        StringBuilder big = new StringBuilder();
        while (big.length() <= ShellScript.MAX_CHARS) {
            big.append("echo 12345678\n");
        }
        ShellScript cut = ShellScript.parse(big.toString());
        assertEquals(ShellScript.MAX_CHARS / 14 + 1, cut.problems().get(0).line());
        assertEquals(ShellScript.MAX_CHARS, cut.text().length());
        assertTrue(ShellScript.parse(null).readable());
        assertTrue(ShellScript.parse("#".repeat(ShellScript.MAX_CHARS)).readable(), "exactly the limit is read whole");
        ShellScript lines = ShellScript.parse("\n".repeat(ShellScript.MAX_CHARS + 1) + "x");
        assertEquals(ShellScript.MAX_CHARS + 1, lines.problems().get(0).line(), "the cut is on the line after the last line feed read");
    }

    @Test
    void quotedReservedWordsAreCommandsNotKeywords() {
        ShellScript s = ShellScript.parse("'if' x\n");
        assertTrue(s.readable(), s.problems().toString());
        assertEquals("if", ((Node.Simple) s.body().commands().get(0)).words().get(0).literal());
        assertFalse(ShellScript.parse("if true; then echo; 'fi'\n").readable(), "a quoted fi does not end the if");
        assertEquals(null, ((Node.Simple) ShellScript.parse("echo $X\n").body().commands().get(0)).words().get(1)
                .literal());
    }

    @Test
    void functionsTooDeepAreUndecided() {
        ScriptRun.Path p = path("f() { f; }\nf");
        assertFalse(p.decided());
        assertTrue(p.undecided().contains("deeper than"), p.undecided());
        assertEquals(List.of(3), Scripts.exits(ScriptRun.run(ShellScript.parse("f() { g; }\ng() { return 3; }\nf\n"),
                ScriptRun.Scenario.of("freeze", 5, 5, TWO))));
        assertEquals(List.of(0), Scripts.exits(ScriptRun.run(ShellScript.parse(
                "f() { [ \"$1\" = a ] || return 1; }\nf a x\n[ \"$1\" = freeze ] && exit 0\nexit 9\n"),
                ScriptRun.Scenario.of("freeze", 5, 5, TWO))), "the arguments come back after the call");
    }

    @Test
    void whileReadOverTheInstanceListGivesEachNameAndUnknownFields() {
        ScriptRun.Result r = ScriptRun.run(ShellScript.parse("#!/bin/sh\n"
                + "ccontrol qall | while read name dir; do [ -n \"$dir\" ] && echo; csession $name -U%SYS "
                + "'##Class(Backup.General).ExternalFreeze()'; done\nexit 0\n"), ScriptRun.Scenario.of("freeze", 5, 5, TWO));
        assertTrue(r.paths().stream().allMatch(p -> p.calls(CallKind.FREEZE).stream().map(SessionCall::instance)
                .toList().equals(List.of(Optional.of("IRIS"), Optional.of("TEST")))), r.paths().toString());
        ScriptRun.Result none = ScriptRun.run(ShellScript.parse("#!/bin/sh\niris qlist | while read n; do exit 4; done\n"
                + "exit $?\n"), ScriptRun.Scenario.of("freeze", 5, 5, List.of()));
        assertEquals(List.of(0), Scripts.exits(none), "no instance, no round");
        ScriptRun.Result plain = ScriptRun.run(ShellScript.parse("#!/bin/sh\necho x | while read n; do exit 4; done\n"
                + "exit 0\n"), ScriptRun.Scenario.of("freeze", 5, 5, TWO));
        assertTrue(Scripts.exits(plain).contains(0), "a read from other text is not the instance list");
        SessionCall sub = ScriptRun.run(ShellScript.parse("#!/bin/sh\nfor i in $(iris qlist); do csession $i -U%SYS "
                + "'##Class(Backup.General).ExternalFreeze()'; done\n"), ScriptRun.Scenario.of("freeze", 5, 5, TWO))
                .paths().get(0).calls().get(1);
        assertEquals(Optional.of("TEST"), sub.instance(), "$(iris qlist) gives the running instances' names");
    }
}
