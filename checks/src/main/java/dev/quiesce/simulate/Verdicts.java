package dev.quiesce.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Judges a scenario's run by what vmtoolsd does with it (domain notes, vmware-tools.md): a freeze script
 * that exits non-zero aborts the quiesce ("Custom quiesce script failed."), so exiting with the
 * session's own 5 fails every quiesced snapshot; one that exits 0 when the freeze failed reports a
 * quiesced snapshot of a running database; a thaw that fails must be reported and must not stop the
 * other instances' thaws; after a failed freeze, post-thaw-script gets {@code freezeFail} and must thaw.
 */
final class Verdicts {
    private static final String WAITS = ": vmtoolsd would wait until its [vmbackup] timeout (900 s by default) "
            + "and then abort the snapshot";

    private Verdicts() {}

    static Verdict judge(Scenario s, Sandbox.Result run, CallLog log) {
        List<String> wrong = new ArrayList<>();
        String still = "still running after " + Math.round(run.elapsed().toMillis() / 1000.0) + " s";
        Set<String> frozen = instances(log, s, c -> c.isFreeze() && (c.answer().equals("5")
                || (c.operation().equals("CommandLineFreeze") && c.answer().equals("0"))));
        Set<String> freezeTried = instances(log, s, Call::isFreeze);
        Set<String> thawTried = instances(log, s, Call::isThaw);
        Set<String> notFrozen = missing(s, frozen);
        Set<String> notThawed = missing(s, thawTried);
        int exit = run.exitCode();
        String ok;
        switch (s.expectation()) {
            case FROZEN -> {
                if (run.killed()) {
                    wrong.add(still + WAITS);
                } else if (exit == 5) {
                    wrong.add("exited 5, the session's own status: vmtoolsd takes any exit but 0 as a failed freeze, "
                            + "so every quiesced snapshot fails (QZ-SC-004)");
                } else if (exit != 0) {
                    wrong.add("exited " + exit + (frozen.isEmpty() ? " where ExternalFreeze of the running instances "
                            + "would have answered 5" : " after the freeze succeeded") + ": vmtoolsd aborts the quiesce "
                            + "(\"Custom quiesce script failed.\")");
                }
                if (!notFrozen.isEmpty()) {
                    wrong.add("never froze " + String.join(", ", notFrozen) + ": the snapshot holds a running "
                            + "instance (QZ-SC-005)");
                }
                if (!thawTried.isEmpty()) {
                    wrong.add("thawed " + String.join(", ", thawTried) + " before exiting: the snapshot, taken after "
                            + "the script returns, holds a running database");
                }
                ok = "exited 0 with " + String.join(", ", frozen) + " frozen (ExternalFreeze answered 5)";
            }
            case FREEZE_FAILED -> {
                String status = s.freeze().equals("1") ? "the session was refused (1)" : "ExternalFreeze answered "
                        + s.freeze();
                if (run.killed()) {
                    wrong.add(still + " after " + status + WAITS);
                } else if (exit == 0) {
                    wrong.add("exited 0 though " + status + ": vmtoolsd records a quiesced snapshot of a running "
                            + "database (QZ-SC-004)");
                }
                ok = "exited " + exit + " after " + status + (freezeTried.isEmpty() ? " (it called no freeze)" : "");
            }
            case FREEZE_HANGS -> {
                if (!run.killed() && exit == 0) {
                    wrong.add("exited 0 while ExternalFreeze had not answered: vmtoolsd records a quiesced snapshot "
                            + "of an instance that may not be frozen");
                }
                ok = run.killed() ? "still waiting for the session when killed after " + Math.round(
                        run.elapsed().toMillis() / 1000.0) + " s; vmtoolsd's [vmbackup] timeout (900 s by default) "
                        + "aborts that snapshot, a timeout of the script's own would fail it sooner"
                        : "gave up on the hanging session with exit " + exit;
            }
            case THAWED -> {
                if (run.killed()) {
                    wrong.add(still);
                } else if (exit == 5) {
                    wrong.add("exited 5, the session's own status: vmtoolsd reports the backup failed although "
                            + "every thaw succeeded (QZ-SC-004)");
                } else if (exit != 0) {
                    wrong.add("exited " + exit + " after every thaw answered 5: vmtoolsd reports the backup failed");
                }
                if (!notThawed.isEmpty()) {
                    wrong.add("never thawed " + String.join(", ", notThawed) + ": it stays frozen and its users wait "
                            + "until someone runs ExternalThaw (QZ-SC-005)");
                }
                ok = "exited 0 with " + String.join(", ", thawTried) + " thawed (ExternalThaw answered 5)";
            }
            case THAW_FAILED -> {
                if (run.killed()) {
                    wrong.add(still);
                } else if (exit == 0) {
                    wrong.add("exited 0 though ExternalThaw answered 3: the failed thaw goes unreported and the "
                            + "instance may stay frozen (QZ-SC-004)");
                }
                if (!notThawed.isEmpty()) {
                    wrong.add("never tried to thaw " + String.join(", ", notThawed) + ": one failed thaw must not "
                            + "leave the other instances frozen");
                }
                ok = "exited " + exit + " after ExternalThaw answered 3, having tried every running instance";
            }
            case THAWED_AFTER_FAILED_FREEZE -> {
                if (run.killed()) {
                    wrong.add(still);
                }
                if (!notThawed.isEmpty()) {
                    wrong.add("did not thaw " + String.join(", ", notThawed) + " on freezeFail: after a failed freeze "
                            + "this is the only script that can thaw what an earlier step froze (QZ-SC-006)");
                }
                ok = "thawed " + String.join(", ", thawTried) + " on freezeFail (vmtoolsd ignores its exit status, "
                        + exit + ")";
            }
            default -> throw new IllegalStateException("unknown expectation " + s.expectation());
        }
        log.problem().ifPresent(p -> wrong.add(p));
        return wrong.isEmpty() ? new Verdict(true, ok) : new Verdict(false, String.join("; ", wrong));
    }

    /** The running instances (as the scenario spells them) that some call of the kind named. */
    private static Set<String> instances(CallLog log, Scenario s, Predicate<Call> kind) {
        Set<String> named = new TreeSet<>();
        for (Call c : log.calls()) {
            if (kind.test(c)) {
                s.running().stream().filter(r -> r.toUpperCase(Locale.ROOT).equals(c.instance().toUpperCase(Locale.ROOT)))
                        .forEach(named::add);
            }
        }
        return named;
    }

    private static Set<String> missing(Scenario s, Set<String> named) {
        Set<String> missing = new TreeSet<>(s.running());
        missing.removeAll(named);
        return missing;
    }
}
