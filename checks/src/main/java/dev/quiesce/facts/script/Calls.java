package dev.quiesce.facts.script;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a piece of script can call, read without running it: whether a node (a trap's action, and the
 * functions it names, transitively) holds a session call of a kind. For "a trap that thaws".
 */
final class Calls {
    private final Map<String, Node> functions;
    private final Set<String> visited = new HashSet<>();
    private int budget = 10_000;

    private Calls(Map<String, Node> functions) {
        this.functions = functions;
    }

    static boolean holds(Node node, CallKind kind, Map<String, Node> functions) {
        return new Calls(functions).find(node, kind);
    }

    private boolean find(Node node, CallKind kind) {
        if (node == null || --budget < 0) {
            return false;
        }
        return switch (node) {
            case Node.Simple s -> simple(s, kind);
            case Node.Sequence q -> q.commands().stream().anyMatch(c -> find(c, kind));
            case Node.Pipeline p -> p.commands().stream().anyMatch(c -> find(c, kind));
            case Node.AndOr a -> find(a.left(), kind) || find(a.right(), kind);
            case Node.If i -> i.conditions().stream().anyMatch(c -> find(c, kind))
                    || i.bodies().stream().anyMatch(c -> find(c, kind)) || find(i.otherwise(), kind);
            case Node.Case c -> c.arms().stream().anyMatch(a -> find(a.body(), kind));
            case Node.For f -> find(f.body(), kind);
            case Node.Loop l -> find(l.condition(), kind) || find(l.body(), kind);
            case Node.Group g -> find(g.body(), kind);
            case Node.Function f -> find(f.body(), kind);
            case Node.Test t -> false;
        };
    }

    private boolean simple(Node.Simple s, CallKind kind) {
        StringBuilder text = new StringBuilder();
        for (Node.Assignment a : s.assignments()) { // out=$(iris session ...): the call is in the value
            for (Word.Part part : a.value().parts()) {
                if (part instanceof Word.CommandSubstitution c && find(c.body(), kind)) {
                    return true;
                }
            }
        }
        for (Word w : s.words()) {
            text.append(w.text()).append(' ');
            for (Word.Part part : w.parts()) {
                if (part instanceof Word.CommandSubstitution c && find(c.body(), kind)) {
                    return true;
                }
            }
        }
        s.redirects().stream().filter(r -> r.heredoc() != null).forEach(r -> text.append(r.heredoc().body()));
        String first = s.words().isEmpty() ? "" : s.words().get(0).text();
        String base = Shebang.baseName(first);
        if ((kind == CallKind.THAW && base.equals("instthaw")) || (kind == CallKind.FREEZE && base.equals("instfreeze"))) {
            return true;
        }
        if (CallKind.of(text.toString()) == kind) {
            return true;
        }
        if (functions.containsKey(first) && visited.add(first)) {
            return find(functions.get(first), kind);
        }
        return false;
    }
}
