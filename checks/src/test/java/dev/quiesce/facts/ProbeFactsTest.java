package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The facts of a transcript: stage by stage, with what went wrong named by its stage, and the host's clock. */
class ProbeFactsTest {
    private static final String TOKEN = "feedfacefeedfacefeedfacefeedface";
    private static final Instant RECEIVED = Instant.parse("2026-06-02T08:00:00Z");
    private static final FactRequest.FileStat FREEZE = new FactRequest.FileStat("/usr/sbin/pre-freeze-script");
    private static final FactRequest.FileStat THAW = new FactRequest.FileStat("/usr/sbin/post-thaw-script");

    private static void frame(ByteArrayOutputStream out, String id, String status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((TOKEN + " B " + id + " " + status + " " + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(("\n" + TOKEN + " E " + id + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A stage answering {@code request} as f1 with a stat line, with the given info frame; whole or not. */
    private static ProbeStage stage(FactRequest<?> request, String info, boolean whole) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, ProbeScript.INFO_ID, "0", info);
        frame(out, "f1", "0", "81c0|0|0|root|root|5|1780000000\n");
        if (whole) {
            frame(out, ProbeScript.END_ID, "0", "");
        }
        Map<String, FactRequest<?>> requests = new LinkedHashMap<>();
        requests.put("f1", request);
        return new ProbeStage(TOKEN, requests, out.toByteArray(), RECEIVED);
    }

    @Test
    void theHostsClockOfTheFirstStageIsWhatTheFactsAreAsOf() {
        ProbeFacts facts = new ProbeTranscript("", "", List.of(stage(FREEZE, "uid=0\nclock=1780315200", true),
                stage(THAW, "uid=0\nclock=1780318800", true))).facts();
        assertEquals(Instant.parse("2026-06-01T12:00:00Z"), facts.asOf());
        assertEquals(Instant.parse("2026-06-01T12:00:00Z"), facts.get(FREEZE).evidence().collected());
        assertEquals(Instant.parse("2026-06-01T13:00:00Z"), facts.get(THAW).evidence().collected(),
                "each fact by its own stage's clock");
        assertEquals(List.of(), facts.problems());
    }

    @Test
    void aHostWhoseDateGivesNothingIsReadAsOfWhenItsAnswerArrived() {
        ProbeFacts facts = new ProbeTranscript("", "", stage(FREEZE, "uid=0\nclock=", true)).facts();
        assertEquals(RECEIVED, facts.asOf());
        assertEquals(RECEIVED, facts.get(FREEZE).evidence().collected());
    }

    @Test
    void aProblemOfASecondStageIsNamedByItsStageAndAOneStageAnswersIsNot() {
        ProbeFacts one = new ProbeTranscript("", "", stage(FREEZE, "uid=0", false)).facts();
        assertEquals(List.of("the answer was cut short: the probe's final frame is missing"), one.problems());

        ProbeFacts two = new ProbeTranscript("", "", List.of(stage(FREEZE, "uid=0", true), stage(THAW, "uid=0", false)))
                .facts();
        assertEquals(List.of("stage 2: the answer was cut short: the probe's final frame is missing"), two.problems());
        assertInstanceOf(Fact.Present.class, two.get(THAW), "an answer that arrived whole before the cut stands");
    }

    @Test
    void aRequestTheCutLeftUnansweredIsNotCollectedWithTheCause() {
        Map<String, FactRequest<?>> requests = new LinkedHashMap<>();
        requests.put("f1", FREEZE);
        requests.put("f2", THAW);
        ProbeFacts facts = new ProbeTranscript("", "", new ProbeStage(TOKEN, requests, stage(FREEZE, "uid=0", false)
                .answer(), RECEIVED)).facts();
        Fact.Unknown<?> thaw = assertInstanceOf(Fact.Unknown.class, facts.get(THAW));
        assertEquals(Fact.Cause.NOT_COLLECTED, thaw.cause());
        assertEquals("/usr/sbin/post-thaw-script was not collected: the answer was cut short: the probe's final frame "
                + "is missing", thaw.reason());
    }

    @Test
    void aStageThatNeverRanLeavesItsRequestsNotCollectedAndSaysSo() {
        Map<String, FactRequest<?>> planned = new LinkedHashMap<>();
        planned.put("f1", THAW);
        ProbeFacts facts = new ProbeTranscript("", "", List.of(stage(FREEZE, "uid=0\nclock=1780315200", true),
                ProbeStage.notRun(planned, RECEIVED))).facts();
        assertEquals(List.of("stage 2: the stage did not run"), facts.problems());
        Fact.Unknown<?> thaw = assertInstanceOf(Fact.Unknown.class, facts.get(THAW));
        assertEquals(Fact.Cause.NOT_COLLECTED, thaw.cause());
        assertEquals("/usr/sbin/post-thaw-script was not collected: the stage did not run", thaw.reason());
        assertEquals(Instant.parse("2026-06-01T12:00:00Z"), facts.asOf(), "the first stage's clock still holds");
        assertInstanceOf(Fact.Present.class, facts.get(FREEZE));
    }

    @Test
    void aCommandIsUnavailableUnderARootAndNotCollectedOtherwise() {
        FactRequest.CommandOutput uname = new FactRequest.CommandOutput(AllowedCommand.UNAME);
        Map<String, FactRequest<?>> requests = new LinkedHashMap<>();
        requests.put("f1", FREEZE);
        requests.put("f2", uname);
        ProbeStage stage = new ProbeStage(TOKEN, requests, stage(FREEZE, "uid=0", true).answer(), RECEIVED);

        Fact.Unknown<?> underRoot = assertInstanceOf(Fact.Unknown.class, new ProbeTranscript("/srv/vm1", "", stage)
                .facts().get(uname));
        assertEquals(Fact.Cause.UNAVAILABLE, underRoot.cause());
        assertEquals("commands are not run when auditing a directory tree (--root /srv/vm1); audit the running host for "
                + "this fact", underRoot.reason());
        Fact.Unknown<?> live = assertInstanceOf(Fact.Unknown.class, new ProbeTranscript("", "", stage).facts().get(uname));
        assertEquals(Fact.Cause.NOT_COLLECTED, live.cause());
        assertEquals("uname -srm was not collected: the probe gave no answer for it", live.reason());
    }

    @Test
    void aRequestAskedInBothStagesIsReadFromTheFirst() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, ProbeScript.INFO_ID, "0", "uid=0");
        frame(out, "f1", Answer.NOT_FOUND, "");
        frame(out, ProbeScript.END_ID, "0", "");
        ProbeStage second = new ProbeStage(TOKEN, Map.of("f1", FREEZE), out.toByteArray(), RECEIVED);
        ProbeFacts facts = new ProbeTranscript("", "", List.of(stage(FREEZE, "uid=0", true), second)).facts();
        assertInstanceOf(Fact.Present.class, facts.get(FREEZE));
    }

    @Test
    void theInfoOfTheFirstStageIsWhatTheProbeSaidOfItself() {
        ProbeFacts facts = new ProbeTranscript("", "", List.of(stage(FREEZE, "uid=1000\nhost=db1", true),
                stage(THAW, "uid=0\nhost=other", true))).facts();
        assertEquals("db1", facts.info().nodeName());
        assertTrue(facts.info().uid().isPresent());
    }
}
