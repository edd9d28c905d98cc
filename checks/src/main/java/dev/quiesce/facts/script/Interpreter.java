package dev.quiesce.facts.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The walk behind {@link ScriptRun}: each node turns one path into the paths it can lead to. A path that
 * has ended (exit, return, break, undecided) passes through later nodes untouched.
 */
final class Interpreter {
    private static final int MAX_ITERATIONS = 12;
    private static final int MAX_FUNCTION_DEPTH = 24;
    /** Commands that print, log or move files: assumed to succeed, whatever their arguments. */
    private static final Set<String> PLAIN = Set.of("echo", "printf", "logger", "date", "sleep", "sync", "cd",
            "mkdir", "touch", "cat", "tee", "rm", "chmod", "chown", "cut", "awk", "sed", "tail", "head", "sort",
            "uniq", "tr", "wc", "cp", "mv", "ln", "basename", "dirname", "hostname", "export", "readonly", "local",
            "declare", "typeset", "unset", "umask", "wait", "env", "xargs", "id", "whoami", "mail",
            "mailx", "sendmail", "ls", "find", "stat", "dd", "su", "sudo", "systemd-cat", "exec", "ulimit",
            "usleep", "read");
    /** Session commands and Epic's wrappers, by base name. */
    private static final Set<String> ENVIRONMENT = Set.of("PATH", "HOME", "USER", "LOGNAME", "HOSTNAME", "PWD",
            "SHELL", "TERM", "LANG", "RANDOM", "SECONDS", "BASHPID", "PPID", "UID", "EUID");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(csession|irissession|iris\\s+session)\\s+<[^<>\\n]*[A-Za-z][^<>\\n]*>");

    private final ShellScript script;
    private final ScriptRun.Scenario scenario;
    private final List<String> lines;
    private int steps;
    private int paths = 1;

    Interpreter(ShellScript script, ScriptRun.Scenario scenario) {
        this.script = script;
        this.scenario = scenario;
        this.lines = script.text().lines().toList();
    }

