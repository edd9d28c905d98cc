package dev.quiesce.facts.script;

import java.util.List;

/**
 * One shell word as written, in parts: literal text (quoted or not: only unquoted expansions are split
 * into fields), parameter expansions, command substitutions (parsed, so a session call inside one is
 * seen) and arithmetic (never evaluated). {@link #text} is the word as it stands in the script.
 */
public record Word(List<Part> parts, String text) {
    public Word {
        parts = List.copyOf(parts);
    }

    /** A piece of a word. */
    public sealed interface Part {
        /** Whether it stood inside double or single quotes (no field splitting, no globbing). */
        boolean quoted();
    }

    /** Text taken as it is, after quote removal. */
    public record Literal(String text, boolean quoted) implements Part {}

    /** {@code $NAME}, {@code $1}, {@code $?}, {@code ${NAME...}}: the name and what follows it inside the braces. */
    public record Parameter(String name, String operator, boolean quoted) implements Part {}

    /** {@code $(...)} or a backquoted command, with its parsed body. */
    public record CommandSubstitution(Node body, String text, boolean quoted) implements Part {}

    /** {@code $((...))}: never evaluated, its value is unknown. */
    public record Arithmetic(String text, boolean quoted) implements Part {}

    /** The word's text when it is nothing but literal text (a keyword, a plain name), else null. */
    public String literal() {
        StringBuilder all = new StringBuilder();
        for (Part part : parts) {
            if (!(part instanceof Literal l)) {
                return null;
            }
            all.append(l.text());
        }
        return all.toString();
    }

    /** Whether the word is unquoted literal text only: what a reserved word must be. */
    boolean plain() {
        return parts.stream().allMatch(p -> p instanceof Literal l && !l.quoted()) && !parts.isEmpty();
    }
}
