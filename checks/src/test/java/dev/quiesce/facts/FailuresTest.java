package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Each status word and exit status maps to the fact docs/PROBE.md's table gives it, and the reason
 * names its subject, who the probe ran as, and what to do.
 */
class FailuresTest {
    private static final FactRequest.FileStat STAT = new FactRequest.FileStat("/usr/sbin/pre-freeze-script");
    private static final FactRequest.FileContent CONTENT = new FactRequest.FileContent("/etc/vmware-tools/tools.conf",
            4096);

    private static <T> Fact<T> read(FactRequest<T> request, String status, String body, String stderr) {
        return CannedFacts.builder().ranAs(1000, "sudo -n was refused (a password is required)")
                .answer(request, new Answer(status, bytes(body), bytes(stderr))).build().get(request);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Fact.Unknown<?> unknown(Fact<?> fact) {
        return assertInstanceOf(Fact.Unknown.class, fact);
    }

    @Test
    void notFoundAndNoPathAreAbsent() {
        assertInstanceOf(Fact.Absent.class, read(STAT, Answer.NOT_FOUND, "", ""));
        assertInstanceOf(Fact.Absent.class, read(STAT, Answer.NO_PATH, "", ""));
        assertEquals("status notfound", read(STAT, Answer.NOT_FOUND, "", "").evidence().excerpt());
    }

    @Test
    void deniedNamesThePathWhoTheProbeRanAsAndTheFix() {
        Fact.Unknown<?> denied = unknown(read(STAT, Answer.DENIED, "", ""));
        assertEquals(Fact.Cause.DENIED, denied.cause());
        assertEquals("permission denied reading /usr/sbin/pre-freeze-script (probe ran as uid 1000; sudo -n was refused "
                + "(a password is required)); audit as root", denied.reason());
    }

    @Test
    void deniedWithABodyNamesTheFirstThingThatCouldNotBeRead() {
        FactRequest.FileLines scan = new FactRequest.FileLines("/var/log/*.log", java.util.List.of("x"), 100);
        Fact.Unknown<?> denied = unknown(read(scan, Answer.DENIED, "/var/log/secure.log\n/var/log/audit.log\n", ""));
        assertEquals("permission denied reading /var/log/*.log (/var/log/secure.log) (probe ran as uid 1000; sudo -n "
                + "was refused (a password is required)); audit as root", denied.reason());
    }

    @Test
    void theWrongKindSaysWhatItIsNot() {
        Fact.Unknown<?> notFile = unknown(read(CONTENT, Answer.NOT_FILE, "", ""));
        assertEquals(Fact.Cause.WRONG_KIND, notFile.cause());
        assertEquals("/etc/vmware-tools/tools.conf is not a regular file; quiesce reads only regular files",
                notFile.reason());
    }

    @Test
    void anyOtherStatusIsUnexpectedWithTheFirstLineOfStderrOrTheStatus() {
        Fact.Unknown<?> io = unknown(read(STAT, "1", "", "stat: cannot statx: Input/output error\nsecond line"));
        assertEquals(Fact.Cause.UNEXPECTED, io.cause());
        assertEquals("could not read /usr/sbin/pre-freeze-script: stat: cannot statx: Input/output error", io.reason());
        assertEquals("could not read /usr/sbin/pre-freeze-script: status 141", unknown(read(STAT, "141", "", ""))
                .reason());
        assertEquals("could not read /usr/sbin/pre-freeze-script: status weird", unknown(read(STAT, "weird", "", ""))
                .reason());
    }

    @Test
    void theEvidenceOfAFailureHoldsTheStatusBothStreamsAndNothingEmpty() {
        assertEquals("status 1\npartial\nstderr: stat: Input/output error", read(STAT, "1", "partial\n",
                "stat: Input/output error\n").evidence().excerpt());
        assertEquals("status 1\nstderr: boom", read(STAT, "1", "", "boom").evidence().excerpt());
        assertEquals("status 1\nout", read(STAT, "1", "out", "").evidence().excerpt());
    }

    @Test
    void aSuccessThatSaysNothingUnderstoodIsAnUnexpectedAnswerWithItsFirstLine() {
        Fact<FileInfo> fact = read(STAT, "0", "hello\nworld\n", "");
        Fact.Unknown<?> unexpected = unknown(fact);
        assertEquals(Fact.Cause.UNEXPECTED, unexpected.cause());
        assertEquals("unexpected answer for stat /usr/sbin/pre-freeze-script: hello", unexpected.reason());
        assertEquals("hello\nworld\n", fact.evidence().excerpt());
    }

    @Test
    void aReasonKeepsAtMostThreeHundredCharactersOfALine() {
        String exactly = "e".repeat(300);
        assertEquals("could not read /usr/sbin/pre-freeze-script: " + exactly, unknown(read(STAT, "1", "", exactly))
                .reason());
        assertEquals("could not read /usr/sbin/pre-freeze-script: " + exactly + "...", unknown(read(STAT, "1", "",
                exactly + "f")).reason());
    }
}
