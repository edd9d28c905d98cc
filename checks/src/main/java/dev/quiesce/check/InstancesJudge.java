package dev.quiesce.check;

import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.script.ScriptRun;
import dev.quiesce.facts.script.SessionCall;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * QZ-SC-005: on every path that calls the session at all, every running instance gets this side's call (a loop over {@code qlist} or
 * {@code qall} output does that, as does naming each one); a call to an instance that is not running, or a
 * running instance never named, fails. Instance names are compared in any case, as IRIS does.
 */
final class InstancesJudge implements ScriptJudge {
    @Override
    public String expected(ScriptContentCheck.Parameters p) {
        return "every running instance frozen and thawed, no call to an instance that is not running";
    }

    @Override
    public boolean needsInstances() {
        return true;
    }

    @Override
    public void judge(ScriptTarget target, ScriptContentCheck.Parameters p, Optional<List<String>> running, Tally tally) {
        if (running.isEmpty()) {
            return; // the reason is in the tally already
        }
        List<String> up = running.get();
        ScriptRun.Result result = target.run(5, up);
        TreeSet<String> missed = new TreeSet<>();
        TreeSet<String> notRunning = new TreeSet<>();
        int withoutCall = 0;
        for (ScriptRun.Path path : result.paths()) {
            if (!path.decided()) {
                continue;
            }
            if (path.calls(target.side().call()).isEmpty()) {
                withoutCall++; // a branch on a host condition (a file test) that calls nothing: QZ-SC-002/003's concern
                continue;
            }
            TreeSet<String> called = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (SessionCall call : path.calls(target.side().call())) {
                if (call.instance().isEmpty()) {
                    if (call.placeholder()) {
                        tally.fail(target.shown() + " line " + call.line() + ": " + ShownText.escaped(call.instanceWhy()));
                    } else {
                        tally.unknown(target.shown() + " line " + call.line() + ": the instance of "
                                + ShownText.escaped(call.written()) + " is not known (" + ShownText.escaped(call.instanceWhy())
                                + "); " + target.simulateHint());
                    }
                    continue;
                }
                String name = call.instance().get();
                called.add(name);
                if (up.stream().noneMatch(u -> u.equalsIgnoreCase(name))) {
                    notRunning.add(ShownText.escaped(name) + " (line " + call.line() + ")");
                }
            }
            up.stream().filter(u -> !called.contains(u)).forEach(missed::add);
        }
        target.undecided(result, tally);
        String method = target.side().method();
        if (!notRunning.isEmpty()) {
            tally.fail(target.shown() + " calls " + method + " for " + String.join(", ", notRunning) + ", which is not "
                    + "running (running: " + (up.isEmpty() ? "none" : String.join(", ", up)) + "): a hard-coded "
                    + "instance; loop over the running instances (iris qlist / ccontrol qall) instead");
        }
        if (!missed.isEmpty()) {
            tally.fail(target.shown() + " never calls " + method + " for the running instance(s) "
                    + String.join(", ", missed) + (target.side() == ScriptSide.FREEZE ? ": their databases are "
                    + "not frozen in the snapshot" : ": they stay frozen after the snapshot"));
        }
        List<String> named = result.paths().stream().flatMap(pa -> pa.calls(target.side().call()).stream())
                .map(c -> c.instance().map(ShownText::escaped).orElse("?")).distinct().toList();
        tally.observe(target.shown() + ": " + method + " for " + (named.isEmpty() ? "no instance" : String.join(", ", named))
                + (withoutCall > 0 ? " (" + withoutCall + " path(s) on host conditions call nothing: not judged)" : ""));
    }
}
