package dev.quiesce.facts.script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One path of a run as it goes: variables, {@code $?}, options, traps, functions and what it did. Copied at each fork. */
final class RunState {
    enum Flow { RUNNING, EXITED, RETURNED, BREAK, CONTINUE, UNDECIDED }

    Map<String, Value> variables = new HashMap<>();
    List<Value> positional = new ArrayList<>();
    Integer status = 0;
    String statusWhy = "";
    List<Integer> pipeStatus = new ArrayList<>();
    boolean errexit;
    boolean pipefail;
    Map<String, Node> traps = new HashMap<>();
    Map<String, String> trapTexts = new HashMap<>();
    Map<String, Node> functions = new HashMap<>();
    List<SessionCall> calls = new ArrayList<>();
    List<ScriptRun.FsFreeze> fsfreezes = new ArrayList<>();
    List<WrittenFile> written = new ArrayList<>();
    Flow flow = Flow.RUNNING;
    int loopLevels;
    Integer exitCode;
    String undecided;
    int undecidedLine;
    int functionDepth;
    boolean inExitTrap;
    boolean sawErrexit;
    boolean exitedByErrexit;

    RunState copy() {
        RunState c = new RunState();
        c.variables = new HashMap<>(variables);
        c.positional = new ArrayList<>(positional);
        c.status = status;
        c.statusWhy = statusWhy;
        c.pipeStatus = new ArrayList<>(pipeStatus);
        c.errexit = errexit;
        c.pipefail = pipefail;
        c.traps = new HashMap<>(traps);
        c.trapTexts = new HashMap<>(trapTexts);
        c.functions = new HashMap<>(functions);
        c.calls = new ArrayList<>(calls);
        c.fsfreezes = new ArrayList<>(fsfreezes);
        c.written = new ArrayList<>(written);
        c.flow = flow;
        c.loopLevels = loopLevels;
        c.exitCode = exitCode;
        c.undecided = undecided;
        c.undecidedLine = undecidedLine;
        c.functionDepth = functionDepth;
        c.inExitTrap = inExitTrap;
        c.sawErrexit = sawErrexit;
        c.exitedByErrexit = exitedByErrexit;
        return c;
    }

    boolean running() {
        return flow == Flow.RUNNING;
    }

    void status(Integer value, String why) {
        status = value;
        statusWhy = value == null ? why : "";
    }

    void undecided(String why, int line) {
        if (flow != Flow.UNDECIDED) {
            flow = Flow.UNDECIDED;
            undecided = why;
            undecidedLine = line;
        }
    }

    Value statusValue() {
        return status == null ? Value.unknown(statusWhy.isEmpty() ? "the last status is not known" : statusWhy)
                : Value.of(String.valueOf(status));
    }
}
