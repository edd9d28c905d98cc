package dev.quiesce.facts.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What other rules read of a freeze script without judging it: its {@code fsfreeze} calls with their mount
 * points (QZ-VT-006: a file system frozen by the script must be in {@code excludedFileSystems}) and its
 * {@code ExternalFreeze} calls with their arguments (QZ-VT-007 and QZ-SC-007: the freeze timeout). Read from
 * the run of the script with {@code freeze} as argument, the session answering 5, on every path, each
 * call once (by line).
 */
public record ScriptFacts(List<ScriptRun.FsFreeze> fsfreezes, List<FreezeCall> freezeCalls) {
    public ScriptFacts {
        fsfreezes = List.copyOf(fsfreezes);
        freezeCalls = List.copyOf(freezeCalls);
    }

    public static ScriptFacts of(ShellScript script) {
        return of(ScriptRun.run(script, ScriptRun.Scenario.of("freeze", 5, 5, List.of("IRIS"))));
    }

    public static ScriptFacts of(ScriptRun.Result result) {
        Map<String, ScriptRun.FsFreeze> freezes = new LinkedHashMap<>();
        Map<Integer, FreezeCall> calls = new LinkedHashMap<>();
        for (ScriptRun.Path path : result.paths()) {
            for (ScriptRun.FsFreeze f : path.fsfreezes()) {
                freezes.putIfAbsent(f.line() + "\0" + f.mountPoint(), f);
            }
            for (SessionCall c : path.calls(CallKind.FREEZE)) {
                calls.putIfAbsent(c.line(), new FreezeCall(c.line(), c.wrapper() ? List.of() : c.arguments(),
                        c.wrapper(), c.wrapper() || c.objectScript().contains("Backup.General).")));
            }
        }
        return new ScriptFacts(new ArrayList<>(freezes.values()), new ArrayList<>(calls.values()));
    }

    /** The mount points the script freezes with {@code fsfreeze -f}, where known. */
    public List<String> frozenMountPoints() {
        return fsfreezes.stream().filter(ScriptRun.FsFreeze::freeze).map(ScriptRun.FsFreeze::mountPoint)
                .filter(Value::known).map(Value::text).distinct().toList();
    }
}
