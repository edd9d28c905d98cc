package dev.quiesce.check;

import dev.quiesce.facts.Fact;
import dev.quiesce.model.Details;
import dev.quiesce.model.Evidence;
import dev.quiesce.model.Status;
import dev.quiesce.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects what a check saw over several paths or entries and turns it into one verdict: any failure
 * makes FAIL, else anything unknown makes ERROR, else, when every subject was left unchecked (the file
 * another rule reports missing), SKIPPED, else PASS. A failure found next to an unknown is still a
 * failure: it is certain whatever the unknown turns out to be. {@link #read} records a fact's evidence
 * and sends an unknown fact to {@link #unknown}, so a check cannot forget that case.
 */
public final class Tally {
    private static final int MAX_LISTED = 50;

    private final List<String> failures = new ArrayList<>();
    private final List<String> unknowns = new ArrayList<>();
    private final List<String> observed = new ArrayList<>();
    private final List<String> notChecked = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private boolean anyChecked;
    private Details details = Details.NONE;

    /**
     * Reads one fact: its evidence is kept; {@code present} gets the value, {@code absent} runs when the
     * fact is known not to exist; an unknown fact is observed as "{@code subject}: unknown" and its
     * reason makes the verdict ERROR unless something failed.
     */
    public <T> void read(String subject, Fact<T> fact, Consumer<T> present, Runnable absent) {
        evidence(fact.evidence());
        switch (fact) {
            case Fact.Present<T> p -> present.accept(p.value());
            case Fact.Absent<T> a -> absent.run();
            case Fact.Unknown<T> u -> {
                observe(subject + ": unknown");
                unknown(u.reason());
            }
        }
    }

    public void fail(String problem) {
        failures.add(problem);
    }

    public void unknown(String reason) {
        unknowns.add(reason);
    }

    /** What was seen of one subject that was checked. */
    public void observe(String what) {
        observed.add(what);
        anyChecked = true;
    }

    /** What the rule read to decide, worth showing, which by itself checks nothing (the files a reading found). */
    public void note(String what) {
        observed.add(what);
    }

    /** A subject this rule does not judge (a missing file another rule reports), and why. */
    public void notChecked(String what) {
        observed.add(what);
        notChecked.add(what);
    }

    public void evidence(Evidence item) {
        if (!evidence.contains(item)) {
            evidence.add(item);
        }
    }

    /** Tables and time series to attach to the verdict. */
    public void details(Details more) {
        details = more;
    }

    public Verdict verdict(String expected, String passMessage) {
        String seen = observed.isEmpty() ? "nothing" : listed(observed);
        Verdict verdict;
        if (!failures.isEmpty()) {
            String also = unknowns.isEmpty() ? "" : " (also could not check: " + listed(unknowns) + ")";
            verdict = Verdict.fail(seen, expected, listed(failures) + also, evidence);
        } else if (!unknowns.isEmpty()) {
            verdict = new Verdict(Status.ERROR, seen, expected, "could not decide: " + listed(unknowns), evidence);
        } else if (!anyChecked && !notChecked.isEmpty()) {
            verdict = new Verdict(Status.SKIPPED, seen, expected, "not checked: " + listed(notChecked), evidence);
        } else {
            verdict = Verdict.pass(seen, expected, passMessage + (notChecked.isEmpty() ? ""
                    : " (not checked: " + listed(notChecked) + ")"), evidence);
        }
        return verdict.withDetails(details);
    }

    /** At most {@value MAX_LISTED} items, then how many more: a finding stays readable whatever a host holds. */
    private static String listed(List<String> items) {
        if (items.size() <= MAX_LISTED) {
            return String.join("; ", items);
        }
        return String.join("; ", items.subList(0, MAX_LISTED)) + "; and " + (items.size() - MAX_LISTED) + " more";
    }
}
