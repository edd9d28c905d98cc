package dev.quiesce.facts.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An abstract run of a parsed script for one scenario: the argument vmtoolsd passes, the status the
 * database session returns for freeze and thaw calls, and the running instances (what a loop over
 * {@code qlist}/{@code qall} output yields). Nothing is executed: the run tracks literal assignments,
 * {@code $?}, {@code $1}, {@code exit}, functions, {@code case}, tests of known values, {@code && ||},
 * {@code set -e}/{@code pipefail}, traps and {@code PIPESTATUS}; plain commands (echo, logger, date...)
 * succeed. Where it cannot decide (a file test, an unknown command in a condition), it follows both
 * ways, up to {@value #MAX_PATHS} paths; beyond that, or where it meets what it does not model, the path
 * ends undecided, with why and the line.
 */
public final class ScriptRun {
    public static final int MAX_PATHS = 64;
    static final int MAX_STEPS = 200_000;

    /** What vmtoolsd and the database do in one run. {@code argument} empty: no first argument. */
    public record Scenario(Optional<String> argument, int freezeStatus, int thawStatus, List<String> instances) {
        public Scenario {
            instances = List.copyOf(instances);
        }

        public static Scenario of(String argument, int freezeStatus, int thawStatus, List<String> instances) {
            return new Scenario(Optional.ofNullable(argument), freezeStatus, thawStatus, instances);
        }

        /** How a finding names the scenario: "freeze, session returns 5". */
        public String describe() {
            String arg = argument.map(a -> "$1=" + a).orElse("no argument");
            return arg + ", freeze returns " + freezeStatus + ", thaw returns " + thawStatus
                    + ", running " + (instances.isEmpty() ? "none" : String.join(",", instances));
        }
    }

    /** An {@code fsfreeze} call: freeze ({@code -f}) or unfreeze ({@code -u}), and its mount point. */
    public record FsFreeze(int line, boolean freeze, Value mountPoint) {}

    /**
     * One explored path: the session calls in order, the {@code fsfreeze} calls, and the exit code (null when
     * undecided, then {@code undecided} says why and {@code undecidedLine} where); {@code errexit} when
     * {@code set -e} ended it, {@code errexitSeen} when {@code set -e} (or {@code -e} in the shebang) was on at
     * any point, {@code trapThaws} when an ERR or EXIT trap set at the end calls ExternalThaw (or instthaw);
     * {@code written}, the files it wrote to, in order (see {@link WrittenFile}: the log files to scan).
     */
    public record Path(List<SessionCall> calls, List<FsFreeze> fsfreezes, Integer exitCode, String undecided,
                       int undecidedLine, boolean errexit, boolean errexitSeen, boolean trapThaws,
                       List<WrittenFile> written) {
        public Path {
            calls = List.copyOf(calls);
            fsfreezes = List.copyOf(fsfreezes);
            written = List.copyOf(written);
        }

        /** A path that wrote no file: the shape callers built before files were recorded. */
        public Path(List<SessionCall> calls, List<FsFreeze> fsfreezes, Integer exitCode, String undecided,
                    int undecidedLine, boolean errexit, boolean errexitSeen, boolean trapThaws) {
            this(calls, fsfreezes, exitCode, undecided, undecidedLine, errexit, errexitSeen, trapThaws, List.of());
        }

        public boolean decided() {
            return exitCode != null;
        }

        public List<SessionCall> calls(CallKind kind) {
            return calls.stream().filter(c -> c.kind() == kind).toList();
        }
    }

    /** Every path of one scenario, and the reading problems that make any of it doubtful. */
    public record Result(Scenario scenario, List<Path> paths) {
        public Result {
            paths = List.copyOf(paths);
        }

        /** The first undecided path, if any. */
        public Optional<Path> undecided() {
            return paths.stream().filter(p -> !p.decided()).findFirst();
        }
    }

    private ScriptRun() {}

    /** Runs {@code script} for {@code scenario}; never throws. */
    public static Result run(ShellScript script, Scenario scenario) {
        RunState start = new RunState();
        scenario.argument().ifPresent(a -> start.positional.add(Value.of(a)));
        start.errexit = script.shebang().map(Shebang::errexit).orElse(false);
        start.sawErrexit = start.errexit;
        Interpreter interpreter = new Interpreter(script, scenario);
        List<RunState> ends;
        try {
            ends = interpreter.finish(interpreter.exec(script.body(), start, false));
        } catch (StackOverflowError | RuntimeException e) {
            RunState failed = new RunState();
            failed.undecided("the run could not follow the script (" + e.getClass().getSimpleName() + ")", 1);
            ends = List.of(failed);
        }
        List<Path> paths = new ArrayList<>();
        for (RunState s : ends) {
            paths.add(new Path(s.calls, s.fsfreezes, s.flow == RunState.Flow.UNDECIDED ? null : s.exitCode,
                    s.flow == RunState.Flow.UNDECIDED ? s.undecided : null, s.undecidedLine, s.exitedByErrexit,
                    s.sawErrexit, s.traps.values().stream().anyMatch(t -> Calls.holds(t, CallKind.THAW, s.functions)),
                    s.written));
        }
        return new Result(scenario, paths);
    }

    /** Whether a script's words name ExternalFreeze or ExternalThaw at all (the scripts-directory test). */
    public static boolean callsBackupGeneral(String text) {
        return text.contains("ExternalFreeze") || text.contains("ExternalThaw") || text.contains("instfreeze")
                || text.contains("instthaw");
    }

    static Interpreter interpreter(ShellScript script, Scenario scenario) {
        return new Interpreter(script, scenario);
    }
}
