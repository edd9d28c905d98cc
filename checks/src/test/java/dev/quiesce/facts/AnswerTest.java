package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An answer is a value: its status and the bytes of both streams, compared by content. */
class AnswerTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void answersWithTheSameStatusAndBytesAreEqual() {
        Answer one = new Answer("0", bytes("out"), bytes("err"));
        Answer same = new Answer("0", bytes("out"), bytes("err"));
        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        assertEquals(new Answer("0", bytes("out")), new Answer("0", bytes("out"), null), "no stderr is empty stderr");
    }

    @Test
    void aDifferentStatusBodyOrStderrIsADifferentAnswer() {
        Answer one = new Answer("0", bytes("out"), bytes("err"));
        assertNotEquals(one, new Answer("1", bytes("out"), bytes("err")));
        assertNotEquals(one, new Answer("0", bytes("out!"), bytes("err")));
        assertNotEquals(one, new Answer("0", bytes("out"), bytes("err!")));
        assertNotEquals(one, (Object) "0");
        assertNotEquals(one.hashCode(), new Answer("0", bytes("other"), bytes("err")).hashCode());
    }

    @Test
    void itsTextShowsSizesNotTheBytes() {
        assertEquals("Answer[denied, 3 bytes, 0 bytes on stderr]", new Answer("denied", bytes("abc")).toString());
    }

    @Test
    void anExitStatusIsANumberOfAtMostThreeDigitsAndAWordIsNone() {
        assertEquals(0, new Answer("0", new byte[0]).exitStatus());
        assertEquals(255, new Answer("255", new byte[0]).exitStatus());
        assertEquals(-1, new Answer(Answer.NOT_FOUND, new byte[0]).exitStatus());
        assertEquals(-1, new Answer("1000", new byte[0]).exitStatus());
        assertTrue(new Answer("0", new byte[0]).ok());
        assertFalse(new Answer("00", new byte[0]).ok());
    }
}
