package dev.quiesce.facts.script;

import java.util.List;

/**
 * {@code test}, {@code [ ]} and {@code [[ ]]} over values a run knows: string and integer comparisons,
 * {@code -n}/{@code -z}, {@code !}, {@code -a}/{@code -o}/{@code &&}/{@code ||}. File tests and anything
 * over an unknown value are undecided (null), with why: the run then explores both outcomes.
 */
final class TestCommand {
    /** The outcome: 0 true, 1 false, 2 an error (a non-number to -eq), or null undecided with why. */
    record Outcome(Integer status, String why) {
        static Outcome of(boolean truth) {
            return new Outcome(truth ? 0 : 1, "");
        }

        static Outcome undecided(String why) {
            return new Outcome(null, why);
        }
    }

    /** Directories every Linux host vmtoolsd runs scripts on has: a test of them is not a fork. */
    private static final java.util.Set<String> ALWAYS_THERE = java.util.Set.of("/var/log", "/tmp", "/var/tmp", "/var",
            "/etc", "/usr", "/bin", "/sbin", "/usr/bin", "/usr/sbin", "/root", "/dev");

    private TestCommand() {}

    static Outcome evaluate(List<Value> args) {
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i).known() ? args.get(i).text() : null;
            if (("-o".equals(t) || "||".equals(t)) && i > 0 && i < args.size() - 1) {
                return or(evaluate(args.subList(0, i)), evaluate(args.subList(i + 1, args.size())));
            }
        }
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i).known() ? args.get(i).text() : null;
            if (("-a".equals(t) || "&&".equals(t)) && i > 0 && i < args.size() - 1) {
                return and(evaluate(args.subList(0, i)), evaluate(args.subList(i + 1, args.size())));
            }
        }
        if (!args.isEmpty() && args.get(0).known() && args.get(0).text().equals("!") && args.size() > 1) {
            Outcome inner = evaluate(args.subList(1, args.size()));
            return inner.status() == null || inner.status() == 2 ? inner : Outcome.of(inner.status() != 0);
        }
        if (args.size() == 3 && args.get(0).known() && args.get(0).text().equals("(")
                && args.get(2).known() && args.get(2).text().equals(")")) {
            return evaluate(args.subList(1, 2));
        }
        return switch (args.size()) {
            case 0 -> Outcome.of(false);
            case 1 -> args.get(0).known() ? Outcome.of(!args.get(0).text().isEmpty())
                    : Outcome.undecided(args.get(0).unknownWhy());
            case 2 -> unary(args.get(0), args.get(1));
            case 3 -> binary(args.get(0), args.get(1), args.get(2));
            default -> Outcome.undecided("a test of " + args.size() + " words is not modelled");
        };
    }

    private static Outcome unary(Value op, Value operand) {
        if (!op.known()) {
            return Outcome.undecided(op.unknownWhy());
        }
        if (op.text().equals("-n") || op.text().equals("-z")) {
            if (!operand.known()) {
                return Outcome.undecided(operand.unknownWhy());
            }
            return Outcome.of(operand.text().isEmpty() == op.text().equals("-z"));
        }
        if (op.text().matches("-[dewrx]") && operand.known() && ALWAYS_THERE.contains(operand.text().replaceAll("/+$", ""))) {
            return Outcome.of(true);
        }
        if (op.text().matches("-[a-zA-Z]")) {
            return Outcome.undecided("the file test " + op.text() + " " + operand.shown() + " depends on the host");
        }
        return Outcome.undecided("the test " + op.text() + " is not modelled");
    }

    private static Outcome binary(Value left, Value op, Value right) {
        if (!op.known()) {
            return Outcome.undecided(op.unknownWhy());
        }
        String o = op.text();
        if (!List.of("=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge").contains(o)) {
            return Outcome.undecided("the test operator " + o + " is not modelled");
        }
        if (!left.known()) {
            return Outcome.undecided(left.unknownWhy());
        }
        if (!right.known()) {
            return Outcome.undecided(right.unknownWhy());
        }
        switch (o) {
            case "=", "==" -> {
                return Outcome.of(left.text().equals(right.text()));
            }
            case "!=" -> {
                return Outcome.of(!left.text().equals(right.text()));
            }
            default -> {
                Long a = integer(left.text());
                Long b = integer(right.text());
                if (a == null || b == null) {
                    return new Outcome(2, "integer expression expected");
                }
                int c = Long.compare(a, b);
                return Outcome.of(switch (o) {
                    case "-eq" -> c == 0;
                    case "-ne" -> c != 0;
                    case "-lt" -> c < 0;
                    case "-le" -> c <= 0;
                    case "-gt" -> c > 0;
                    default -> c >= 0;
                });
            }
        }
    }

    static Long integer(String text) {
        String t = text.strip();
        if (!t.matches("[+-]?[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(t);
    }

    private static Outcome and(Outcome a, Outcome b) {
        if (a.status() != null && a.status() != 0) {
            return a;
        }
        if (b.status() != null && b.status() != 0) {
            return b;
        }
        return a.status() == null ? a : b;
    }

    private static Outcome or(Outcome a, Outcome b) {
        if (a.status() != null && a.status() == 0) {
            return a;
        }
        if (b.status() != null && b.status() == 0) {
            return b;
        }
        return a.status() == null ? a : b;
    }
}
