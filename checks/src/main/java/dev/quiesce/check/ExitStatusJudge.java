package dev.quiesce.check;

import dev.quiesce.facts.script.ScriptRun;
import java.util.List;
import java.util.Optional;

/**
 * QZ-SC-004: the session's 5 (frozen, thawed) becomes exit 0; 3 (failed), and any other status (1: the
 * session refused), become a non-zero exit. A script that exits with the session's own 5 fails every
 * quiesced snapshot; one that exits 0 on an unknown status reports a freeze that never happened. Judged
 * on the paths that made this side's call; the thaw codes are InterSystems' convention (unconfirmed).
 */
final class ExitStatusJudge implements ScriptJudge {
    private static final List<Integer> STATUSES = List.of(5, 3, 1);

    @Override
    public String expected(ScriptContentCheck.Parameters p) {
        return "session status 5 gives exit 0; 3 and any other status give a non-zero exit";
    }

    @Override
    public void judge(ScriptTarget target, ScriptContentCheck.Parameters p, Optional<List<String>> running, Tally tally) {
        String unconfirmed = target.side() == ScriptSide.THAW
                ? " (5 and 3 for ExternalThaw are what InterSystems' own thaw scripts test, unconfirmed in the class "
                + "reference)" : "";
        boolean wrong = false;
        for (int status : STATUSES) {
            ScriptRun.Result result = target.run(status, ScriptTarget.STAND_IN);
            for (ScriptRun.Path path : result.paths()) {
                if (path.calls(target.side().call()).isEmpty() || !path.decided()) {
                    continue;
                }
                int exit = path.exitCode();
                if (status == 5 && exit != 0) {
                    wrong = true;
                    tally.fail(target.shown() + " exits " + exit + " when the session returns 5 ("
                            + (target.side() == ScriptSide.FREEZE ? "frozen" : "thawed") + ")" + unconfirmed + ": vmtoolsd "
                            + "takes any non-zero exit as a failure" + (target.side() == ScriptSide.FREEZE
                            ? ", so every quiesced snapshot fails" : "") + "; translate 5 into exit 0");
                } else if (status != 5 && exit == 0) {
                    wrong = true;
                    tally.fail(target.shown() + " exits 0 when the session returns " + status
                            + (status == 3 ? " (failed)" : " (not 5 or 3: the session did not run the call)") + unconfirmed
                            + ": vmtoolsd is told the " + target.side().argument() + " worked when it did not; exit "
                            + "non-zero on 3 and on any status other than 5");
                } else {
                    continue;
                }
                break; // one wrong path per status is enough to say
            }
            if (target.undecided(result, tally)) {
                wrong = true;
            }
        }
        if (!wrong) {
            tally.observe(target.shown() + ": 5 -> exit 0, 3 -> non-zero, 1 -> non-zero" + unconfirmed);
        } else {
            tally.observe(target.shown() + ": exit status not as vmtoolsd needs it");
        }
    }
}
