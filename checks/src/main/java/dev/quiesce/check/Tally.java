package dev.quiesce.check;

import dev.quiesce.model.Evidence;
import dev.quiesce.model.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a check saw over several paths or entries and turns it into one verdict: any failure
 * makes FAIL, else anything unknown makes ERROR, else PASS. A failure found next to an unknown is still
 * a failure: it is certain whatever the unknown turns out to be.
 */
final class Tally {
    private final List<String> failures = new ArrayList<>();
    private final List<String> unknowns = new ArrayList<>();
    private final List<String> observed = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();

    void fail(String problem) {
        failures.add(problem);
    }

    void unknown(String reason) {
        unknowns.add(reason);
    }

    void observe(String what) {
        observed.add(what);
    }

    void evidence(Evidence item) {
        if (!evidence.contains(item)) {
            evidence.add(item);
        }
    }

    Verdict verdict(String expected, String passMessage) {
        String seen = observed.isEmpty() ? "nothing" : String.join("; ", observed);
        if (!failures.isEmpty()) {
            String also = unknowns.isEmpty() ? "" : " (also could not check: " + String.join("; ", unknowns) + ")";
            return Verdict.fail(seen, expected, String.join("; ", failures) + also, evidence);
        }
        if (!unknowns.isEmpty()) {
            return new Verdict(dev.quiesce.model.Status.ERROR, seen, expected,
                    "could not decide: " + String.join("; ", unknowns), evidence);
        }
        return Verdict.pass(seen, expected, passMessage, evidence);
    }
}
