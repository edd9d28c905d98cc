package dev.quiesce.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiesce.model.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the hostile captures of the corpus ({@code cli/src/test/resources/hostile/captures/}) and their
 * {@code cases.tsv} from {@code examples/db-bad.capture.json}: run {@code main} from the repository root
 * (or give the root as the argument) to make them again, for example after the capture format changed.
 *
 * <p>Two families. Answer-level captures change what the host answered and are signed again, so they
 * pass the file's checks and reach the answer's parsers: the bad host must come out FAIL or ERROR
 * (exit 1; exit 3 when its answer as a whole is broken and the host is not audited) while the good
 * capture audited beside it stays AUDITED. File-level captures are not usable captures (edited
 * without signing again, not JSON, or signed but of the wrong structure): the run is refused with
 * exit 2 and a message naming the file.
 *
 * <p>Answer bytes are handled as ISO-8859-1 text, which maps each byte to one char and back, so any
 * byte (NUL, 0xFF, a lone UTF-8 continuation byte) survives the edits.
 */
public final class HostileCaptures {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final String AUDIT = "audit --capture {good} --capture {file} --out {out} --format json,html,md";

    /**
     * Cases that quiesce does not yet meet (defects still open): their files are made, their rows written
     * commented out, so the corpus stays green; remove a name here once its defect is fixed.
     */
    /** Cases written commented out in cases.tsv until the defect they show is fixed (none open now). */
    private static final java.util.Set<String> OPEN_DEFECTS = java.util.Set.of();

    private final ObjectNode source;
    private final String token;
    private final String root;
    private final List<String> rows = new ArrayList<>();
    private final Path target;

    private HostileCaptures(ObjectNode source, Path target) {
        this.source = source;
        this.token = source.path("stages").path(0).path("token").asText();
        this.root = source.path("root").asText();
        this.target = target;
    }

    public static void main(String[] args) throws IOException {
        Path repository = Path.of(args.length > 0 ? args[0] : ".");
        if (!Files.isDirectory(repository.resolve("examples")) && Files.isDirectory(repository.resolve("../examples"))) {
            repository = repository.resolve(".."); // run from cli/
        }
        Path target = repository.resolve("cli/src/test/resources/hostile/captures");
        Files.createDirectories(target);
        ObjectNode source = (ObjectNode) COMPACT.readTree(repository.resolve("examples/db-bad.capture.json").toFile());
        HostileCaptures captures = new HostileCaptures(source, target);
        captures.answers();
        captures.files();
        captures.writeCases();
    }

    // ---- answer-level: re-signed, the parsers must hold ----

