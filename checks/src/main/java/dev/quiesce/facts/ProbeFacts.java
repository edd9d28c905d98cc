package dev.quiesce.facts;

import dev.quiesce.model.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The facts of a probe transcript: each request's framed answer, read through the request's own reading
 * when a check asks for it. A request the probe was not asked, or that its answer lacks, is unknown with
 * the reason.
 */
public final class ProbeFacts implements Facts {
    private static final String NOT_ASKED = " was not collected: the probe was not asked for it (a capture made "
            + "with other rule packs: collect again with the packs of this audit)";

    /** Where a request's answer is, or why there is none. */
    private record Slot(Answer answer, AnswerContext context, Fact.Cause cause, String reason) {}

    private final Map<FactRequest<?>, Slot> slots;
    private final ProbeInfo info;
    private final Instant asOf;
    private final List<String> problems;
    private final Map<FactRequest<?>, Fact<?>> read = new ConcurrentHashMap<>();

    private ProbeFacts(Map<FactRequest<?>, Slot> slots, ProbeInfo info, Instant asOf, List<String> problems) {
        this.slots = Map.copyOf(slots);
        this.info = info;
        this.asOf = asOf;
        this.problems = List.copyOf(problems);
    }

    static ProbeFacts from(ProbeTranscript transcript) {
        Map<FactRequest<?>, Slot> slots = new HashMap<>();
        List<String> problems = new ArrayList<>();
        ProbeInfo first = null;
        for (ProbeStage stage : transcript.stages()) {
            String name = transcript.stages().size() == 1 ? "" : "stage " + (transcript.stages().indexOf(stage) + 1)
                    + ": ";
            ProbeAnswer answer = stage.token().isEmpty() ? new ProbeAnswer(Map.of(), List.of(
                    "the stage did not run"), false) : new AnswerParser(stage.token()).parse(stage.answer());
            answer.problems().forEach(p -> problems.add(name + p));
            RawFrame infoFrame = answer.frames().get(ProbeScript.INFO_ID);
            ProbeInfo info = infoFrame == null ? ProbeInfo.UNKNOWN : ProbeInfo.parse(infoFrame.text());
            first = first == null ? info : first;
            AnswerContext context = new AnswerContext(stage.token(), transcript.root(), info, transcript.note(),
                    info.clock().orElse(stage.received()));
            String why = answer.problems().isEmpty() ? "the probe gave no answer for it"
                    : String.join("; ", answer.problems());
            stage.requests().forEach((id, request) -> {
                RawFrame frame = answer.frames().get(id);
                RawFrame stderr = answer.frames().get(id + ProbeScript.STDERR_SUFFIX);
                Slot slot;
                if (frame != null) {
                    slot = new Slot(new Answer(frame.status(), frame.body(), stderr == null ? null : stderr.body()),
                            context, null, null);
                } else if (request instanceof FactRequest.CommandOutput && !transcript.root().isEmpty()) {
                    slot = new Slot(null, context, Fact.Cause.UNAVAILABLE, "commands are not run when auditing a "
                            + "directory tree (--root " + transcript.root() + "); audit the running host for this fact");
                } else {
                    slot = new Slot(null, context, Fact.Cause.NOT_COLLECTED, request.subject() + " was not collected: "
                            + why);
                }
                slots.putIfAbsent(request.probed(), slot);
            });
        }
        ProbeInfo info = first == null ? ProbeInfo.UNKNOWN : first;
        return new ProbeFacts(slots, info, info.clock().orElse(transcript.received()), problems);
    }

    /** Facts from answers given directly, read in one context: what {@link CannedFacts} builds. */
    static ProbeFacts of(Map<FactRequest<?>, Answer> answers, AnswerContext context) {
        Map<FactRequest<?>, Slot> slots = new HashMap<>();
        answers.forEach((request, answer) -> slots.put(request.probed(), new Slot(answer, context, null, null)));
        return new ProbeFacts(slots, context.info(), context.collected(), List.of());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Fact<T> get(FactRequest<T> request) {
        return (Fact<T>) read.computeIfAbsent(request, r -> readNow(request));
    }

    private <T> Fact<T> readNow(FactRequest<T> request) {
        Slot slot = slots.get(request.probed());
        if (slot == null) {
            return new Fact.Unknown<>(Fact.Cause.NOT_COLLECTED, request.subject() + NOT_ASKED,
                    new Evidence(request.kind(), request.describe(), "", null));
        }
        if (slot.answer() == null) {
            return new Fact.Unknown<>(slot.cause(), slot.reason(), slot.context().evidence(request, ""));
        }
        try {
            return request.read(slot.answer(), slot.context());
        } catch (RuntimeException e) {
            // A reading must never throw for what a host sent; if one does, the fact is unknown, not the audit lost.
            return new Fact.Unknown<>(Fact.Cause.UNEXPECTED, "could not read the answer for " + request.describe()
                    + ": " + e, slot.context().evidence(request, ""));
        }
    }

    @Override
    public Instant asOf() {
        return asOf;
    }

    @Override
    public ProbeInfo info() {
        return info;
    }

    /** What was wrong with the answers as a whole (cut short, broken frames); empty for sound answers. */
    public List<String> problems() {
        return problems;
    }
}
