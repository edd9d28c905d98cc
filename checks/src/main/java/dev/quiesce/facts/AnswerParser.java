package dev.quiesce.facts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the framed answer of a {@link ProbeScript}. Bytes outside frames (a login banner, shell noise)
 * are ignored; a frame is only recognised by the run's token at the start of a line, and its body is
 * taken by its declared length, never by searching for a marker inside it.
 */
public final class AnswerParser {
    private final byte[] headerStart;
    private final String token;

    public AnswerParser(String token) {
        this.token = token;
        this.headerStart = (token + " B ").getBytes(StandardCharsets.US_ASCII);
    }

    public ProbeAnswer parse(byte[] answer) {
        Map<String, RawFrame> frames = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int position = 0;
        while (true) {
            int header = find(answer, headerStart, position);
            if (header < 0) {
                break;
            }
            if (header > 0 && answer[header - 1] != '\n') {
                position = header + 1;
                continue;
            }
            int lineEnd = indexOf(answer, (byte) '\n', header);
            if (lineEnd < 0) {
                problems.add("the answer ends inside a frame header");
                break;
            }
            String[] fields = new String(answer, header, lineEnd - header, StandardCharsets.US_ASCII).split(" ");
            if (fields.length != 5 || !fields[4].matches("[0-9]{1,10}")) {
                problems.add("malformed frame header: " + String.join(" ", Arrays.copyOfRange(fields, 1,
                        fields.length)));
                position = lineEnd + 1;
                continue;
            }
            String id = fields[2];
            long length = Long.parseLong(fields[4]);
            int bodyStart = lineEnd + 1;
            byte[] trailer = ("\n" + token + " E " + id + "\n").getBytes(StandardCharsets.US_ASCII);
            if (bodyStart + length + trailer.length > answer.length) {
                problems.add("the answer ends inside the frame of " + id + " (" + length + " bytes announced, "
                        + Math.max(0, answer.length - bodyStart) + " received)");
                break;
            }
            int bodyEnd = bodyStart + (int) length;
            if (!Arrays.equals(answer, bodyEnd, bodyEnd + trailer.length, trailer, 0, trailer.length)) {
                problems.add("the frame of " + id + " does not end where its length says; ignored");
                position = bodyStart;
                continue;
            }
            if (frames.putIfAbsent(id, new RawFrame(fields[3], Arrays.copyOfRange(answer, bodyStart, bodyEnd)))
                    != null) {
                problems.add("a second frame for " + id + " was ignored");
            }
            position = bodyEnd + trailer.length;
        }
        boolean complete = frames.containsKey(ProbeScript.END_ID);
        if (!complete) {
            problems.add("the answer was cut short: the probe's final frame is missing");
        }
        return new ProbeAnswer(frames, problems, complete);
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int find(byte[] bytes, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
