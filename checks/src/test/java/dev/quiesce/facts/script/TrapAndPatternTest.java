package dev.quiesce.facts.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whether a trap thaws (through whatever functions and compound commands it names), {@code case} patterns
 * as the shell matches them, ObjectScript argument lists, and how a scenario is named in a finding.
 */
class TrapAndPatternTest {
    private static final String THAW = "iris session IRIS -U%SYS \"##Class(Backup.General).ExternalThaw()\"";
    private static final String FREEZE = "iris session IRIS -U%SYS \"##Class(Backup.General).ExternalFreeze()\"";

    private static boolean trapThaws(String functions, String action) {
        ShellScript s = ShellScript.parse("#!/bin/bash\n" + functions + "\ntrap '" + action + "' ERR\ntrue\n");
        assertTrue(s.readable(), s.problems().toString());
        return ScriptRun.run(s, ScriptRun.Scenario.of("freeze", 5, 5, List.of("IRIS"))).paths().get(0).trapThaws();
    }

    @Test
    void aTrapThawsThroughFunctionsAndCompoundCommands() {
        assertTrue(trapThaws("", THAW));
        assertFalse(trapThaws("", FREEZE), "a freeze is not a thaw");
        assertFalse(trapThaws("", "echo failed"));
        assertTrue(trapThaws("", "/usr/local/bin/instthaw"));
        assertFalse(trapThaws("", "instfreeze"));
        assertTrue(trapThaws("t() { " + THAW + "; }", "t"));
        assertTrue(trapThaws("t() { if [ -n x ]; then echo; else " + THAW + "; fi; }", "t"));
        assertTrue(trapThaws("t() { if " + THAW + "; then echo; fi; }", "t"));
        assertTrue(trapThaws("t() { if false; then echo; elif true; then " + THAW + "; fi; }", "t"));
        assertTrue(trapThaws("t() { case $1 in x) " + THAW + ";; esac; }", "t"));
        assertTrue(trapThaws("t() { for i in IRIS; do " + THAW + "; done; }", "t"));
        assertTrue(trapThaws("t() { while " + THAW + "; do break; done; }", "t"));
        assertTrue(trapThaws("t() { until false; do " + THAW + "; done; }", "t"));
        assertTrue(trapThaws("t() { ( " + THAW + " ); }", "t"));
        assertTrue(trapThaws("t() { echo x | " + THAW + "; }", "t"));
        assertTrue(trapThaws("t() { false || " + THAW + "; }", "t"));
        assertTrue(trapThaws("t() { X=$(" + THAW + "); }", "t"), "the call is in an assignment's value");
        assertTrue(trapThaws("t() { echo $(" + THAW + "); }", "t"));
        assertTrue(trapThaws("t() { iris session IRIS -U%SYS <<EOF\n##Class(Backup.General).ExternalThaw()\nEOF\n}", "t"));
        assertTrue(trapThaws("u() { " + THAW + "; }\nt() { u; }", "t"), "through a second function");
        assertFalse(trapThaws("t() { t; }", "t"), "a function calling itself ends the search");
        assertFalse(trapThaws("t() { [[ -n x ]]; }", "t"));
        assertFalse(trapThaws("t() { if true; then echo; fi; case x in y) echo;; esac; while false; do :; done; }",
                "t"));
        assertFalse(trapThaws("", "u"), "a function never defined");
    }

    private static List<Integer> arm(String argument, String arms) {
        ShellScript s = ShellScript.parse("#!/bin/sh\ncase \"$1\" in\n" + arms + "\nesac\nexit 99\n");
        assertTrue(s.readable(), s.problems().toString());
        return Scripts.exits(ScriptRun.run(s, ScriptRun.Scenario.of(argument, 5, 5, List.of())));
    }

