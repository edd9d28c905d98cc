package dev.quiesce.facts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facts made from canned answers, for tests of checks (the built-in ones and third-party ones): each
 * method writes the answer the probe would have sent for one request (a stat line, listing records, a
 * command's streams, a scan's files and lines) and {@link #build()} reads them through the same readings
 * as a real probe. A request given no answer reads as not collected.
 */
public final class CannedFacts {
    private static final String TOKEN = "0c0ffee0c0ffee0c0ffee0c0ffee0c0f";

    private final Map<FactRequest<?>, Answer> answers = new LinkedHashMap<>();
    private final java.util.Set<FactRequest<?>> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private Instant asOf = Instant.parse("2026-01-01T00:00:00Z");
    private long uid;
    private java.time.ZoneId zone;
    private String note = "";

    public static CannedFacts builder() {
        return new CannedFacts();
    }

    /** The host's clock when the facts were collected. */
    public CannedFacts asOf(Instant instant) {
        this.asOf = instant;
        return this;
    }

    /** The host's IANA zone, as the probe reads it from {@code TZ} (none unless set: UTC by offset only). */
    public CannedFacts inZone(java.time.ZoneId hostZone) {
        this.zone = hostZone;
        return this;
    }

    /** The uid the probe ran as (0 unless set), and a note such as a refused sudo. */
    public CannedFacts ranAs(long probeUid, String howItRan) {
        this.uid = probeUid;
        this.note = howItRan;
        return this;
    }

    /** Any answer, as a status word or exit status with the bytes of both streams. */
    public CannedFacts answer(FactRequest<?> request, Answer answer) {
        answers.put(request.probed(), answer);
        return this;
    }

    /** What {@code stat} says of the file's path. */
    public CannedFacts stat(FileInfo file) {
        return answer(new FactRequest.FileStat(file.path()), new Answer("0", bytes(statLine(file)
                + file.linkTarget().map(t -> "\n>" + t).orElse("") + "\n")));
    }

    public CannedFacts content(FactRequest.FileContent request, String text) {
        return answer(request, new Answer("0", bytes(text)));
    }

    public CannedFacts listing(FactRequest.DirectoryListing request, List<FileInfo> entries) {
        return listing(request, entries, 0, 0);
    }

    /**
     * A listing of {@code entries} (paths under the request's directory), with {@code vanished} more
     * entries gone before their status was read and {@code omitted} more beyond the cap.
     */
    public CannedFacts listing(FactRequest.DirectoryListing request, List<FileInfo> entries, int vanished,
                               int omitted) {
        StringBuilder body = new StringBuilder();
        for (FileInfo entry : entries) {
            body.append(TOKEN).append('@').append(statLine(entry)).append('|').append(entry.path()).append('\n');
        }
        for (FileInfo entry : entries) {
            entry.linkTarget().ifPresent(target -> body.append(TOKEN).append("@L").append(bytes(entry.path()).length)
                    .append('|').append(entry.path()).append(target).append('\n'));
        }
        int listed = entries.size() + vanished;
        body.append(TOKEN).append("@N").append(listed + omitted).append('|').append(listed).append('|')
                .append(vanished).append('\n');
        return answer(request, new Answer(vanished > 0 ? "1" : "0", bytes(body.toString()),
                vanished > 0 ? bytes("stat: cannot statx: No such file or directory") : null));
    }

    public CannedFacts command(FactRequest.CommandOutput request, int exitStatus, String stdout, String stderr) {
        return answer(request, new Answer(String.valueOf(exitStatus), bytes(stdout), bytes(stderr)));
    }

    /** A scan that read {@code files} and matched {@code lines} in them; {@code grepStatus} 0, 1 or 2. */
    public CannedFacts lines(FactRequest.FileLines request, List<String> files, List<Lines.Line> lines, int grepStatus) {
        return lines(request, files, lines, grepStatus, List.of());
    }

    /**
     * A scan that left {@code skipped} unread (older than its window, or a {@code .gz} with no
     * decompressor), read {@code files} and matched {@code lines} in them. With no file read the status
     * is 1, as the probe's.
     */
    public CannedFacts lines(FactRequest.FileLines request, List<String> files, List<Lines.Line> lines, int grepStatus,
                             List<Lines.Skipped> skipped) {
        StringBuilder body = new StringBuilder();
        skipped.forEach(f -> body.append(switch (f.reason()) {
            case OLDER_THAN_WINDOW -> 'O';
            case NO_DECOMPRESSOR -> 'Z';
        }).append(bytes(f.path()).length).append('|').append(f.path()).append('\n'));
        files.forEach(f -> body.append(bytes(f).length).append('|').append(f).append('\n'));
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            body.append('@').append(i + 1).append('\n');
            lines.stream().filter(l -> l.file().equals(file)).forEach(l -> body.append(l.number()).append(':')
                    .append(l.text()).append('\n'));
        }
        return answer(request, new Answer(String.valueOf(grepStatus), bytes(body.toString())));
    }

    /** The path (or, for a command, the program; for a scan, every file) is not there. */
    public CannedFacts missing(FactRequest<?> request) {
        String word = switch (request) {
            case FactRequest.FileLines r -> Answer.NO_FILES;
            default -> Answer.NOT_FOUND;
        };
        return answer(request, new Answer(word, new byte[0]));
    }

    /** The probe's user may not read it. */
    public CannedFacts denied(FactRequest<?> request) {
        return answer(request, new Answer(Answer.DENIED, new byte[0]));
    }

    public Facts build() {
        ProbeInfo info = ProbeInfo.parse(infoText());
        return ProbeFacts.of(answers, new AnswerContext(TOKEN, "", info, note, asOf));
    }

    /**
     * The stage a probe of {@code requests} would have answered with these answers, framed as a real
     * probe frames it (the info frame with the clock, a frame per answered request, the end frame); a
     * request given no answer gets no frame and reads as not collected.
     */
    public ProbeStage stage(List<? extends FactRequest<?>> requests) {
        Map<String, FactRequest<?>> byId = new LinkedHashMap<>();
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        frame(answer, ProbeScript.INFO_ID, "0", bytes(infoText()));
        for (FactRequest<?> request : requests.stream().<FactRequest<?>>map(FactRequest::probed).distinct().toList()) {
            asked.add(request);
            String id = "f" + (byId.size() + 1);
            byId.put(id, request);
            Answer given = answers.get(request);
            if (given != null) {
                frame(answer, id, given.status(), given.body());
                if (given.stderr().length > 0) {
                    frame(answer, id + ProbeScript.STDERR_SUFFIX, "0", given.stderr());
                }
            }
        }
        frame(answer, ProbeScript.END_ID, "0", new byte[0]);
        return new ProbeStage(TOKEN, byId, answer.toByteArray(), asOf);
    }

    /** The info frame a probe of this host would send: its uid, clock, offset and (when set) zone. */
    private String infoText() {
        String offset = zone == null ? "+0000 UTC" : java.time.format.DateTimeFormatter.ofPattern("xx z")
                .format(asOf.atZone(zone));
        return "uid=" + uid + "\nhost=canned\nclock=" + asOf.getEpochSecond() + "\nzone=" + offset + "\nstat=stat"
                + (zone == null ? "" : "\ntz=" + zone.getId());
    }

    /** Every request a stage asked for, answered or not (as the probe asks it). */
    public java.util.Set<FactRequest<?>> asked() {
        return java.util.Set.copyOf(asked);
    }

    /** The answers no stage asked for: in a test, a sign that the answer names a fact the check never reads. */
    public java.util.Set<FactRequest<?>> unasked() {
        java.util.Set<FactRequest<?>> left = new java.util.LinkedHashSet<>(answers.keySet());
        left.removeAll(asked);
        return left;
    }

    /** The note the answers were collected with (a refused sudo), as a session reports it. */
    public String note() {
        return note;
    }

    private static void frame(java.io.ByteArrayOutputStream out, String id, String status, byte[] body) {
        out.writeBytes(bytes(TOKEN + " B " + id + " " + status + " " + body.length + "\n"));
        out.writeBytes(body);
        out.writeBytes(bytes("\n" + TOKEN + " E " + id + "\n"));
    }

    /** The line {@code stat -c '%f|%u|%g|%U|%G|%s|%Y'} prints for the file. */
    static String statLine(FileInfo file) {
        return Integer.toHexString(file.kind().typeBits() | file.mode().bits()) + "|" + file.uid() + "|" + file.gid()
                + "|" + file.owner().orElse("") + "|" + file.group().orElse("") + "|" + file.size() + "|"
                + file.modified().map(Instant::getEpochSecond).orElse(0L);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
