package dev.quiesce.simulate;

import dev.quiesce.facts.Content;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeFacts;
import dev.quiesce.facts.ProbeStage;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.host.Capture;
import dev.quiesce.host.CaptureFile;
import dev.quiesce.model.QuiesceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The freeze and thaw scripts as a capture recorded them: the content of {@code /usr/sbin/pre-freeze-script}
 * and {@code /usr/sbin/post-thaw-script} from any stage that read them whole. A script the capture shows
 * missing, or did not read, or read only in part, is left out with why; with neither, nothing can be
 * simulated (a {@link QuiesceException}).
 */
public record CapturedScripts(String host, Simulator.Scripts scripts, List<String> notes) {
    public CapturedScripts {
        notes = List.copyOf(notes);
    }

    public static CapturedScripts read(Path file) {
        Capture capture = CaptureFile.read(file);
        ProbeTranscript transcript = capture.transcript();
        ProbeFacts facts = transcript.facts();
        List<String> notes = new ArrayList<>();
        Optional<byte[]> pre = script(transcript, facts, Scenario.Script.PRE_FREEZE.path, notes);
        Optional<byte[]> post = script(transcript, facts, Scenario.Script.POST_THAW.path, notes);
        if (pre.isEmpty() && post.isEmpty()) {
            throw new QuiesceException(file + ": the capture holds neither script's content (" + String.join("; ", notes)
                    + "); collect the host again with the freeze-thaw content rules, as root, or pass the scripts "
                    + "with --pre and --post");
        }
        return new CapturedScripts(capture.host(), new Simulator.Scripts(pre, post), notes);
    }

    private static Optional<byte[]> script(ProbeTranscript transcript, ProbeFacts facts, String path, List<String> notes) {
        List<FactRequest.FileContent> asked = new ArrayList<>();
        for (ProbeStage stage : transcript.stages()) {
            stage.requests().values().forEach(r -> {
                if (r instanceof FactRequest.FileContent c && c.path().equals(path)) {
                    asked.add(c);
                }
            });
        }
        if (asked.isEmpty()) {
            notes.add(path + " was not collected");
            return Optional.empty();
        }
        String why = path + " was not read";
        for (FactRequest.FileContent request : asked) {
            Fact<Content> fact = facts.get(request);
            switch (fact) {
                case Fact.Present<Content> p when !p.value().truncated() -> {
                    return Optional.of(p.value().text().getBytes(StandardCharsets.UTF_8));
                }
                case Fact.Present<Content> p -> why = path + " was read only in part (first " + request.maxBytes()
                        + " bytes): a cut script cannot be simulated";
                case Fact.Absent<Content> a -> why = path + " does not exist on the host";
                case Fact.Unknown<Content> u -> why = path + ": " + u.reason();
            }
        }
        notes.add(why);
        return Optional.empty();
    }
}
