package dev.quiesce.check;

import dev.quiesce.facts.script.ScriptRun;
import java.util.List;
import java.util.Optional;

/**
 * QZ-SC-008: a script that freezes runs without {@code set -e} (or {@code -e} in its shebang), unless an
 * ERR or EXIT trap thaws: with errexit, any failing command after the freeze ends the script and leaves the
 * database suspended.
 */
final class ErrexitJudge implements ScriptJudge {
    @Override
    public String expected(ScriptContentCheck.Parameters p) {
        return "no set -e in a script that freezes, unless an ERR or EXIT trap thaws";
    }

    @Override
    public void judge(ScriptTarget target, ScriptContentCheck.Parameters p, Optional<List<String>> running, Tally tally) {
        ScriptRun.Result result = target.run("freeze", 5, 5, ScriptTarget.STAND_IN);
        List<ScriptRun.Path> freezing = result.paths().stream().filter(path -> !path.calls(ScriptSide.FREEZE.call())
                .isEmpty()).toList();
        if (freezing.isEmpty()) {
            if (!target.undecided(result, tally)) {
                tally.observe(target.shown() + ": does not freeze");
            }
            return;
        }
        Optional<ScriptRun.Path> bad = freezing.stream().filter(ScriptRun.Path::errexitSeen)
                .filter(path -> !path.trapThaws()).findFirst();
        if (bad.isPresent()) {
            boolean shebang = target.script().shebang().map(s -> s.errexit()).orElse(false);
            tally.observe(target.shown() + ": " + (shebang ? "-e in the shebang" : "set -e") + ", no trap that thaws");
            tally.fail(target.shown() + " freezes with " + (shebang ? "-e in its shebang" : "set -e (errexit) on")
                    + " and no ERR or EXIT trap that calls ExternalThaw: a command that fails after the freeze ends "
                    + "the script and leaves the database suspended; drop errexit, or add a trap that thaws");
            return;
        }
        tally.observe(target.shown() + (freezing.stream().anyMatch(ScriptRun.Path::errexitSeen)
                ? ": set -e, with a trap that thaws" : ": no set -e"));
    }
}