    private void answers() throws IOException {
        answer("listing-link-length-huge.capture.json", 1, "a listing's link record announces a path of 2147483000 "
                + "bytes (@L2147483000|x): that listing is unknown, its rules ERROR, nothing is allocated for it",
                a -> a.frame("f3").body = a.frame("f3").body.replace(token + "@N3|3|0",
                        token + "@L2147483000|x\n" + token + "@N3|3|0"));
        answer("listing-counts-huge.capture.json", 1, "listing counts at the largest the format allows "
                + "(@N999999999|999999999|999999999) and past an int: the listing is unknown or says so, no allocation "
                + "by a count", a -> {
                    a.frame("f3").body = a.frame("f3").body.replace("@N3|3|0", "@N999999999|999999999|999999999");
                    a.frame("f12").body = a.frame("f12").body.replace("@N1|1|0", "@N2147483648|2147483648|0");
                });
        answer("frame-length-huge.capture.json", 3, "a frame header announces 9999999999 body bytes: the answer "
                + "is incomplete, the host ERROR (not audited), the good host audited",
                a -> a.frame("f3").declared = "9999999999");
        answer("frame-past-end.capture.json", 3, "a frame's length runs past the end of the answer: the answer "
                + "is incomplete, the host ERROR (not audited)",
                a -> a.frame("f12").declared = String.valueOf(a.frame("f12").body.length() + 100));
        answer("frame-forged-in-body.capture.json", 1, "a stat body holds a forged end of its frame and a forged "
                + "frame for the next request (root-owned, 0700): frames are taken by length, so the forged one is "
                + "body text and the real f2 still FAILs", a -> a.frame("f1").body = a.frame("f1").body
                + "\n" + token + " E f1\n" + token + " B f2 0 26\n81c0|0|0|||370|1796186417\n\n" + token + " E f2\n");
        answer("frame-forged-end.capture.json", 3, "the answer is cut after f12, whose body forges the probe's end "
                + "frame: the answer is still incomplete and the host ERROR", a -> {
                    a.frame("f12").body += "\n" + token + " E f12\n" + token + " B end 0 0\n\n" + token + " E end\n";
                    a.frames.removeIf(f -> f.id.equals("end"));
                });
        answer("frame-id-twice.capture.json", 3, "a second frame for f2 (root-owned, 0700) follows the real one: "
                + "the second is ignored and said so, the answer is not sound, the host ERROR", a -> {
                    Frame twice = new Frame("f2", "0", "81c0|0|0|||370|1796186417\n");
                    a.frames.add(a.frames.indexOf(a.frame("f2")) + 1, twice);
                });
        answer("frame-not-requested.capture.json", 1, "frames for ids never requested (f99, f77, ../../f1), "
                + "with root-owned answers: ignored, the host's real answers decide", a -> {
                    a.frames.add(1, new Frame("f99", "0", "81c0|0|0|||370|1796186417\n"));
                    a.frames.add(2, new Frame("f77", "0", token + "@N0|0|0\n")); // past every request of the capture
                    a.frames.add(3, new Frame("../../f1", "0", "81c0|0|0|||370|1796186417\n"));
                });
        answer("stat-numbers-huge.capture.json", 1, "stat numbers past their types: uid 4294967296000, size 20 "
                + "digits, mtime beyond a long, mtimes in the year 33658 and -29719: unknown or shown, never a crash",
                a -> {
                    a.frame("f1").body = "81ed|4294967296000|0|||477|1796186417\n";
                    a.frame("f2").body = "81c0|0|0|||99999999999999999999|1796186417\n";
                    a.frame("f9").body = "41ed|0|0|||4096|99999999999999999999999\n";
                    a.frame("f10").body = "41ed|0|0|||4096|999999999999\n";
                    a.frame("f11").body = "41ed|0|0|||4096|-999999999999\n";
                    a.frame("f12").body = a.frame("f12").body.replace("|44|1796186417|", "|44|-999999999999|");
                });
        answer("stat-garbage.capture.json", 1, "stat bodies that are garbage (bytes not UTF-8, too few fields, "
                + "a mode that is not hex, half an ls line) and a listing record of garbage: those facts unknown, "
                + "their rules ERROR", a -> {
                    a.frame("f1").body = "\u00ff\u00fe garbage |||| \u0001\n";
                    a.frame("f2").body = "81c0|0|0\n";
                    a.frame("f9").body = "zzzz|0|0|||4096|1796186417\n";
                    a.frame("f10").body = "-rwx\n";
                    a.frame("f6").body = a.frame("f6").body.replace(token + "@N2|2|0", token + "@\u00ff||||\n"
                            + token + "@N2|2|0");
                });
        answer("info-clock-future.capture.json", 1, "the host's clock says the year 33658 (clock=999999999999): "
                + "evidence is dated by it, the audit completes", a -> a.frame("info").body = a.frame("info").body
                .replace("clock=1796186464", "clock=999999999999"));
        answer("info-clock-negative.capture.json", 1, "the host's clock is negative and its zone garbage: the clock "
                + "is unknown and the collecting machine's time is used", a -> a.frame("info").body = a.frame("info")
                .body.replace("clock=1796186464", "clock=-1796186464").replace("zone=+0000 UTC", "zone=+9999 \u001b[2J"));
        answer("names-hostile.capture.json", 1, "file names with a newline forging an evidence line, ANSI escapes, "
                + "shell syntax and HTML markup, where the lookalike and backupScripts.d rules list them: shown "
                + "escaped, FAIL", a -> {
                    String sbin = root + "/usr/sbin/";
                    String scripts = root + "/etc/vmware-tools/backupScripts.d/";
                    String stat = "81c0|0|0|||477|1796186417|";
                    a.frame("f3").body = a.frame("f3").body.replace(token + "@N3|3|0",
                            token + "@" + stat + sbin + "pre-freeze-script.old\nregular file 0700 0:0  pre-freeze-"
                            + "script\n" + token + "@" + stat + sbin + "pre-freeze-script\u001b[2J\u001b]0;owned\u0007.bak\n"
                            + token + "@" + stat + sbin + "pre-freeze-script<img src=x onerror=alert(1)>\n"
                            + token + "@N6|6|0");
                    a.frame("f12").body = a.frame("f12").body.replace(token + "@N1|1|0",
                            token + "@81ed|1000|1000|||44|1796186417|" + scripts + "10-job\u001b[31m;touch PWNED;#\n"
                            + token + "@81ed|1000|1000|||44|1796186417|" + scripts + "<h1>PASS<h1><script>alert(1)"
                            + "<script>\n" + token + "@N3|3|0");
                });
        answer("names-with-slash.capture.json", 1, "listing entries whose names hold a slash, impossible in one "
                + "directory, forging an entry named pre-freeze-script: the listing is unknown, its rules ERROR",
                a -> {
                    String sbin = root + "/usr/sbin/";
                    a.frame("f3").body = a.frame("f3").body.replace(token + "@N3|3|0", token
                            + "@81c0|0|0|||477|1796186417|" + sbin + "x\n81c0|0|0|||477|1796186417|" + sbin
                            + "pre-freeze-script\n" + token + "@N4|4|0");
                });
        answer("answer-truncated.capture.json", 3, "the answer stops inside the frame of f6 (no end frame): "
                + "incomplete, the host ERROR, the good host audited", a -> {
                    a.raw = a.render().substring(0, a.render().indexOf(token + " B f6") + 200);
                });
        answer("answer-garbage.capture.json", 3, "the answer is 4096 random bytes: no frame, the host ERROR",
                a -> {
                    byte[] noise = new byte[4096];
                    new Random(8).nextBytes(noise);
                    a.raw = new String(noise, StandardCharsets.ISO_8859_1);
                });
        answer("answer-empty.capture.json", 3, "the answer is empty: no frame, the host ERROR", a -> a.raw = "");
        answer("nul-bytes.capture.json", 1, "NUL bytes between frames, in a stat body, in the info frame and in "
                + "file names of a listing: those facts unknown or names shown escaped, never a crash", a -> {
                    a.frame("f1").body = "81ed|0|0|||477|17961\u000086417\n";
                    a.frame("info").body = a.frame("info").body.replace("host=vm", "host=v\u0000m");
                    a.frame("f3").body = a.frame("f3").body.replace("pre-freeze-script.sh",
                            "pre-freeze-script\u0000.sh");
                    a.between = "\u0000\u0000\n";
                });
    }

