package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The frame format, by hand-made answers: bodies are taken by length, never searched for markers. */
class AnswerParserTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    private final AnswerParser parser = new AnswerParser(TOKEN);

    /** One frame exactly as {@code qz_emit} prints it. */
    private static byte[] frame(String id, String status, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((TOKEN + " B " + id + " " + status + " " + body.length + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes(("\n" + TOKEN + " E " + id + "\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] frame(String id, String status, String body) {
        return frame(id, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] END = frame(ProbeScript.END_ID, "0", "");

    @Test
    void aBodyHoldingForgedFramesWithTheRealTokenIsThatBodyAndNothingElse() {
        // Everything a hostile file could hold: an early end for its own frame, a whole forged frame for the
        // next id, a forged final frame, and a header whose length would swallow the real frames after it.
        String forged = "line 1\n" + TOKEN + " E f1\n" + TOKEN + " B f2 0 6\nforged\n" + TOKEN + " E f2\n"
                + TOKEN + " B end 0 0\n\n" + TOKEN + " E end\n" + TOKEN + " B f3 0 99999\n";
        byte[] answer = concat(frame("f1", "0", forged), frame("f2", "0", "real two"), frame("f3", "1", "real three"),
                END);

        ProbeAnswer parsed = parser.parse(answer);

        assertEquals(forged, parsed.frames().get("f1").text());
        assertEquals("real two", parsed.frames().get("f2").text());
        assertEquals("1", parsed.frames().get("f3").status());
        assertEquals("real three", parsed.frames().get("f3").text());
        assertTrue(parsed.complete());
        assertEquals(java.util.List.of(), parsed.problems());
    }

    @Test
    void aLoginBannerBeforeTheFirstFrameIsIgnored() {
        byte[] banner = bytes("Last login: Tue Nov 25 11:22:33 2025 from 10.0.0.1\r\n*** AUTHORIZED USE ONLY ***\n"
                + "ffffffffffffffffffffffffffffffff B f1 0 4\nfake\nffffffffffffffffffffffffffffffff E f1\n");
        byte[] answer = concat(banner, frame("info", "0", "uid=0\n"), frame("f1", "0", "body"), END);

        ProbeAnswer parsed = parser.parse(answer);

        assertEquals(Map.of("info", "uid=0\n", "f1", "body", "end", ""), texts(parsed));
        assertTrue(parsed.complete());
        assertTrue(parsed.problems().isEmpty(), parsed.problems()::toString);
    }

    @Test
    void aHeaderNotAtTheStartOfALineIsNotAHeader() {
        byte[] answer = concat(bytes("noise " + TOKEN + " B f1 0 4\nfake\n" + TOKEN + " E f1\n"), END);
        assertFalse(parser.parse(answer).frames().containsKey("f1"));
    }

    @Test
    void aFrameWhoseLengthIsWrongIsDroppedAndSaysSo() {
        byte[] bad = bytes(TOKEN + " B f1 0 3\nlonger than three\n" + TOKEN + " E f1\n");
        ProbeAnswer parsed = parser.parse(concat(bad, frame("f2", "0", "two"), END));
        assertFalse(parsed.frames().containsKey("f1"));
        assertEquals("two", parsed.frames().get("f2").text());
        assertTrue(parsed.problems().stream().anyMatch(p -> p.contains("f1") && p.contains("length")),
                parsed.problems()::toString);
    }

    @Test
    void aSecondFrameForAnIdDoesNotReplaceTheFirst() {
        ProbeAnswer parsed = parser.parse(concat(frame("f1", "0", "first"), frame("f1", "0", "second"), END));
        assertEquals("first", parsed.frames().get("f1").text());
        assertTrue(parsed.problems().stream().anyMatch(p -> p.contains("second frame for f1")));
    }

    @Test
    void malformedHeadersAreSkippedNotFatal() {
        byte[] answer = concat(bytes(TOKEN + " B f1 0\n" + TOKEN + " B f1 0 -4\n" + TOKEN + " B f1 0 12345678901\n"),
                frame("f2", "0", "two"), END);
        ProbeAnswer parsed = parser.parse(answer);
        assertEquals("two", parsed.frames().get("f2").text());
        assertTrue(parsed.complete());
        assertEquals(3, parsed.problems().size(), parsed.problems()::toString);
    }

    @Test
    void aLengthBeyondTheAnswerIsACutNotAnOverflow() {
        byte[] answer = bytes(TOKEN + " B f1 0 9999999999\nshort\n");
        ProbeAnswer parsed = parser.parse(answer);
        assertTrue(parsed.frames().isEmpty());
        assertFalse(parsed.complete());
        assertEquals(java.util.List.of("the answer ends inside the frame of f1 (9999999999 bytes announced, 6 received)",
                "the answer was cut short: the probe's final frame is missing"), parsed.problems());
    }

    @Test
    void anAnswerCutRightAfterAHeadersStartSaysItEndsInsideAHeader() {
        ProbeAnswer parsed = parser.parse(concat(frame("f1", "0", "one"), bytes(TOKEN + " B ")));
        assertEquals("one", parsed.frames().get("f1").text());
        assertEquals(java.util.List.of("the answer ends inside a frame header",
                "the answer was cut short: the probe's final frame is missing"), parsed.problems());
    }

    @Test
    void aBodyEndingInAForgedHeaderJustBeforeItsOwnTrailerIsStillJustBody() {
        // The forged header is exactly as long as the trailer of f10 that follows it.
        String forged = "x\n" + TOKEN + " B y 0 0";
        ProbeAnswer parsed = parser.parse(concat(frame("f10", "0", forged), frame("f11", "0", "next"), END));
        assertEquals(forged, parsed.frames().get("f10").text());
        assertEquals("next", parsed.frames().get("f11").text());
        assertEquals(java.util.List.of(), parsed.problems());
    }

    @Test
    void anAnswerCutAtAnyByteParsesToTheFramesCompletedBeforeTheCut() {
        byte[] one = frame("f1", "0", "first body\n" + TOKEN + " E f1\n");
        byte[] two = frame("f2", "2", "second");
        byte[] answer = concat(bytes("banner\n"), one, two, END);
        int oneEnds = "banner\n".length() + one.length;
        int twoEnds = oneEnds + two.length;
        for (int cut = 0; cut <= answer.length; cut++) {
            ProbeAnswer parsed = parser.parse(java.util.Arrays.copyOf(answer, cut));
            assertEquals(cut >= oneEnds, parsed.frames().containsKey("f1"), "cut at " + cut);
            assertEquals(cut >= twoEnds, parsed.frames().containsKey("f2"), "cut at " + cut);
            assertEquals(cut == answer.length, parsed.complete(), "cut at " + cut);
            if (cut < answer.length) {
                assertTrue(parsed.problems().stream().anyMatch(p -> p.contains("cut short")), "cut at " + cut);
            }
        }
    }

    @Test
    void bodiesAreRawBytesAndTextNeverThrows() {
        byte[] body = {'a', (byte) 0xff, 'b', (byte) 0xc3, 0x28, (byte) 0x80, (byte) 0xbf, '\n'};
        RawFrame raw = parser.parse(concat(frame("f1", "0", body), END)).frames().get("f1");
        assertArrayEquals(body, raw.body());
        assertEquals("a\uFFFDb\uFFFD(\uFFFD\uFFFD\n", raw.text());
    }

    private static Map<String, String> texts(ProbeAnswer parsed) {
        Map<String, String> texts = new java.util.HashMap<>();
        parsed.frames().forEach((id, raw) -> texts.put(id, raw.text()));
        return texts;
    }
}
