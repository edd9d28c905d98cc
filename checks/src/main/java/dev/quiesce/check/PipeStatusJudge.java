package dev.quiesce.check;

import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.script.ScriptRun;
import dev.quiesce.facts.script.SessionCall;
import java.util.List;
import java.util.Optional;

/**
 * QZ-SC-009: the session's status is taken from the session command, not from a pipe: in
 * {@code csession ... | tee log} (or {@code |&}) {@code $?} is tee's status unless {@code set -o pipefail}
 * is on or the script reads {@code ${PIPESTATUS[0]}}.
 */
final class PipeStatusJudge implements ScriptJudge {
    @Override
    public String expected(ScriptContentCheck.Parameters p) {
        return "the session's own status read, not a pipe's (pipefail or PIPESTATUS where the session is piped)";
    }

    @Override
    public void judge(ScriptTarget target, ScriptContentCheck.Parameters p, Optional<List<String>> running, Tally tally) {
        ScriptRun.Result result = target.run(5, ScriptTarget.STAND_IN);
        boolean pipestatus = target.script().text().contains("PIPESTATUS");
        Optional<SessionCall> masked = result.paths().stream().flatMap(path -> path.calls(target.side().call()).stream())
                .filter(c -> c.piped() && !c.statusReached()).findFirst();
        if (masked.isPresent() && !pipestatus) {
            SessionCall c = masked.get();
            tally.observe(target.shown() + ": line " + c.line() + ": session piped without pipefail");
            tally.fail(target.shown() + " line " + c.line() + " pipes the session (" + ShownText.escaped(c.written())
                    + " | ...) without pipefail: $? is the last command's status (tee's 0), not the session's 5 or 3; "
                    + "add set -o pipefail (bash), or read ${PIPESTATUS[0]}");
            return;
        }
        if (result.paths().stream().allMatch(path -> path.calls(target.side().call()).isEmpty())) {
            if (!target.undecided(result, tally)) {
                tally.notChecked(target.shown() + " makes no " + target.side().method() + " call (QZ-SC-002/003 report it)");
            }
            return;
        }
        tally.observe(target.shown() + ": the session's own status" + (masked.isPresent() ? " (through PIPESTATUS)" : ""));
    }
}
