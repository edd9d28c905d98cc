package dev.quiesce.facts.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code [ ]} and {@code test} over known and unknown values: how a script's {@code [ $? -eq 5 ]} decides
 * which arm a freeze or thaw run takes, and why it leaves a test undecided.
 */
class TestCommandTest {
    /** Words; a word starting with {@code ?} is unknown, the rest of it the why. */
    private static TestCommand.Outcome test(String... words) {
        List<Value> args = new ArrayList<>();
        for (String w : words) {
            args.add(w.startsWith("?") ? Value.unknown(w.substring(1)) : Value.of(w));
        }
        return TestCommand.evaluate(args);
    }

    private static Integer status(String... words) {
        return test(words).status();
    }

    @Test
    void integerComparisonsAtEveryBoundary() {
        String[][] ops = {{"-eq", "1", "0", "1"}, {"-ne", "0", "1", "0"}, {"-lt", "0", "1", "1"},
                {"-le", "0", "0", "1"}, {"-gt", "1", "1", "0"}, {"-ge", "1", "0", "0"}};
        // each row: operator, then the status for 4 op 5, 5 op 5, 6 op 5
        for (String[] row : ops) {
            assertEquals(Integer.valueOf(row[1]), status("4", row[0], "5"), "4 " + row[0] + " 5");
            assertEquals(Integer.valueOf(row[2]), status("5", row[0], "5"), "5 " + row[0] + " 5");
            assertEquals(Integer.valueOf(row[3]), status("6", row[0], "5"), "6 " + row[0] + " 5");
        }
        assertEquals(0, status("-3", "-lt", "+2"));
        assertEquals(0, status(" 5 ", "-eq", "5"), "test strips blanks round integers");
    }

    @Test
    void integersAreNotStringsAndNonNumbersAreAnError() {
        assertEquals(0, status("05", "-eq", "5"));
        assertEquals(1, status("05", "=", "5"));
        assertEquals(0, status("0", "-eq", "0"), "a zero must not read as a non-number");
        TestCommand.Outcome error = test("abc", "-eq", "5");
        assertEquals(2, error.status());
        assertTrue(error.why().contains("integer"), error.why());
        assertEquals(2, status("5", "-eq", ""));
        assertEquals(2, status("1234567890123456789", "-eq", "1"), "beyond 18 digits is not read");
        assertNull(TestCommand.integer("5x"));
        assertEquals(7L, TestCommand.integer("7"));
    }

    @Test
    void stringComparisons() {
        assertEquals(0, status("freeze", "=", "freeze"));
        assertEquals(1, status("freeze", "=", "freezeFail"));
        assertEquals(0, status("thaw", "==", "thaw"));
        assertEquals(1, status("thaw", "==", "Thaw"));
        assertEquals(0, status("freeze", "!=", "thaw"));
        assertEquals(1, status("freeze", "!=", "freeze"));
    }

    @Test
    void unknownOperandsAndOperatorsAreUndecidedWithWhy() {
        assertEquals(TestCommand.Outcome.undecided("$(cat /rc)"), test("?$(cat /rc)", "-eq", "5"));
        assertEquals(TestCommand.Outcome.undecided("$(cat /rc)"), test("5", "=", "?$(cat /rc)"));
        assertEquals(TestCommand.Outcome.undecided("$OP"), test("5", "?$OP", "5"));
        TestCommand.Outcome op = test("a", "-nt", "b");
        assertNull(op.status());
        assertTrue(op.why().contains("-nt"), op.why());
        assertEquals(TestCommand.Outcome.undecided("$X"), test("?$X"));
        assertEquals(TestCommand.Outcome.undecided("$OP"), test("?$OP", "x"));
        assertEquals(TestCommand.Outcome.undecided("$X"), test("-z", "?$X"));
        TestCommand.Outcome four = test("a", "b", "c", "d");
        assertNull(four.status());
        assertTrue(four.why().contains("4 words"), four.why());
    }