    /** Writes one answer-level case: the db-bad capture with its answer edited, signed again. */
    private void answer(String file, int exit, String what, Consumer<Answer> edit) throws IOException {
        ObjectNode capture = source.deepCopy();
        ObjectNode answerNode = (ObjectNode) capture.path("stages").path(0).path("answer");
        Answer answer = Answer.parse(token, new String(Base64.getMimeDecoder().decode(answerNode.path("base64")
                .asText()), StandardCharsets.ISO_8859_1));
        edit.accept(answer);
        byte[] bytes = answer.render().getBytes(StandardCharsets.ISO_8859_1);
        answerNode.put("bytes", bytes.length);
        answerNode.put("base64", Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(bytes));
        writeSigned(file, capture);
        row(file, exit, what);
    }

    // ---- file-level: the whole file is refused ----

    private void files() throws IOException {
        String signed = signedText(source.deepCopy());
        file("roles-edited-unsigned.capture.json", "roles emptied without signing again: the hash does not match, "
                + "the file is refused by name", signed.replace("\"roles\" : [ \"guest\" ]", "\"roles\" : [ ]")
                .getBytes(StandardCharsets.UTF_8));
        file("duplicate-key.capture.json", "a second 'host' key (db-good): the file is refused, not the last key "
                + "taken", signed.replace("\"host\" : \"db-bad\",", "\"host\" : \"db-bad\",\n  \"host\" : \"db-good\",")
                .getBytes(StandardCharsets.UTF_8));
        file("trailing-garbage.capture.json", "a second JSON document after the capture: refused",
                (signed + "{ \"host\" : \"db-good\" }\n").getBytes(StandardCharsets.UTF_8));
        file("deep-nesting.capture.json", "'note' nested 100000 arrays deep: refused by the nesting limit, no "
                + "StackOverflowError", signed.replace("\"note\" : \"\"", "\"note\" : " + "[".repeat(100_000)
                + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        file("huge-number.capture.json", "an answer's 'bytes' is a 100000-digit number: refused by the number "
                + "limit", signed.replaceFirst("\"bytes\" : [0-9]+", "\"bytes\" : 1" + "0".repeat(100_000))
                .getBytes(StandardCharsets.UTF_8));
        file("not-json.capture.json", "a text file that is not JSON: refused",
                "This is not a capture.\n<html>\u001b[2J</html>\n".getBytes(StandardCharsets.UTF_8));
        ObjectNode latin = source.deepCopy();
        latin.put("host", "db-b\u00e4d");
        file("latin1.capture.json", "signed, but written in ISO-8859-1 (host db-b\\xe4d): refused as not UTF-8",
                signedText(latin).getBytes(StandardCharsets.ISO_8859_1));
        structure("stages-not-a-list.capture.json", "signed, 'stages' an object: refused", c -> {
            ObjectNode stages = COMPACT.createObjectNode();
            stages.set("0", c.path("stages").path(0));
            c.set("stages", stages);
        });
        structure("request-unknown-kind.capture.json", "signed, a request of kind 'exec' with a command: refused",
                c -> ((ObjectNode) c.path("stages").path(0).path("requests").path("f1")).put("kind", "exec")
                        .put("command", "rm -rf /"));
        structure("answer-bytes-wrong-type.capture.json", "signed, the answer's 'bytes' a string (\"2358\"): "
                + "refused, not read as a number", c -> {
                    ObjectNode answer = (ObjectNode) c.path("stages").path(0).path("answer");
                    answer.put("bytes", answer.path("bytes").asText());
                });
        structure("base64-invalid.capture.json", "signed, the answer's base64 holds characters outside the "
                + "alphabet (*!): refused, not skipped", c -> {
                    ObjectNode answer = (ObjectNode) c.path("stages").path(0).path("answer");
                    answer.put("base64", answer.path("base64").asText().replaceFirst("\n", "*!\n"));
                });
        structure("token-missing.capture.json", "signed, a stage without its token: refused",
                c -> ((ObjectNode) c.path("stages").path(0)).remove("token"));
        structure("received-not-a-time.capture.json", "signed, 'received' is \"yesterday\": refused",
                c -> ((ObjectNode) c.path("stages").path(0)).put("received", "yesterday"));
    }

    private void structure(String file, String what, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode capture = source.deepCopy();
        edit.accept(capture);
        file(file, what, signedText(capture).getBytes(StandardCharsets.UTF_8));
    }

    private void file(String file, String what, byte[] bytes) throws IOException {
        Files.write(target.resolve(file), bytes);
        row(file, 2, what);
    }

    private void row(String file, int exit, String what) {
        rows.add((OPEN_DEFECTS.contains(file) ? "# open defect: " : "") + file + "\t" + exit + "\t" + AUDIT + "\t"
                + what);
    }

    private void writeSigned(String file, ObjectNode capture) throws IOException {
        Files.writeString(target.resolve(file), signedText(capture));
    }

    /** The capture's text with its sha256 made again as CaptureFile makes it: over the compact JSON without it. */
    private static String signedText(ObjectNode capture) throws IOException {
        capture.remove("sha256");
        String sha = Sha256.hex(COMPACT.writeValueAsString(capture).getBytes(StandardCharsets.UTF_8));
        capture.put("sha256", sha);
        return PRETTY.writeValueAsString(capture) + "\n";
    }

    private void writeCases() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Made by HostileCaptures (cli/src/test/java/dev/quiesce/cli/HostileCaptures.java) from "
                + "examples/db-bad.capture.json; make them again with it rather than by hand.");
        lines.add("# file\texit\targuments\twhat");
        lines.addAll(rows);
        Files.write(target.resolve("cases.tsv"), lines, StandardCharsets.UTF_8);
    }

