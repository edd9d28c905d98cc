package dev.quiesce.check;

import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.script.ScriptRun;
import dev.quiesce.facts.script.SessionCall;
import java.util.List;
import java.util.Optional;

/**
 * QZ-SC-002/003: the script calls this side's Backup.General method through {@code iris session},
 * {@code irissession} or {@code csession} (Epic's {@code instfreeze}/{@code instthaw} are recognised by
 * name and said so); a template placeholder left in ({@code csession <CACHE INSTANCE>}) is no call.
 */
final class CallsJudge implements ScriptJudge {
    @Override
    public String expected(ScriptContentCheck.Parameters p) {
        return "each script calls its side's Backup.General method through iris session, irissession or csession";
    }

    @Override
    public void judge(ScriptTarget target, ScriptContentCheck.Parameters p, Optional<List<String>> running, Tally tally) {
        ScriptRun.Result result = target.run(5, ScriptTarget.STAND_IN);
        List<SessionCall> calls = result.paths().stream().flatMap(path -> path.calls(target.side().call()).stream())
                .toList();
        Optional<SessionCall> placeholder = calls.stream().filter(SessionCall::placeholder).findFirst();
        if (placeholder.isPresent()) {
            tally.observe(target.shown() + ": line " + placeholder.get().line() + ": " + ShownText.escaped(
                    placeholder.get().written()));
            tally.fail(target.shown() + " line " + placeholder.get().line() + ": " + ShownText.escaped(
                    placeholder.get().instanceWhy()) + ": put the instance's name there");
            return;
        }
        Optional<SessionCall> call = calls.stream().filter(c -> !c.placeholder()).findFirst();
        if (call.isPresent()) {
            SessionCall c = call.get();
            tally.observe(target.shown() + ": line " + c.line() + ": " + ShownText.escaped(c.written())
                    + (c.wrapper() ? " (Epic's " + (c.written().contains("instthaw") ? "instthaw" : "instfreeze")
                    + " wrapper, recognised by name; it is taken to call " + target.side().method() + ")" : ""));
            return;
        }
        if (target.undecided(result, tally)) {
            return;
        }
        tally.observe(target.shown() + ": no " + target.side().method() + " call");
        tally.fail(target.shown() + " never calls " + target.side().method() + " through iris session, irissession "
                + "or csession when vmtoolsd passes '" + target.side().argument() + "'"
                + (target.side() == dev.quiesce.check.ScriptSide.FREEZE
                ? ": the database is not frozen and the snapshot is crash-consistent at best"
                : ": a frozen database is never thawed, and users hang until someone runs ExternalThaw"));
    }
}
