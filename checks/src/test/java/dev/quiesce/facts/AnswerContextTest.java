package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Evidence of a fact: what was read, where, when by the host's clock, and at most 4,000 characters of it. */
class AnswerContextTest {
    private static final Instant COLLECTED = Instant.parse("2026-06-01T12:00:00Z");
    private static final FactRequest.FileContent CONF = new FactRequest.FileContent("/etc/vmware-tools/tools.conf", 64);

    private static AnswerContext context(String root) {
        return new AnswerContext("00112233445566778899aabbccddeeff", root, ProbeInfo.UNKNOWN, null, COLLECTED);
    }

    @Test
    void anExcerptOfExactlyFourThousandCharactersIsWholeAndALongerOneIsCutAndSaysSo() {
        String exactly = "x".repeat(4000);
        assertEquals(exactly, context("").evidence(CONF, exactly).excerpt());
        assertEquals(exactly + "\n[... cut]", context("").evidence(CONF, exactly + "y").excerpt());
    }

    @Test
    void evidenceNamesTheTreeItWasReadUnderAndWhenByTheHostsClock() {
        assertEquals("read /etc/vmware-tools/tools.conf (first 64 bytes) (under /srv/vm1)", context("/srv/vm1")
                .evidence(CONF, "").source());
        assertEquals("read /etc/vmware-tools/tools.conf (first 64 bytes)", context("").evidence(CONF, "").source());
        assertEquals(COLLECTED, context("").evidence(CONF, "").collected());
        assertEquals("probe ran as uid ?", context("").ranAs(), "no note, no uid");
    }
}