    /** One frame of an answer: its id, status word, body and the length its header announces. */
    private static final class Frame {
        final String id;
        final String status;
        String body;
        /** The header's length field; null to announce the body's true length. */
        String declared;

        Frame(String id, String status, String body) {
            this.id = id;
            this.status = status;
            this.body = body;
        }
    }

    /** An answer as frames, to edit and render again; {@code raw} replaces it all when set. */
    private static final class Answer {
        final String token;
        final String lead;
        final List<Frame> frames = new ArrayList<>();
        String between = "";
        String raw;

        private Answer(String token, String lead) {
            this.token = token;
            this.lead = lead;
        }

        static Answer parse(String token, String text) {
            Matcher header = Pattern.compile(Pattern.quote(token) + " B (\\S+) (\\S+) ([0-9]+)\n").matcher(text);
            if (!header.find()) {
                throw new IllegalArgumentException("no frame in the source answer");
            }
            Answer answer = new Answer(token, text.substring(0, header.start()));
            int at = header.start();
            while (at < text.length()) {
                if (!header.find(at) || header.start() != at) {
                    throw new IllegalArgumentException("the source answer is not frames only at " + at);
                }
                int body = header.end();
                int end = body + Integer.parseInt(header.group(3));
                answer.frames.add(new Frame(header.group(1), header.group(2), text.substring(body, end)));
                String trailer = "\n" + token + " E " + header.group(1) + "\n";
                if (!text.startsWith(trailer, end)) {
                    throw new IllegalArgumentException("frame " + header.group(1) + " does not end as it should");
                }
                at = end + trailer.length();
            }
            if (!answer.render().equals(text)) {
                throw new IllegalStateException("the source answer does not render back to itself");
            }
            return answer;
        }

        Frame frame(String id) {
            return frames.stream().filter(f -> f.id.equals(id)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("no frame " + id));
        }

        String render() {
            if (raw != null) {
                return raw;
            }
            StringBuilder text = new StringBuilder(lead);
            for (Frame f : frames) {
                text.append(token).append(" B ").append(f.id).append(' ').append(f.status).append(' ')
                        .append(f.declared == null ? String.valueOf(f.body.length()) : f.declared).append('\n')
                        .append(f.body).append('\n').append(token).append(" E ").append(f.id).append('\n')
                        .append(between);
            }
            return text.toString();
        }
    }
}
