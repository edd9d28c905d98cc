package dev.quiesce.facts;

import dev.quiesce.model.Evidence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a probe learned on one host, read through typed views ({@link #stat}, {@link #listing},
 * {@link #content}, {@link #command}, {@link #lines}). A request with no answer reads as
 * {@link Fact.Unknown} with the reason, never as absent.
 */
public final class Facts {
    private static final int EXCERPT_CHARS = 4000;

    private final String token;
    private final String root;
    private final Map<FactRequest, RawAnswer> answers;
    private final Map<FactRequest, String> unanswered;
    private final ProbeInfo info;
    private final String note;
    private final List<String> problems;

    private Facts(String token, String root, Map<FactRequest, RawAnswer> answers,
                  Map<FactRequest, String> unanswered, ProbeInfo info, String note, List<String> problems) {
        this.token = token;
        this.root = root;
        this.answers = Map.copyOf(answers);
        this.unanswered = Map.copyOf(unanswered);
        this.info = info;
        this.note = note;
        this.problems = List.copyOf(problems);
    }

    static Facts from(ProbeTranscript transcript) {
        ProbeAnswer answer = new AnswerParser(transcript.token()).parse(transcript.answer());
        Map<FactRequest, RawAnswer> answers = new HashMap<>();
        Map<FactRequest, String> unanswered = new HashMap<>();
        String why = answer.problems().isEmpty() ? "the probe gave no answer for it"
                : String.join("; ", answer.problems());
        transcript.requests().forEach((id, request) -> {
            RawAnswer raw = answer.frames().get(id);
            if (raw != null) {
                answers.put(request, raw);
            } else if (request instanceof FactRequest.CommandOutput && !transcript.root().isEmpty()) {
                unanswered.put(request, "commands are not run when auditing a directory tree (--root "
                        + transcript.root() + "); audit the running host for this fact");
            } else {
                unanswered.put(request, why);
            }
        });
        RawAnswer infoFrame = answer.frames().get(ProbeScript.INFO_ID);
        ProbeInfo info = infoFrame == null ? ProbeInfo.UNKNOWN : ProbeInfo.parse(infoFrame.text());
        return new Facts(transcript.token(), transcript.root(), answers, unanswered, info, transcript.note(),
                answer.problems());
    }

    public ProbeInfo info() {
        return info;
    }

    /** What was wrong with the answer as a whole (cut short, broken frames); empty for a sound answer. */
    public List<String> problems() {
        return problems;
    }

    public Fact<FileInfo> stat(String path) {
        FactRequest request = new FactRequest.FileStat(path);
        return read(request, raw -> StatParser.parse(path, raw.text())
                .<Fact<FileInfo>>map(f -> new Fact.Present<>(f, evidence(request, f.summary())))
                .orElseGet(() -> unexpected(request, raw)));
    }

    public Fact<List<FileInfo>> listing(String directory) {
        FactRequest request = new FactRequest.DirectoryListing(directory);
        return read(request, raw -> ListingParser.parse(token, root + directory, directory, raw.text())
                .<Fact<List<FileInfo>>>map(entries -> new Fact.Present<>(entries, evidence(request,
                        entries.isEmpty() ? "(empty)" : String.join("\n", entries.stream()
                                .map(e -> e.summary() + "  " + e.name()).toList()))))
                .orElseGet(() -> unexpected(request, raw)));
    }

    /** The file's first bytes as text; a longer file is cut at {@code maxBytes} (see {@link Content}). */
    public Fact<Content> content(String path, int maxBytes) {
        FactRequest request = new FactRequest.FileContent(path, maxBytes);
        return read(request, raw -> {
            Content content = capped(raw, maxBytes);
            return new Fact.Present<>(content, evidence(request, content.text()));
        });
    }

    /** A command's output and exit status; {@link Fact.Absent} when the command is not installed. */
    public Fact<CommandResult> command(AllowedCommand command, List<String> arguments) {
        FactRequest request = new FactRequest.CommandOutput(command, arguments);
        RawAnswer raw = answers.get(request);
        if (raw != null && raw.status().matches("[0-9]{1,3}")) {
            return new Fact.Present<>(new CommandResult(Integer.parseInt(raw.status()), raw.text()),
                    evidence(request, "exit " + raw.status() + "\n" + raw.text()));
        }
        return read(request, r -> unexpected(request, r));
    }

    /**
     * Matching lines as {@code file:line:text}, the file named as from {@code /} (without the --root
     * prefix, as listings name entries); cut at the request's byte cap.
     */
    public Fact<Content> lines(FactRequest.FileLines request) {
        if (answers.get(request) instanceof RawAnswer raw && raw.status().equals("nofiles")) {
            return new Fact.Present<>(new Content("", false), evidence(request, "(no file matches "
                    + request.namePattern() + ")"));
        }
        return read(request, raw -> {
            Content capped = capped(raw, request.maxBytes());
            // The probe greps from the root with "./" names, so that the --root prefix never shows; a
            // matched line holds no newline, so each "./" at the start of a line is a file name's.
            Content content = new Content(("\n" + capped.text()).replace("\n./", "\n/").substring(1),
                    capped.truncated());
            return new Fact.Present<>(content, evidence(request, content.text()));
        });
    }

    /** The body as text, cut at {@code maxBytes}: the probe asks for one byte more, to tell a longer file. */
    private static Content capped(RawAnswer raw, int maxBytes) {
        boolean truncated = raw.body().length > maxBytes;
        byte[] bytes = truncated ? java.util.Arrays.copyOf(raw.body(), maxBytes) : raw.body();
        return new Content(new RawAnswer(raw.status(), bytes).text(), truncated);
    }

    private <T> Fact<T> read(FactRequest request, java.util.function.Function<RawAnswer, Fact<T>> onSuccess) {
        RawAnswer raw = answers.get(request);
        if (raw == null) {
            String reason = unanswered.getOrDefault(request, "this fact was not collected (the capture was made "
                    + "with other rule packs; collect again with the packs of this audit)");
            return new Fact.Unknown<>(reason, evidence(request, ""));
        }
        if (raw.ok()) {
            return onSuccess.apply(raw);
        }
        return failure(request, raw);
    }

    private <T> Fact<T> failure(FactRequest request, RawAnswer raw) {
        String text = raw.text().strip();
        Evidence evidence = evidence(request, "status " + raw.status() + (text.isEmpty() ? "" : ": " + text));
        if (raw.status().equals("notfound") || text.endsWith("No such file or directory")
                || text.endsWith("Not a directory")) {
            return new Fact.Absent<>(evidence);
        }
        if (raw.status().equals("denied") || text.endsWith("Permission denied")) {
            return new Fact.Unknown<>("permission denied reading " + target(request) + " (probe ran as uid "
                    + info.uid().map(String::valueOf).orElse("?") + (note.isEmpty() ? "" : "; " + note)
                    + "); audit as root", evidence);
        }
        if (raw.status().equals("notdir")) {
            return new Fact.Unknown<>(target(request) + " is not a directory", evidence);
        }
        if (raw.status().equals("notfile")) {
            return new Fact.Unknown<>(target(request) + " is not a regular file; quiesce reads only regular "
                    + "files", evidence);
        }
        return new Fact.Unknown<>("could not read " + target(request) + ": "
                + (text.isEmpty() ? "status " + raw.status() : firstLine(text)), evidence);
    }

    private <T> Fact<T> unexpected(FactRequest request, RawAnswer raw) {
        return new Fact.Unknown<>("unexpected answer for " + request.describe() + ": "
                + firstLine(raw.text()), evidence(request, raw.text()));
    }

    /** Evidence for a request: its kind, what was read (with the --root prefix if any), an excerpt. */
    public Evidence evidence(FactRequest request, String excerpt) {
        String source = request.describe() + (root.isEmpty() ? "" : " (under " + root + ")");
        String cut = excerpt.length() > EXCERPT_CHARS ? excerpt.substring(0, EXCERPT_CHARS) + "\n[... cut]" : excerpt;
        return new Evidence(request.kind(), source, cut);
    }

    private static String target(FactRequest request) {
        return switch (request) {
            case FactRequest.FileStat r -> r.path();
            case FactRequest.FileContent r -> r.path();
            case FactRequest.DirectoryListing r -> r.path();
            case FactRequest.FileLines r -> r.directory();
            case FactRequest.CommandOutput r -> String.join(" ", r.argv());
        };
    }

    private static String firstLine(String text) {
        String line = text.strip();
        int newline = line.indexOf('\n');
        line = newline < 0 ? line : line.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** Text read from a host; {@code truncated} when there was more than the cap allowed. */
    public record Content(String text, boolean truncated) {}

    /** An allowed command's combined output and exit status. */
    public record CommandResult(int exitStatus, String output) {}

    /** For tests and tools: the answers keyed by request, read-only. */
    Optional<RawAnswer> raw(FactRequest request) {
        return Optional.ofNullable(answers.get(request));
    }
}
