package dev.quiesce.check;

import dev.quiesce.facts.script.ScriptRun;
import java.util.List;
import java.util.Optional;

/**
 * QZ-SC-006: called with {@code freezeFail} (after a later script's freeze failed), a thaw script thaws as
 * it does on {@code thaw}: it fails when some path thaws on {@code thaw} and none does on {@code freezeFail}
 * (a branch on a host condition, such as a file test, is not held against it). A script that ignores its argument does; a {@code case} on the
 * lower-case {@code freezefail} of the tools.conf comment never matches what vmtoolsd sends.
 */
final class FreezeFailJudge implements ScriptJudge {
    @Override
    public String expected(ScriptContentCheck.Parameters p) {
        return "ExternalThaw called on freezeFail too";
    }

    @Override
    public void judge(ScriptTarget target, ScriptContentCheck.Parameters p, Optional<List<String>> running, Tally tally) {
        if (target.side() != ScriptSide.THAW) {
            return; // a freeze script is not sent freezeFail for its own failure
        }
        ScriptRun.Result thaw = target.run("thaw", 5, 5, ScriptTarget.STAND_IN);
        if (thaw.paths().stream().allMatch(path -> path.calls(ScriptSide.THAW.call()).isEmpty())) {
            tally.notChecked(target.shown() + " makes no ExternalThaw call on thaw either (QZ-SC-003 reports it)");
            return;
        }
        ScriptRun.Result result = target.run("freezeFail", 5, 5, ScriptTarget.STAND_IN);
        boolean thaws = result.paths().stream().anyMatch(path -> !path.calls(ScriptSide.THAW.call()).isEmpty());
        Optional<ScriptRun.Path> none = result.paths().stream().filter(ScriptRun.Path::decided).findFirst();
        if (!thaws && none.isPresent()) {
            boolean lower = target.script().text().matches("(?s).*\\bfreezefail\\b.*");
            tally.observe(target.shown() + ": freezeFail -> no ExternalThaw");
            tally.fail(target.shown() + " does not call ExternalThaw when vmtoolsd passes freezeFail (it exits "
                    + none.get().exitCode() + ")" + (lower ? "; its 'freezefail' is lower case and never matches the "
                    + "'freezeFail' vmtoolsd sends" : "") + ": after a later freeze script fails, the instances this "
                    + "pair froze stay frozen; thaw on freezeFail as on thaw");
            return;
        }
        if (!target.undecided(result, tally)) {
            tally.observe(target.shown() + ": freezeFail -> ExternalThaw");
        }
    }
}
