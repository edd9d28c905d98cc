package dev.quiesce.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.Status;
import dev.quiesce.model.Verdict;
import org.junit.jupiter.api.Test;

/** How what a check saw becomes one verdict, and how long lists stay readable. */
class TallyTest {
    private static Tally failing(int count) {
        Tally tally = new Tally();
        for (int i = 1; i <= count; i++) {
            tally.observe("/d/" + i + ": 0777");
            tally.fail("/d/" + i + " has mode 0777");
        }
        return tally;
    }

    @Test
    void fiftyProblemsAreAllListed() {
        Verdict verdict = failing(50).verdict("0700", "fine");
        assertEquals(Status.FAIL, verdict.status());
        assertTrue(verdict.message().endsWith("/d/49 has mode 0777; /d/50 has mode 0777"), verdict.message());
        assertTrue(!verdict.message().contains("more"), verdict.message());
    }

    @Test
    void beyondFiftyTheRestAreCounted() {
        Verdict verdict = failing(60).verdict("0700", "fine");
        assertTrue(verdict.message().endsWith("/d/50 has mode 0777; and 10 more"), verdict.message());
        assertTrue(!verdict.message().contains("/d/51 "), verdict.message());
        assertTrue(verdict.observed().endsWith("/d/50: 0777; and 10 more"), verdict.observed());
    }

    @Test
    void oneSubjectCheckedBesideOnesNotCheckedIsAPassThatNamesThem() {
        Tally tally = new Tally();
        tally.notChecked("/usr/sbin/post-thaw-script is missing");
        tally.observe("/usr/sbin/pre-freeze-script: 0700");
        Verdict verdict = tally.verdict("0700", "every path is as required");
        assertEquals(Status.PASS, verdict.status());
        assertEquals("every path is as required (not checked: /usr/sbin/post-thaw-script is missing)",
                verdict.message());
    }

    @Test
    void onlySubjectsNotCheckedIsSkippedAndNothingSeenAtAllIsAPassOfNothing() {
        Tally skipped = new Tally();
        skipped.notChecked("/usr/sbin/pre-freeze-script is missing");
        assertEquals(Status.SKIPPED, skipped.verdict("0700", "fine").status());
        Verdict nothing = new Tally().verdict("0700", "fine");
        assertEquals(Status.PASS, nothing.status());
        assertEquals("nothing", nothing.observed());
    }

    @Test
    void aFailureBesideAnUnknownIsAFailThatNamesWhatCouldNotBeChecked() {
        Tally tally = new Tally();
        tally.fail("/a has mode 0777");
        tally.unknown("permission denied reading /b");
        Verdict verdict = tally.verdict("0700", "fine");
        assertEquals(Status.FAIL, verdict.status());
        assertEquals("/a has mode 0777 (also could not check: permission denied reading /b)", verdict.message());
    }
}
