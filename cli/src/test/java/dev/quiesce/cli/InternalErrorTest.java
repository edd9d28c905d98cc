package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A bug in quiesce must not read as a verdict: exit 1 means "a rule failed". */
class InternalErrorTest {
    @Test
    void anUnexpectedErrorIsOneLineAndExitFour() {
        StringWriter err = new StringWriter();
        int exit = QuiesceCommand.internalError(new PrintWriter(err, true),
                new OutOfMemoryError("Java heap space\u001b[2J"));

        assertEquals(4, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("quiesce: internal error, a bug in quiesce"), err.toString());
        assertFalse(err.toString().contains("\u001b"), "a terminal escape in the message is shown, not obeyed");
        assertTrue(err.toString().contains("java.lang.OutOfMemoryError: Java heap space\\x1b[2J"), err.toString());
    }

    @Test
    void aConfigurationMessageKeepsItsLinesAndLosesItsEscapes() {
        assertEquals("a\\x1b]0;x\\x07\nb", TerminalText.safeLines("a\u001b]0;x\u0007\nb"));
    }
}