    @Test
    void casePatternsMatchAsTheShellDoes() {
        String arms = "[Ff]reeze) exit 1;;\n[!t]haw) exit 2;;\nt?aw) exit 3;;\n\"a*\") exit 4;;\nb\\*) exit 5;;\n"
                + "c[) exit 6;;\nd.e) exit 7;;\n*Fail) exit 8;;";
        assertEquals(List.of(1), arm("freeze", arms));
        assertEquals(List.of(1), arm("Freeze", arms));
        assertEquals(List.of(2), arm("xhaw", arms));
        assertEquals(List.of(3), arm("thaw", arms));
        assertEquals(List.of(99), arm("thaww", arms));
        assertEquals(List.of(4), arm("a*", arms));
        assertEquals(List.of(99), arm("ab", arms), "a quoted * is literal");
        assertEquals(List.of(5), arm("b*", arms));
        assertEquals(List.of(99), arm("bx", arms), "an escaped * is literal");
        assertEquals(List.of(6), arm("c[", arms), "an unclosed [ is literal");
        assertEquals(List.of(7), arm("d.e", arms));
        assertEquals(List.of(99), arm("dxe", arms), "a dot is literal");
        assertEquals(List.of(8), arm("freezeFail", arms));
        assertEquals(List.of(99), arm("freezefail", arms));
        assertEquals(List.of(1), arm("a\\", "a\\\\) exit 1;;"));
        assertEquals(List.of(1), arm("a[b", "a[[]b) exit 1;;"));
        assertEquals(List.of(1), arm("[]", "[]) exit 1;;"), "[] is no set: a ] right after [ is a member");
    }

    @Test
    void objectScriptArgumentsOfTheBackupCall() {
        assertEquals(List.of("\"/tmp/l\"", "", "", "", "", "", "1800"),
                ObjectScriptArguments.of("w ##Class(Backup.General).ExternalFreeze(\"/tmp/l\",,,,,,1800)"));
        assertEquals(List.of(""), ObjectScriptArguments.of("##Class(Backup.General).ExternalThaw()"));
        assertEquals(List.of("1", "(2,3)"), ObjectScriptArguments.of("##Class(Backup.General).ExternalFreeze(1, (2,3) )"));
        assertEquals(List.of("\"a\"\"\"", "2"), ObjectScriptArguments.of("##Class(Backup.General).ExternalFreeze(\"a\"\"\",2)"));
        assertEquals(List.of("\"x\"\""), ObjectScriptArguments.of("##Class(Backup.General).ExternalFreeze(\"x\"\""),
                "an unclosed string runs to the end");
        assertEquals(List.of("1", "2"), ObjectScriptArguments.of("##Class(Backup.General).ExternalFreeze(1,2"),
                "no closing parenthesis: what there was");
        assertEquals(List.of(), ObjectScriptArguments.of("##Class(Backup.General).ExternalFreeze"));
        assertEquals(List.of(), ObjectScriptArguments.of(null));
        assertEquals(List.of("a"), ObjectScriptArguments.of("##Class(Backup.General).X(a)"));
        assertEquals(List.of("\"ab\""), ObjectScriptArguments.of("##Class(Backup.General).ExternalFreeze(\"ab\""),
                "a quote that ends the text closes the string");
        assertEquals(List.of("1"), ObjectScriptArguments.of("Backup.General).ExternalFreeze(1)"));
    }

    @Test
    void aScenarioIsNamedForAFinding() {
        assertEquals("$1=freeze, freeze returns 5, thaw returns 3, running IRIS,TEST",
                ScriptRun.Scenario.of("freeze", 5, 3, List.of("IRIS", "TEST")).describe());
        assertEquals("no argument, freeze returns 1, thaw returns 5, running none",
                ScriptRun.Scenario.of(null, 1, 5, List.of()).describe());
        assertTrue(ScriptRun.callsBackupGeneral("x instthaw"));
        assertTrue(ScriptRun.callsBackupGeneral("instfreeze"));
        assertTrue(ScriptRun.callsBackupGeneral("ExternalThaw"));
        assertFalse(ScriptRun.callsBackupGeneral("echo"));
    }
}
