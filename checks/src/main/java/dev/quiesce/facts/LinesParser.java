package dev.quiesce.facts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads a line scan. The body is the files scanned, each as {@code <byte count>|/path} on a line, then
 * what {@code grep -a -F -H -n} printed for them from the root ({@code ./path:number:text} lines), cut
 * at the cap plus one byte; the status is grep's (0 a line matched, 1 none did, 2 an error). A line is
 * read at the byte level by the file names scanned (longest first), so a name holding {@code :} or a
 * newline stays whole, and a line that names no file scanned makes the scan unknown rather than misread.
 */
final class LinesParser {
    private LinesParser() {}

    static Fact<Lines> read(FactRequest.FileLines request, Answer answer, AnswerContext context) {
        int status = answer.exitStatus();
        if (status < 0) {
            return Failures.of(request, answer, context);
        }
        Optional<Lines> lines = parse(answer.body(), request.maxBytes());
        if (lines.isEmpty() || lines.get().files().isEmpty()) {
            return Failures.unexpected(request, answer, context);
        }
        // grep is stopped by a broken pipe once the cap is reached; its status then says nothing.
        if (status > 1 && !lines.get().truncated()) {
            return new Fact.Unknown<>(Fact.Cause.UNEXPECTED, "grep could not read " + request.subject() + ": "
                    + (answer.stderr().length == 0 ? "exit " + status : Failures.firstLine(answer.stderrText())),
                    context.evidence(request, Failures.excerpt(answer)));
        }
        return new Fact.Present<>(lines.get(), context.evidence(request, excerpt(lines.get())));
    }

    static Optional<Lines> parse(byte[] body, int maxBytes) {
        List<byte[]> names = new ArrayList<>();
        int position = 0;
        while (position < body.length && digit(body[position])) {
            int bar = position;
            while (bar < body.length && bar - position < 10 && digit(body[bar])) {
                bar++;
            }
            if (bar >= body.length || body[bar] != '|') {
                return Optional.empty();
            }
            long length = Long.parseLong(new String(body, position, bar - position, StandardCharsets.US_ASCII));
            if (length > body.length - bar - 2 || body[bar + 1 + (int) length] != '\n') {
                return Optional.empty();
            }
            names.add(Arrays.copyOfRange(body, bar + 1, bar + 1 + (int) length));
            position = bar + 2 + (int) length;
        }
        byte[] matched = Arrays.copyOfRange(body, position, body.length);
        boolean truncated = matched.length > maxBytes;
        if (truncated) {
            // The last line was cut inside: keep only whole lines.
            int end = maxBytes;
            while (end > 0 && matched[end - 1] != '\n') {
                end--;
            }
            matched = Arrays.copyOf(matched, end);
        }
        List<byte[]> longestFirst = names.stream().sorted(Comparator.comparingInt((byte[] n) -> n.length).reversed())
                .toList();
        List<Lines.Line> lines = new ArrayList<>();
        int at = 0;
        while (at < matched.length) {
            Optional<int[]> line = line(matched, at, longestFirst);
            if (line.isEmpty()) {
                return Optional.empty();
            }
            int[] l = line.get(); // name index, number start, number end, line end
            lines.add(new Lines.Line(text(longestFirst.get(l[0])), Long.parseLong(new String(matched, l[1], l[2] - l[1],
                    StandardCharsets.US_ASCII)), new String(matched, l[2] + 1, l[3] - l[2] - 1, StandardCharsets.UTF_8)));
            at = l[3] + 1;
        }
        return Optional.of(new Lines(names.stream().map(LinesParser::text).toList(), lines, truncated));
    }

    /** {@code ./<name>:<digits>:<text>\n} at {@code at}, for the first (longest) name that fits. */
    private static Optional<int[]> line(byte[] bytes, int at, List<byte[]> names) {
        for (int n = 0; n < names.size(); n++) {
            byte[] name = names.get(n);
            int start = at + 1 + name.length;
            if (start < bytes.length && bytes[at] == '.' && Arrays.equals(bytes, at + 1, start, name, 0, name.length)
                    && bytes[start] == ':') {
                int digits = start + 1;
                while (digits < bytes.length && digits - start <= 18 && digit(bytes[digits])) {
                    digits++;
                }
                int end = digits;
                while (end < bytes.length && bytes[end] != '\n') {
                    end++;
                }
                if (digits > start + 1 && digits < bytes.length && bytes[digits] == ':' && end < bytes.length) {
                    return Optional.of(new int[] {n, start + 1, digits, end});
                }
            }
        }
        return Optional.empty();
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String excerpt(Lines lines) {
        List<String> out = new ArrayList<>();
        out.add("read " + lines.files().size() + " file(s): " + String.join(", ", lines.files().stream()
                .map(ShownText::escaped).toList()));
        if (lines.lines().isEmpty()) {
            out.add("(no line matched)");
        }
        lines.lines().forEach(l -> out.add(ShownText.escaped(l.file()) + ":" + l.number() + ":" + l.text()));
        if (lines.truncated()) {
            out.add("[... cut at the byte cap]");
        }
        return String.join("\n", out);
    }
}