    /** Ends every path still running: its exit code is the last status, after the EXIT trap. */
    List<RunState> finish(List<RunState> states) {
        List<RunState> out = new ArrayList<>();
        for (RunState s : states) {
            if (s.running() || s.flow == RunState.Flow.RETURNED || s.flow == RunState.Flow.BREAK
                    || s.flow == RunState.Flow.CONTINUE) {
                s.flow = RunState.Flow.RUNNING;
                out.addAll(exit(s, s.status, s.statusWhy, 0));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    List<RunState> exec(Node node, RunState s, boolean condition) {
        if (!s.running()) {
            return List.of(s);
        }
        if (++steps > ScriptRun.MAX_STEPS) {
            s.undecided("the run took more than " + ScriptRun.MAX_STEPS + " steps", node.line());
            return List.of(s);
        }
        return switch (node) {
            case Node.Sequence q -> sequence(q.commands(), s, condition);
            case Node.Simple c -> simple(c, s, condition);
            case Node.Pipeline p -> pipeline(p, s, condition);
            case Node.AndOr a -> andOr(a, s, condition);
            case Node.If i -> ifCommand(i, s, condition);
            case Node.Case c -> caseCommand(c, s, condition);
            case Node.For f -> forCommand(f, s, condition);
            case Node.Loop l -> loop(l, s, condition);
            case Node.Group g -> {
                recordRedirects(g.redirects(), s, g.line());
                yield g.subshell() ? subshell(g.body(), s, condition) : exec(g.body(), s, condition);
            }
            case Node.Function f -> {
                s.functions.put(f.name(), f.body());
                s.status(0, "");
                yield List.of(s);
            }
            case Node.Test t -> {
                List<Value> args = new ArrayList<>();
                for (Word w : t.words()) {
                    args.add(joined(expand(w, s, t.line())));
                }
                yield outcome(TestCommand.evaluate(args), s, condition, t.line());
            }
        };
    }

    private List<RunState> sequence(List<Node> commands, RunState s, boolean condition) {
        List<RunState> current = List.of(s);
        for (Node command : commands) {
            List<RunState> next = new ArrayList<>();
            for (RunState state : current) {
                next.addAll(exec(command, state, condition));
            }
            current = next;
        }
        return current;
    }

    // ---- forks ----

    /** A second path, or null (and {@code s} undecided) when the bound on paths is reached. */
    private RunState fork(RunState s, int line) {
        if (paths >= ScriptRun.MAX_PATHS) {
            s.undecided("more than " + ScriptRun.MAX_PATHS + " paths through the script", line);
            return null;
        }
        paths++;
        return s.copy();
    }

    /** Sets a test's status; an undecided one forks into true and false. */
    private List<RunState> outcome(TestCommand.Outcome o, RunState s, boolean condition, int line) {
        if (o.status() != null) {
            s.status(o.status(), "");
            return afterCommand(s, condition, line);
        }
        RunState other = fork(s, line);
        if (other == null) {
            return List.of(s);
        }
        s.status(0, "");
        other.status(1, "");
        List<RunState> both = new ArrayList<>(afterCommand(s, condition, line));
        both.addAll(afterCommand(other, condition, line));
        return both;
    }

    /** After a command outside a condition: {@code set -e} (and an ERR trap) on a non-zero status. */
    private List<RunState> afterCommand(RunState s, boolean condition, int line) {
        if (condition || !s.running() || s.status == null || s.status == 0) {
            return List.of(s);
        }
        List<RunState> out = new ArrayList<>();
        int failed = s.status;
        for (RunState t : trap(s, "ERR", line)) {
            if (t.running() && t.errexit) {
                t.exitedByErrexit = true;
                out.addAll(exit(t, failed, "", line));
            } else {
                if (t.running()) {
                    t.status(failed, "");
                }
                out.add(t);
            }
        }
        return out;
    }

    private List<RunState> trap(RunState s, String signal, int line) {
        Node action = s.traps.get(signal);
        if (action == null) {
            return List.of(s);
        }
        Integer status = s.status;
        String why = s.statusWhy;
        s.traps.remove(signal); // a trap does not fire inside itself
        List<RunState> out = exec(action, s, true);
        for (RunState t : out) {
            t.traps.put(signal, action);
            if (t.running()) {
                t.status(status, why);
            }
        }
        return out;
    }

    private List<RunState> exit(RunState s, Integer code, String why, int line) {
        List<RunState> out = new ArrayList<>();
        if (!s.inExitTrap && s.traps.containsKey("EXIT")) {
            s.inExitTrap = true;
            s.status(code, why);
            for (RunState t : trap(s, "EXIT", line)) {
                if (t.running()) {
                    end(t, code, why, line);
                }
                out.add(t);
            }
            return out;
        }
        end(s, code, why, line);
        return List.of(s);
    }

    private static void end(RunState s, Integer code, String why, int line) {
        if (code == null) {
            s.undecided("the exit code is not known: " + (why.isEmpty() ? "the last status is not known" : why), line);
        } else {
            s.flow = RunState.Flow.EXITED;
            s.exitCode = code & 0xff;
        }
    }

    // ---- compound commands ----

    private List<RunState> andOr(Node.AndOr a, RunState s, boolean condition) {
        List<RunState> out = new ArrayList<>();
        for (RunState left : exec(a.left(), s, true)) {
            if (!left.running()) {
                out.add(left);
                continue;
            }
            if (left.status == null) {
                RunState other = fork(left, a.line());
                if (other == null) {
                    out.add(left);
                    continue;
                }
                left.status(0, "");
                other.status(1, "");
                out.addAll(andOrRight(a, left, condition));
                out.addAll(andOrRight(a, other, condition));
            } else {
                out.addAll(andOrRight(a, left, condition));
            }
        }
        return out;
    }

    private List<RunState> andOrRight(Node.AndOr a, RunState s, boolean condition) {
        boolean runRight = (s.status == 0) == a.and();
        return runRight ? exec(a.right(), s, condition) : List.of(s);
    }

    private List<RunState> ifCommand(Node.If node, RunState s, boolean condition) {
        return ifFrom(node, 0, s, condition);
    }

    private List<RunState> ifFrom(Node.If node, int index, RunState s, boolean condition) {
        if (index >= node.conditions().size()) {
            if (node.otherwise() != null) {
                return exec(node.otherwise(), s, condition);
            }
            s.status(0, "");
            return List.of(s);
        }
        List<RunState> out = new ArrayList<>();
        for (RunState c : exec(node.conditions().get(index), s, true)) {
            if (!c.running()) {
                out.add(c);
                continue;
            }
            List<RunState> branches = new ArrayList<>();
            if (c.status == null) {
                RunState other = fork(c, node.line());
                if (other == null) {
                    out.add(c);
                    continue;
                }
                c.status(0, "");
                other.status(1, "");
                branches.add(c);
                branches.add(other);
            } else {
                branches.add(c);
            }
            for (RunState b : branches) {
                if (b.status == 0) {
                    out.addAll(exec(node.bodies().get(index), b, condition));
                } else {
                    out.addAll(ifFrom(node, index + 1, b, condition));
                }
            }
        }
        return out;
    }

    private List<RunState> caseCommand(Node.Case node, RunState s, boolean condition) {
        Value subject = joined(expand(node.subject(), s, node.line()));
        return caseFrom(node, 0, subject, s, condition);
    }

    private List<RunState> caseFrom(Node.Case node, int index, Value subject, RunState s, boolean condition) {
        if (index >= node.arms().size()) {
            s.status(0, "");
            return List.of(s);
        }
        Node.Arm arm = node.arms().get(index);
        Boolean matched = false;
        for (Word pattern : arm.patterns()) {
            Boolean m = matches(subject, pattern, s, arm.line());
            if (m == null) {
                matched = null;
            } else if (m) {
                matched = true;
                break;
            }
        }
        if (matched == null) {
            RunState other = fork(s, arm.line());
            if (other == null) {
                return List.of(s);
            }
            List<RunState> out = new ArrayList<>(exec(arm.body(), s, condition));
            out.addAll(caseFrom(node, index + 1, subject, other, condition));
            return out;
        }
        if (matched) {
            s.status(0, "");
            return exec(arm.body(), s, condition);
        }
        return caseFrom(node, index + 1, subject, s, condition);
    }

    private Boolean matches(Value subject, Word pattern, RunState s, int line) {
        List<Value> values = new ArrayList<>();
        for (Word.Part part : pattern.parts()) {
            values.add(part instanceof Word.Literal l ? Value.of(l.text()) : joined(expandPart(part, s, line)));
        }
        java.util.Iterator<Value> each = values.iterator();
        Pattern regex = Glob.of(pattern.parts(), p -> each.next());
        if (regex == null || !subject.known()) {
            return null;
        }
        return regex.matcher(subject.text()).matches();
    }

    private List<RunState> forCommand(Node.For node, RunState s, boolean condition) {
        List<Value> items = new ArrayList<>();
        if (node.items() == null) {
            items.addAll(s.positional);
        } else {
            for (Word w : node.items()) {
                items.addAll(expand(w, s, node.line()));
            }
        }
        if (items.stream().anyMatch(v -> !v.known())) {
            // How many rounds is unknown: none, and one with the value unknown.
            String why = items.stream().filter(v -> !v.known()).findFirst().orElseThrow().unknownWhy();
            RunState once = fork(s, node.line());
            s.status(0, "");
            List<RunState> out = new ArrayList<>(List.of(s));
            if (once != null) {
                once.variables.put(node.name(), Value.unknown(why));
                Rounds r = loopBody(node.body(), once, condition);
                out.addAll(r.states);
                out.addAll(r.left); // an exit or break in the one round
                out.replaceAll(Interpreter::leaveLoop);
            }
            return out;
        }
        if (items.size() > MAX_ITERATIONS * 4) {
            s.undecided("the for loop runs over " + items.size() + " values", node.line());
            return List.of(s);
        }
        List<RunState> current = List.of(s);
        List<RunState> done = new ArrayList<>();
        for (Value item : items) {
            List<RunState> next = new ArrayList<>();
            for (RunState state : current) {
                state.variables.put(node.name(), item);
                Rounds r = loopBody(node.body(), state, condition);
                next.addAll(r.states);
                done.addAll(r.left);
            }
            current = next;
        }
        if (items.isEmpty()) {
            s.status(0, "");
        }
        List<RunState> out = new ArrayList<>(current);
        out.addAll(done);
        out.replaceAll(Interpreter::leaveLoop);
        return out;
    }

    /** The paths that go on to the next round, and those that left the loop (break, exit). */
    private record Rounds(List<RunState> states, List<RunState> left) {}

    private Rounds loopBody(Node body, RunState s, boolean condition) {
        List<RunState> go = new ArrayList<>();
        List<RunState> left = new ArrayList<>();
        for (RunState t : exec(body, s, condition)) {
            if (t.flow == RunState.Flow.CONTINUE && t.loopLevels <= 1) {
                t.flow = RunState.Flow.RUNNING;
                go.add(t);
            } else if (t.running()) {
                go.add(t);
            } else {
                left.add(t);
            }
        }
        return new Rounds(go, left);
    }

    /** Out of a loop: a {@code break}/{@code continue} of this level is spent, an outer one goes on. */
    private static RunState leaveLoop(RunState t) {
        if (t.flow == RunState.Flow.BREAK || t.flow == RunState.Flow.CONTINUE) {
            if (t.loopLevels <= 1) {
                t.flow = RunState.Flow.RUNNING;
                t.status(0, "");
            } else {
                t.loopLevels--;
            }
        }
        return t;
    }

    private List<RunState> loop(Node.Loop node, RunState s, boolean condition) {
        List<RunState> current = List.of(s);
        List<RunState> out = new ArrayList<>();
        for (int round = 0; round <= MAX_ITERATIONS && !current.isEmpty(); round++) {
            List<RunState> next = new ArrayList<>();
            for (RunState state : current) {
                for (RunState c : exec(node.condition(), state, true)) {
                    if (!c.running()) {
                        out.add(c);
                        continue;
                    }
                    if (round == MAX_ITERATIONS) {
                        c.undecided("the loop does not end within " + MAX_ITERATIONS + " rounds", node.line());
                        out.add(c);
                        continue;
                    }
                    List<RunState> ways = new ArrayList<>();
                    if (c.status == null) {
                        RunState other = fork(c, node.line());
                        c.status(0, "");
                        ways.add(c);
                        if (other != null) {
                            other.status(1, "");
                            ways.add(other);
                        }
                    } else {
                        ways.add(c);
                    }
                    for (RunState w : ways) {
                        boolean enter = (w.status == 0) != node.until();
                        if (!enter) {
                            w.status(0, "");
                            out.add(w);
                        } else {
                            Rounds r = loopBody(node.body(), w, condition);
                            next.addAll(r.states);
                            out.addAll(r.left);
                        }
                    }
                }
            }
            current = next;
        }
        out.replaceAll(Interpreter::leaveLoop);
        return out;
    }

    private List<RunState> subshell(Node body, RunState s, boolean condition) {
        RunState inner = s.copy();
        List<RunState> out = new ArrayList<>();
        for (RunState t : exec(body, inner, condition)) {
            RunState back = s.copy();
            back.calls = t.calls;
            back.fsfreezes = t.fsfreezes;
            back.written = t.written;
            if (t.flow == RunState.Flow.UNDECIDED) {
                back.undecided(t.undecided, t.undecidedLine);
            } else {
                back.status(t.flow == RunState.Flow.EXITED ? t.exitCode : t.status, t.statusWhy);
            }
            out.addAll(afterCommand(back, condition, body.line()));
        }
        return out;
    }

    // ---- pipelines ----

    private List<RunState> pipeline(Node.Pipeline p, RunState s, boolean condition) {
        if (p.commands().size() == 1) {
            List<RunState> out = new ArrayList<>();
            for (RunState t : exec(p.commands().get(0), s, true)) {
                if (t.running() && t.status != null) {
                    t.status(t.status == 0 ? 1 : 0, "");
                }
                out.add(t);
            }
            return out;
        }
        List<Integer> statuses = new ArrayList<>();
        RunState main = s;
        int last = p.commands().size() - 1;
        for (int i = 0; i <= last; i++) {
            int before = main.calls.size();
            RunState part = main.copy();
            List<String> reads = i > 0 && listsInstances(p.commands().subList(0, i)) ? readVariables(p.commands().get(i))
                    : List.of();
            List<RunState> results = reads.isEmpty() ? exec(p.commands().get(i), part, true)
                    : readLoop((Node.Loop) p.commands().get(i), reads, part);
            RunState first = results.get(0);
            main.calls = new ArrayList<>(first.calls);
            main.fsfreezes = first.fsfreezes;
            main.written = first.written;
            if (i < last) {
                // A call before the pipe's last command: its status reaches $? only through pipefail.
                for (int k = before; k < main.calls.size(); k++) {
                    SessionCall c = main.calls.get(k);
                    main.calls.set(k, new SessionCall(c.kind(), c.written(), c.resolved(), c.instance(),
                            c.instanceWhy(), c.objectScript(), c.line(), c.wrapper(), main.pipefail, true,
                            c.placeholder(), c.status()));
                }
            }
            if (first.flow == RunState.Flow.UNDECIDED) {
                main.undecided(first.undecided, first.undecidedLine);
                return List.of(main);
            }
            Integer status = first.flow == RunState.Flow.EXITED ? first.exitCode : first.status;
            statuses.add(results.size() == 1 ? status : null);
        }
        Integer status = statuses.get(last);
        if (main.pipefail) {
            status = 0;
            for (Integer st : statuses) {
                if (st == null) {
                    status = null;
                } else if (st != 0 && status != null) {
                    status = st;
                }
            }
        }
        main.pipeStatus = new ArrayList<>(statuses);
        if (p.negated() && status != null) {
            status = status == 0 ? 1 : 0;
        }
        main.status(status, "a command of the pipe has no single status");
        return afterCommand(main, condition || p.negated(), p.line());
    }

    /** Whether a command of these lists the instances ({@code iris qlist}, {@code ccontrol qall}...). */
    private static boolean listsInstances(List<Node> commands) {
        return commands.stream().anyMatch(c -> c instanceof Node.Simple simple && instanceList(String.join(" ",
                simple.words().stream().map(Word::text).toList())));
    }

    static boolean instanceList(String text) {
        return text.matches("(?s).*\\b(qlist|qall|list|all)\\b.*") && text.matches("(?s).*\\b(iris|ccontrol)\\b.*");
    }

    /** The variables of a {@code while read A B ...} loop's condition, or none when the node is not one. */
    private static List<String> readVariables(Node node) {
        if (!(node instanceof Node.Loop loop) || loop.until() || !(loop.condition() instanceof Node.Simple read)
                || read.words().isEmpty() || !"read".equals(read.words().get(0).literal())) {
            return List.of();
        }
        return read.words().subList(1, read.words().size()).stream().map(Word::literal)
                .filter(w -> w != null && w.matches("[A-Za-z_][A-Za-z0-9_]*")).toList();
    }

    /**
     * {@code ... qlist ... | while read NAME ...; do body; done}: one round per running instance, its name in the
     * first variable (the others unknown), in the pipe's subshell.
     */
    private List<RunState> readLoop(Node.Loop loop, List<String> variables, RunState s) {
        List<RunState> current = List.of(s);
        List<RunState> done = new ArrayList<>();
        for (String instance : scenario.instances()) {
            List<RunState> next = new ArrayList<>();
            for (RunState state : current) {
                state.variables.put(variables.get(0), Value.of(instance));
                variables.subList(1, variables.size()).forEach(v -> state.variables.put(v,
                        Value.unknown("$" + v + " is a field of the instance list")));
                Rounds r = loopBody(loop.body(), state, true);
                next.addAll(r.states);
                done.addAll(r.left);
            }
            current = next;
        }
        List<RunState> out = new ArrayList<>(current);
        out.addAll(done);
        out.replaceAll(Interpreter::leaveLoop);
        out.forEach(t -> {
            if (t.running()) {
                t.status(0, "");
            }
        });
        return out;
    }

    // ---- simple commands ----

    private List<RunState> simple(Node.Simple c, RunState s, boolean condition) {
        int line = c.line();
        Integer substitutionStatus = null;
        int before = s.calls.size();
        List<Value> fields = new ArrayList<>();
        for (Word w : c.words()) {
            fields.addAll(expand(w, s, line));
            if (!s.running()) {
                return List.of(s);
            }
        }
        recordRedirects(c.redirects(), s, line);
        boolean substituted = s.calls.size() > before || c.words().stream().anyMatch(Interpreter::hasSubstitution)
                || c.assignments().stream().anyMatch(a -> hasSubstitution(a.value()));
        if (fields.isEmpty()) {
            for (Node.Assignment a : c.assignments()) {
                Value v = joined(expand(a.value(), s, line));
                s.variables.put(a.name(), v);
                if (hasSubstitution(a.value())) {
                    substitutionStatus = s.status;
                }
            }
            if (!substituted || substitutionStatus == null) {
                s.status(substituted ? null : 0, "the status of a command substitution is not known");
            } else {
                s.status(substitutionStatus, "");
            }
            return afterCommand(s, condition, line);
        }
        List<Value> assigned = new ArrayList<>();
        for (Node.Assignment a : c.assignments()) {
            assigned.add(joined(expand(a.value(), s, line)));
        }
        Value name = fields.get(0);
        if (!name.known()) {
            s.status(condition ? null : 0, "the command's name is not known: " + name.unknownWhy());
            return afterCommand(s, condition, line);
        }
        String command = Shebang.baseName(name.text());
        List<Value> args = fields.subList(1, fields.size());
        if (command.equals("command") || command.equals("builtin") || command.equals("nohup")
                || command.equals("time")) {
            if (args.isEmpty() || !args.get(0).known()) {
                s.status(0, "");
                return List.of(s);
            }
            name = args.get(0);
            command = Shebang.baseName(name.text());
            args = args.subList(1, args.size());
        }
        if (command.equals("tee")) {
            recordTee(args, s, line);
        }
        if (s.functions.containsKey(name.text())) {
            return callFunction(name.text(), args, s, condition, line);
        }
        Optional<SessionCall> session = session(command, args, c, s);
        if (session.isPresent()) {
            s.calls.add(session.get());
            s.status(session.get().status(), "the session's status for " + session.get().kind()
                    + " calls is not modelled");
            return afterCommand(s, condition, line);
        }
        return builtin(command, args, c, s, condition, line, assigned);
    }

    /**
     * The files a command's redirections write ({@code >}, {@code >>}, {@code >|}, {@code &>}, {@code 2>>}...;
     * {@code >&N} only duplicates a descriptor). Targets are expanded without running substitutions again.
     */
    private void recordRedirects(List<Node.Redirect> redirects, RunState s, int line) {
        for (Node.Redirect r : redirects) {
            String op = r.operator().replaceFirst("^[0-9]+", "");
            boolean write = op.equals(">") || op.equals(">>") || op.equals(">|") || op.equals("&>") || op.equals("&>>")
                    || (op.equals(">&") && r.target().text().matches("[^0-9-].*"));
            if (!write) {
                continue;
            }
            List<Value> fields = expandQuiet(r.target(), s);
            WrittenFile f = fields.size() == 1 ? WrittenFile.of(fields.get(0), line, op.endsWith(">>")) : null;
            if (f != null) {
                s.written.add(f);
            }
        }
    }

    /** {@code tee [-a] FILE...}: every operand that is not an option is written, appended with {@code -a}. */
    private static void recordTee(List<Value> args, RunState s, int line) {
        boolean append = false;
        boolean options = true;
        List<Value> files = new ArrayList<>();
        for (Value a : args) {
            if (options && a.known() && a.text().equals("--")) {
                options = false;
            } else if (options && a.known() && a.text().startsWith("-") && a.text().length() > 1) {
                append |= a.text().equals("--append") || (!a.text().startsWith("--") && a.text().indexOf('a') > 0);
            } else {
                files.add(a);
            }
        }
        for (Value f : files) {
            WrittenFile w = WrittenFile.of(f, line, append);
            if (w != null) {
                s.written.add(w);
            }
        }
    }

    private static boolean hasSubstitution(Word w) {
        return w.parts().stream().anyMatch(p -> p instanceof Word.CommandSubstitution);
    }

    private List<RunState> builtin(String command, List<Value> args, Node.Simple c, RunState s, boolean condition,
                                   int line, List<Value> assigned) {
        switch (command) {
            case "exit" -> {
                if (args.isEmpty()) {
                    return exit(s, s.status, s.statusWhy, line);
                }
                Value v = args.get(0);
                if (!v.known()) {
                    return exit(s, null, "exit " + c.words().get(1).text() + ": " + v.unknownWhy(), line);
                }
                Long n = TestCommand.integer(v.text());
                if (n == null) {
                    return exit(s, 2, "", line); // bash: numeric argument required (exit 0\r is one)
                }
                return exit(s, (int) (n & 0xff), "", line);
            }
            case "return" -> {
                if (s.functionDepth == 0) {
                    return builtin("exit", args, c, s, condition, line, assigned);
                }
                if (!args.isEmpty()) {
                    Value v = args.get(0);
                    Long n = v.known() ? TestCommand.integer(v.text()) : null;
                    s.status(n == null ? null : (int) (n & 0xff), "return " + v.shown() + " is not a known number");
                }
                s.flow = RunState.Flow.RETURNED;
                return List.of(s);
            }
            case "break", "continue" -> {
                Long n = args.isEmpty() ? Long.valueOf(1) : args.get(0).known() ? TestCommand.integer(args.get(0).text())
                        : null;
                s.flow = command.equals("break") ? RunState.Flow.BREAK : RunState.Flow.CONTINUE;
                s.loopLevels = n == null ? 1 : (int) Math.max(1, n);
                return List.of(s);
            }
            case "set" -> {
                set(args, s);
                s.status(0, "");
                return List.of(s);
            }
            case "trap" -> {
                trapCommand(args, s, line);
                s.status(0, "");
                return List.of(s);
            }
            case "shift" -> {
                if (!s.positional.isEmpty()) {
                    s.positional.remove(0);
                }
                s.status(0, "");
                return List.of(s);
            }
            case "true", ":" -> {
                s.status(0, "");
                return List.of(s);
            }
            case "false" -> {
                s.status(1, "");
                return afterCommand(s, condition, line);
            }
            case "test", "[" -> {
                List<Value> operands = new ArrayList<>(args);
                if (command.equals("[")) {
                    if (operands.isEmpty() || !"]".equals(operands.get(operands.size() - 1).text())) {
                        s.status(2, "");
                        return afterCommand(s, condition, line);
                    }
                    operands.remove(operands.size() - 1);
                }
                return outcome(TestCommand.evaluate(operands), s, condition, line);
            }
            case "fsfreeze" -> {
                boolean freeze = args.stream().anyMatch(a -> "-f".equals(a.text()) || "--freeze".equals(a.text()));
                Value mount = args.isEmpty() ? Value.unknown("no mount point") : args.get(args.size() - 1);
                s.fsfreezes.add(new ScriptRun.FsFreeze(line, freeze, mount));
                s.status(0, "");
                return List.of(s);
            }
            case "local", "export", "declare", "typeset", "readonly" -> {
                for (int i = 0; i < c.words().size() - 1 && i < args.size(); i++) {
                    Word w = c.words().get(i + 1);
                    int eq = w.text().indexOf('=');
                    if (eq > 0 && w.text().substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        Value v = args.get(i);
                        String name = w.text().substring(0, eq);
                        s.variables.put(name, v.known() && v.text().startsWith(name + "=")
                                ? Value.of(v.text().substring(name.length() + 1)) : Value.unknown("$" + name
                                + " is set from what is not known"));
                    }
                }
                s.status(0, "");
                return List.of(s);
            }
            case "eval", "source", "." -> {
                s.status(condition ? null : 0, command + " runs text the run does not follow");
                return List.of(s);
            }
            default -> {
                if (PLAIN.contains(command) || !condition) {
                    s.status(0, "");
                } else {
                    s.status(null, "the outcome of " + command + " depends on the host");
                }
                return List.of(s);
            }
        }
    }

    private static void set(List<Value> args, RunState s) {
        for (int i = 0; i < args.size(); i++) {
            Value a = args.get(i);
            if (!a.known()) {
                continue;
            }
            String t = a.text();
            if ((t.equals("-o") || t.equals("+o")) && i + 1 < args.size() && args.get(i + 1).known()) {
                boolean on = t.equals("-o");
                String option = args.get(++i).text();
                if (option.equals("errexit")) {
                    s.errexit = on;
                    s.sawErrexit |= on;
                } else if (option.equals("pipefail")) {
                    s.pipefail = on;
                }
            } else if (t.matches("[-+][a-zA-Z]+")) {
                boolean on = t.charAt(0) == '-';
                if (t.indexOf('e') > 0) {
                    s.errexit = on;
                    s.sawErrexit |= on;
                }
                if (t.indexOf('o') > 0 && i + 1 < args.size() && "pipefail".equals(args.get(i + 1).text())) {
                    s.pipefail = on;
                    i++;
                }
            } else if (t.equals("--")) {
                s.positional = new ArrayList<>(args.subList(i + 1, args.size()));
                return;
            }
        }
    }

    private static void trapCommand(List<Value> args, RunState s, int line) {
        if (args.size() < 2) {
            return;
        }
        Value action = args.get(0);
        for (Value signal : args.subList(1, args.size())) {
            if (!signal.known()) {
                continue;
            }
            String name = signal.text().toUpperCase(Locale.ROOT).replaceFirst("^SIG", "");
            name = name.equals("0") ? "EXIT" : name;
            if (!name.equals("EXIT") && !name.equals("ERR")) {
                continue;
            }
            if (!action.known() || action.text().equals("-")) {
                s.traps.remove(name);
                s.trapTexts.remove(name);
                continue;
            }
            ShellScript parsed = ShellScript.parse(action.text());
            s.traps.put(name, parsed.body());
            s.trapTexts.put(name, action.text());
        }
    }

    private List<RunState> callFunction(String name, List<Value> args, RunState s, boolean condition, int line) {
        if (s.functionDepth >= MAX_FUNCTION_DEPTH) {
            s.undecided("functions call each other deeper than " + MAX_FUNCTION_DEPTH + " levels", line);
            return List.of(s);
        }
        List<Value> saved = s.positional;
        s.positional = new ArrayList<>(args);
        s.functionDepth++;
        List<RunState> out = new ArrayList<>();
        for (RunState t : exec(s.functions.get(name), s, condition)) {
            t.functionDepth--;
            t.positional = saved;
            if (t.flow == RunState.Flow.RETURNED) {
                t.flow = RunState.Flow.RUNNING;
                out.addAll(afterCommand(t, condition, line));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    // ---- the session ----

    private Optional<SessionCall> session(String command, List<Value> args, Node.Simple c, RunState s) {
        int instanceAt;
        boolean wrapper = false;
        if (command.equals("csession") || command.equals("irissession")) {
            instanceAt = 0;
        } else if (command.equals("iris") && !args.isEmpty() && "session".equals(args.get(0).text())) {
            instanceAt = 1;
        } else if (command.equals("instfreeze") || command.equals("instthaw")) {
            instanceAt = 0;
            wrapper = true;
        } else {
            return Optional.empty();
        }
        int line = c.line();
        String written = String.join(" ", c.words().stream().map(Word::text).toList());
        String resolved = String.join(" ", c.words().isEmpty() ? List.of() : joinedFields(c, s));
        Optional<String> instance = Optional.empty();
        String instanceWhy = "";
        List<Value> rest = List.of();
        int skip = instanceAt;
        while (skip < args.size() && args.get(skip).known() && args.get(skip).text().startsWith("-")) {
            skip++;
        }
        if (skip < args.size()) {
            Value v = args.get(skip);
            if (v.known()) {
                instance = Optional.of(v.text());
            } else {
                instanceWhy = v.unknownWhy();
            }
            rest = args.subList(skip + 1, args.size());
        } else {
            instanceWhy = "the command names no instance";
        }
        StringBuilder objectScript = new StringBuilder();
        StringBuilder rawText = new StringBuilder(written);
        for (int i = 0; i < rest.size(); i++) {
            Value v = rest.get(i);
            if (v.known() && (v.text().equals("-U") || v.text().equals("-B"))) {
                i++;
                continue;
            }
            if (v.known() && v.text().startsWith("-U")) {
                continue;
            }
            objectScript.append(objectScript.isEmpty() ? "" : " ").append(v.shown());
        }
        for (Node.Redirect r : c.redirects()) {
            if (r.heredoc() != null) {
                rawText.append('\n').append(r.heredoc().body());
                Value body = r.heredoc().word() == null ? Value.of(r.heredoc().body())
                        : joined(expandQuoted(r.heredoc().word(), s, line));
                objectScript.append(objectScript.isEmpty() ? "" : "\n").append(body.shown());
            } else if (r.operator().endsWith("<<<")) {
                rawText.append('\n').append(r.target().text());
                objectScript.append(objectScript.isEmpty() ? "" : "\n").append(joined(expand(r.target(), s, line)).shown());
            }
        }
        CallKind kind = wrapper ? (command.equals("instfreeze") ? CallKind.FREEZE : CallKind.THAW)
                : CallKind.of(rawText.toString());
        if (kind == CallKind.OTHER) {
            kind = CallKind.of(objectScript.toString());
        }
        String sourceLine = line - 1 < lines.size() && line >= 1 ? lines.get(line - 1) : "";
        boolean placeholder = PLACEHOLDER.matcher(sourceLine).find();
        Integer status = switch (kind) {
            case FREEZE -> scenario.freezeStatus();
            case THAW -> scenario.thawStatus();
            default -> null;
        };
        if (placeholder) {
            instance = Optional.empty();
            instanceWhy = "the template placeholder " + placeholderText(sourceLine) + " was left in: the shell reads it as "
                    + "a redirection, so the session never starts";
            status = 1; // the shell could not open the "file" the placeholder names
        }
        return Optional.of(new SessionCall(kind, written, resolved, instance, instanceWhy, objectScript.toString(), line,
                wrapper, true, false, placeholder, status));
    }

    private static String placeholderText(String line) {
        java.util.regex.Matcher m = Pattern.compile("<[^<>\\n]*[A-Za-z][^<>\\n]*>").matcher(line);
        return m.find() ? m.group() : "<...>";
    }

    private List<String> joinedFields(Node.Simple c, RunState s) {
        List<String> out = new ArrayList<>();
        for (Word w : c.words()) {
            for (Value v : expandQuiet(w, s)) {
                out.add(v.shown());
            }
        }
        return out;
    }

    // ---- expansion ----

    /** A word's fields: unquoted expansions split on blanks; an unknown part makes its field unknown. */
    List<Value> expand(Word w, RunState s, int line) {
        List<Value> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String unknown = null;
        boolean any = false;
        for (Word.Part part : w.parts()) {
            if (part instanceof Word.Literal l) {
                current.append(l.text());
                any = true;
                continue;
            }
            Value v = joined(expandPart(part, s, line));
            if (!v.known()) {
                unknown = unknown == null ? v.unknownWhy() : unknown;
                any = true;
                continue;
            }
            if (part.quoted()) {
                current.append(v.text());
                any = true;
                continue;
            }
            String[] pieces = v.text().split("[ \t\n]+", -1);
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0) {
                    if (any || !current.isEmpty()) {
                        fields.add(unknown == null ? Value.of(current.toString()) : Value.unknown(unknown));
                    }
                    current.setLength(0);
                    unknown = null;
                    any = false;
                }
                current.append(pieces[i]);
                if (!pieces[i].isEmpty()) {
                    any = true;
                }
            }
        }
        if (any || !current.isEmpty()) {
            fields.add(unknown == null ? Value.of(current.toString()) : Value.unknown(unknown));
        }
        return fields;
    }

    private List<Value> expandQuoted(Word w, RunState s, int line) {
        StringBuilder text = new StringBuilder();
        for (Word.Part part : w.parts()) {
            Value v = part instanceof Word.Literal l ? Value.of(l.text()) : joined(expandPart(part, s, line));
            if (!v.known()) {
                text.append('?');
            } else {
                text.append(v.text());
            }
        }
        return List.of(Value.of(text.toString()));
    }

    /** Fields for display only: command substitutions are not run again. */
    private List<Value> expandQuiet(Word w, RunState s) {
        RunState copy = s.copy();
        int savedSteps = steps;
        int savedPaths = paths;
        List<Value> out = expand(w, copy, 0);
        steps = savedSteps;
        paths = savedPaths;
        return out;
    }

    private List<Value> expandPart(Word.Part part, RunState s, int line) {
        return switch (part) {
            case Word.Literal l -> List.of(Value.of(l.text()));
            case Word.Arithmetic a -> List.of(Value.unknown("the arithmetic " + a.text() + " is not evaluated"));
            case Word.Parameter p -> List.of(parameter(p, s));
            case Word.CommandSubstitution c -> List.of(substitution(c, s, line));
        };
    }

    private Value parameter(Word.Parameter p, RunState s) {
        String name = p.name();
        Value v;
        if (name.equals("?")) {
            v = s.statusValue();
        } else if (name.matches("[0-9]+")) {
            int n = Integer.parseInt(name.length() > 3 ? "999" : name);
            v = n == 0 ? Value.of("script") : n <= s.positional.size() ? s.positional.get(n - 1) : null; // unset: ${1-x} is x
        } else if (name.equals("#")) {
            v = Value.of(String.valueOf(s.positional.size()));
        } else if (name.equals("@") || name.equals("*")) {
            v = s.positional.stream().allMatch(Value::known) ? Value.of(String.join(" ",
                    s.positional.stream().map(Value::text).toList())) : Value.unknown("an argument is not known");
        } else if (name.startsWith("PIPESTATUS")) {
            String index = name.length() > "PIPESTATUS".length() ? name.replaceAll("\\D", "") : "0";
            int i = index.isEmpty() ? 0 : Integer.parseInt(index.length() > 3 ? "999" : index);
            Integer st = i < s.pipeStatus.size() ? s.pipeStatus.get(i) : (i == 0 && s.pipeStatus.isEmpty() ? s.status
                    : null);
            v = st == null ? Value.unknown("${PIPESTATUS[" + i + "]} is not known") : Value.of(String.valueOf(st));
        } else if (name.equals("$") || name.equals("!") || name.equals("-")) {
            v = Value.unknown("$" + name + " depends on the process");
        } else if (name.startsWith("#")) {
            Value inner = parameter(new Word.Parameter(name.substring(1), "", p.quoted()), s);
            return inner.known() ? Value.of(String.valueOf(inner.text().length())) : inner;
        } else if (s.variables.containsKey(name)) {
            v = s.variables.get(name);
        } else if (ENVIRONMENT.contains(name)) {
            v = Value.unknown("$" + name + " comes from the environment");
        } else {
            v = null; // unset
        }
        String op = p.operator();
        if (op.isEmpty()) {
            return v == null ? Value.of("") : v;
        }
        for (String d : List.of(":-", "-", ":=", "=")) {
            if (op.startsWith(d)) {
                boolean empty = v == null || (d.startsWith(":") && v.known() && v.text().isEmpty());
                if (v != null && !v.known()) {
                    return v;
                }
                if (!empty) {
                    return v;
                }
                String fallback = op.substring(d.length());
                Value def = fallback.contains("$") || fallback.contains("`") ? Value.unknown("the default "
                        + fallback + " is not expanded") : Value.of(fallback.replaceAll("^[\"']|[\"']$", ""));
                if (d.contains("=")) {
                    s.variables.put(name, def);
                }
                return def;
            }
        }
        return Value.unknown("${" + name + op + "} is not modelled");
    }

    private Value substitution(Word.CommandSubstitution c, RunState s, int line) {
        String text = c.text();
        if (instanceList(text)) {
            s.status(0, "");
            return Value.of(String.join("\n", scenario.instances()));
        }
        RunState inner = s.copy();
        inner.traps.remove("EXIT");
        List<RunState> results = exec(c.body(), inner, true);
        RunState first = results.get(0);
        s.calls = first.calls;
        s.fsfreezes = first.fsfreezes;
        s.written = first.written;
        if (first.flow == RunState.Flow.UNDECIDED) {
            s.status(null, first.undecided);
        } else {
            Integer st = first.flow == RunState.Flow.EXITED ? first.exitCode : first.status;
            s.status(results.size() == 1 ? st : null, "the command substitution " + shorten(text) + " has more than one outcome");
        }
        return Value.unknown("the output of " + shorten(text) + " is not known");
    }

    private static String shorten(String text) {
        String t = text.replace('\n', ' ');
        return t.length() > 60 ? t.substring(0, 60) + "..." : t;
    }

    static Value joined(List<Value> fields) {
        if (fields.stream().anyMatch(v -> !v.known())) {
            return fields.stream().filter(v -> !v.known()).findFirst().orElseThrow();
        }
        return Value.of(String.join(" ", fields.stream().map(Value::text).toList()));
    }
}
