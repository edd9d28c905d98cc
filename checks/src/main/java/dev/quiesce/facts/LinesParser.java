package dev.quiesce.facts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a line scan. The body is the matching files left unread, each as {@code O<byte count>|/path}
 * (older than the window) or {@code Z<byte count>|/path} (a {@code .gz} with nothing to decompress it) on
 * a line, then the files scanned, each as {@code <byte count>|/path} on a line, then,
 * for each file in turn, {@code @<n>} (the n-th file of that list) and what {@code grep -a -F -n}
 * printed for it ({@code number:text} lines, NUL bytes dropped on the host first), all cut at the cap
 * plus one byte; the status is grep's worst (0 a line matched, 1 none did, 2 a file could not be read).
 * A line's file is named by its index, never by parsing its text, so a name holding {@code :<n>:} or a
 * newline cannot pass a line off as another file's; anything malformed makes the scan unknown.
 */
final class LinesParser {
    private LinesParser() {}

    static Fact<Lines> read(FactRequest.FileLines request, Answer answer, AnswerContext context) {
        int status = answer.exitStatus();
        if (status < 0) {
            return Failures.of(request, answer, context);
        }
        Optional<Lines> lines = parse(answer.body(), request.maxBytes());
        if (lines.isEmpty() || lines.get().files().isEmpty() && lines.get().skipped().isEmpty()) {
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
        List<Lines.Skipped> skipped = new ArrayList<>();
        int position = 0;
        while (position < body.length) {
            Lines.Reason reason = switch (body[position]) {
                case 'O' -> Lines.Reason.OLDER_THAN_WINDOW;
                case 'Z' -> Lines.Reason.NO_DECOMPRESSOR;
                default -> null;
            };
            int start = position + (reason == null ? 0 : 1);
            if (start >= body.length || body[start] < '0' || body[start] > '9') {
                if (reason != null) {
                    return Optional.empty(); // a skip mark with no count
                }
                break;
            }
            int bar = digits(body, start);
            if (bar - start > 10 || bar >= body.length || body[bar] != '|') {
                return Optional.empty();
            }
            long length = Long.parseLong(new String(body, start, bar - start, StandardCharsets.US_ASCII));
            if (length > body.length - bar - 2 || body[bar + 1 + (int) length] != '\n') {
                return Optional.empty();
            }
            byte[] name = Arrays.copyOfRange(body, bar + 1, bar + 1 + (int) length);
            if (reason == null) {
                names.add(name);
            } else if (!names.isEmpty()) {
                return Optional.empty(); // the probe names every file left unread before the files read
            } else {
                skipped.add(new Lines.Skipped(text(name), reason));
            }
            position = bar + 2 + (int) length;
        }
        byte[] matched = Arrays.copyOfRange(body, position, body.length);
        boolean truncated = matched.length > maxBytes;
        int end = truncated ? maxBytes : matched.length;
        if (truncated) {
            // The last line was cut inside: keep only whole lines.
            while (end > 0 && matched[end - 1] != '\n') {
                end--;
            }
        }
        List<Lines.Line> lines = new ArrayList<>();
        String file = null;
        int at = 0;
        while (at < end) {
            int lineEnd = at;
            while (lineEnd < end && matched[lineEnd] != '\n') {
                lineEnd++;
            }
            if (lineEnd == end) {
                return Optional.empty(); // an untruncated body ends with a newline
            }
            int colon = digits(matched, at + (matched[at] == '@' ? 1 : 0));
            if (matched[at] == '@') {
                // "@<n>": the lines that follow are the n-th file's
                if (colon != lineEnd || colon == at + 1) {
                    return Optional.empty();
                }
                long index = Long.parseLong(new String(matched, at + 1, colon - at - 1, StandardCharsets.US_ASCII));
                if (index < 1 || index > names.size()) {
                    return Optional.empty();
                }
                file = text(names.get((int) index - 1));
            } else {
                // "<number>:<text>", as grep -n prints a line of the current file
                if (file == null || colon == at || colon >= lineEnd || matched[colon] != ':') {
                    return Optional.empty();
                }
                lines.add(new Lines.Line(file, Long.parseLong(new String(matched, at, colon - at,
                        StandardCharsets.US_ASCII)), new String(matched, colon + 1, lineEnd - colon - 1,
                        StandardCharsets.UTF_8)));
            }
            at = lineEnd + 1;
        }
        if (names.isEmpty() && matched.length > 0) {
            return Optional.empty(); // lines, or anything else, after no file read
        }
        return Optional.of(new Lines(names.stream().map(LinesParser::text).toList(), lines, truncated, skipped));
    }

    /** Where the run of at most 18 digits starting at {@code from} ends. */
    private static int digits(byte[] bytes, int from) {
        int end = from;
        while (end < bytes.length && end - from < 18 && bytes[end] >= '0' && bytes[end] <= '9') {
            end++;
        }
        return end;
    }

    private static String text(byte[] bytes) {
        return HostText.decode(bytes);
    }

    private static String excerpt(Lines lines) {
        List<String> out = new ArrayList<>();
        out.add("read " + lines.files().size() + " file(s): " + String.join(", ", lines.files().stream()
                .map(ShownText::escaped).toList()));
        if (!lines.skipped().isEmpty()) {
            out.add("left unread " + lines.skipped().size() + " file(s): " + String.join(", ", lines.skipped().stream()
                    .map(f -> ShownText.escaped(f.path()) + " (" + f.reason().words() + ")").toList()));
        }
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
