package dev.quiesce.facts.script;

import java.util.List;

/** The parsed shape of a shell script: commands, and the compound commands that hold them. */
public sealed interface Node {
    /** The 1-based line the node starts on. */
    int line();

    /** A redirection: its operator ({@code >}, {@code >>}, {@code <}, {@code <<}, {@code <<-}, {@code 2>&1}...), its target, and a heredoc's body. */
    record Redirect(String operator, Word target, Heredoc heredoc) {}

    /** {@code NAME=value}. */
    record Assignment(String name, Word value) {}

    /** A simple command: assignments, words (the first is the command name) and redirections. */
    record Simple(List<Assignment> assignments, List<Word> words, List<Redirect> redirects, int line) implements Node {
        public Simple {
            assignments = List.copyOf(assignments);
            words = List.copyOf(words);
            redirects = List.copyOf(redirects);
        }
    }

    /** Commands joined by {@code |} ({@code stderr} true for {@code |&} before command i+1), maybe negated by {@code !}. */
    record Pipeline(List<Node> commands, List<Boolean> stderr, boolean negated, int line) implements Node {
        public Pipeline {
            commands = List.copyOf(commands);
            stderr = List.copyOf(stderr);
        }
    }

    /** {@code left && right} ({@code and}) or {@code left || right}. */
    record AndOr(Node left, boolean and, Node right, int line) implements Node {}

    /** Commands run one after the other ({@code ;}, {@code &} or newlines). */
    record Sequence(List<Node> commands, int line) implements Node {
        public Sequence {
            commands = List.copyOf(commands);
        }
    }

    /** {@code if c1; then b1; elif c2; then b2; else e; fi}: conditions and bodies pairwise, {@code otherwise} may be null. */
    record If(List<Node> conditions, List<Node> bodies, Node otherwise, int line) implements Node {
        public If {
            conditions = List.copyOf(conditions);
            bodies = List.copyOf(bodies);
        }
    }

    /** One arm of a {@code case}: its patterns and body. */
    record Arm(List<Word> patterns, Node body, int line) {
        public Arm {
            patterns = List.copyOf(patterns);
        }
    }

    /** {@code case subject in arms esac}. */
    record Case(Word subject, List<Arm> arms, int line) implements Node {
        public Case {
            arms = List.copyOf(arms);
        }
    }

    /** {@code for name in items; do body; done}; {@code items} null for "in the positional parameters". */
    record For(String name, List<Word> items, Node body, int line) implements Node {
        public For {
            items = items == null ? null : List.copyOf(items);
        }
    }

    /** {@code while} (or {@code until}) {@code condition; do body; done}. */
    record Loop(boolean until, Node condition, Node body, int line) implements Node {}

    /** {@code { body; }} or {@code ( body )} ({@code subshell}), with redirections. */
    record Group(Node body, boolean subshell, List<Redirect> redirects, int line) implements Node {
        public Group {
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code name() body} or {@code function name body}. */
    record Function(String name, Node body, int line) implements Node {}

    /** {@code [[ ... ]]}: its words. */
    record Test(List<Word> words, int line) implements Node {
        public Test {
            words = List.copyOf(words);
        }
    }
}