    @Test
    void unaryStringAndFileTests() {
        assertEquals(1, status());
        assertEquals(0, status("x"));
        assertEquals(1, status(""));
        assertEquals(0, status("-n", "x"));
        assertEquals(1, status("-n", ""));
        assertEquals(0, status("-z", ""));
        assertEquals(1, status("-z", "x"));
        assertEquals(0, status("-d", "/var/log/"));
        assertEquals(0, status("-w", "/tmp"));
        TestCommand.Outcome file = test("-f", "/data/backup");
        assertNull(file.status());
        assertTrue(file.why().contains("-f /data/backup"), file.why());
        TestCommand.Outcome dir = test("-d", "/data");
        assertNull(dir.status(), "only the directories every host has are taken as there");
        TestCommand.Outcome odd = test("--foo", "x");
        assertNull(odd.status());
        assertTrue(odd.why().contains("--foo"), odd.why());
    }

    @Test
    void negationFlipsKnownOutcomesOnly() {
        assertEquals(1, status("!", "5", "-eq", "5"));
        assertEquals(0, status("!", "4", "-eq", "5"));
        assertEquals(2, status("!", "x", "-eq", "5"), "an error stays an error");
        assertNull(status("!", "-f", "/x"));
        assertEquals(0, status("!"), "a lone ! is a non-empty string");
        assertEquals(1, status("(", "", ")"));
        assertEquals(0, status("(", "x", ")"));
    }

    @Test
    void andOrCombineLeftToRight() {
        assertEquals(0, status("5", "-eq", "5", "-a", "x", "=", "x"));
        assertEquals(1, status("5", "-eq", "5", "-a", "x", "=", "y"));
        assertEquals(1, status("4", "-eq", "5", "-a", "x", "=", "x"));
        assertEquals(1, status("4", "-eq", "5", "&&", "-f", "/x"), "a false side decides an and");
        assertEquals(1, status("-f", "/x", "-a", "4", "-eq", "5"));
        assertNull(status("-f", "/x", "-a", "5", "-eq", "5"));
        assertNull(status("5", "-eq", "5", "-a", "-f", "/x"));
        assertEquals(0, status("4", "-eq", "5", "-o", "x", "=", "x"));
        assertEquals(0, status("5", "-eq", "5", "||", "x", "=", "y"));
        assertEquals(1, status("4", "-eq", "5", "-o", "x", "=", "y"));
        assertEquals(0, status("-f", "/x", "-o", "5", "-eq", "5"), "a true side decides an or");
        assertEquals(0, status("5", "-eq", "5", "-o", "-f", "/x"));
        assertNull(status("-f", "/x", "-o", "4", "-eq", "5"));
        assertNull(status("4", "-eq", "5", "-o", "-f", "/x"));
        // -o binds looser than -a: true -o (false -a ...) is true
        assertEquals(0, status("x", "-o", "", "-a", ""));
        assertEquals(1, status("", "-a", "x", "-o", ""));
        // an operator word at either end is an operand, not a connective
        assertEquals(0, status("-a"));
        assertEquals(0, status("-o"));
        assertEquals(1, status("-o", "=", "-a"));
        assertEquals(0, status("-a", "=", "-a"));
        assertEquals(0, status("?$X", "-o", "x"), "an unknown word before -o is only an operand");
        assertNull(status("x", "-o"), "a trailing -o joins nothing: x -o is a two-word test");
        assertNull(status("x", "-a"));
    }

    @Test
    void theStatusTestOfAFreezeScriptDecidesTheExit() {
        ShellScript s = ShellScript.parse("#!/bin/sh\nrc=$1\nif [ \"$rc\" != freeze -a \"$rc\" != thaw ]; then exit 9; fi\n"
                + "if test 5 -ge 5 && [ ! 3 -gt 4 ]; then exit 0; fi\nexit 1\n");
        assertEquals(List.of(0), Scripts.exits(ScriptRun.run(s, ScriptRun.Scenario.of("freeze", 5, 5, List.of()))));
        assertEquals(List.of(9), Scripts.exits(ScriptRun.run(s, ScriptRun.Scenario.of("x", 5, 5, List.of()))));
    }
}
