package dev.quiesce.facts.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent reader of POSIX {@code sh} with the bash forms freeze scripts use. It works on the
 * characters directly (the shell's own lexing depends on where it is: a word, a quote, a heredoc), keeps
 * line numbers, reads heredoc bodies at the end of the line that opened them, and parses command
 * substitutions recursively. A syntax error ends the top-level command it is in: it is recorded with its
 * line and reading resumes on the next line. Nesting is capped, so no input can exhaust the stack.
 */
final class ShellParser {
    static final int MAX_DEPTH = 120;
    private static final int MAX_PROBLEMS = 50;
    private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "do", "done", "case",
            "esac", "while", "until", "for", "function", "{", "}", "!", "[[");

    private final String src;
    private int pos;
    private int line;
    private int depth;
    private final List<Problem> problems;
    private final List<Pending> pending = new ArrayList<>();

    private record Pending(String delimiter, boolean quoted, boolean stripTabs, Heredoc slot, int line) {}

    /** Signals a syntax error; caught per top-level command. */
    private static final class SyntaxError extends RuntimeException {
        final int line;

        SyntaxError(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    ShellParser(String src, int firstLine, List<Problem> problems) {
        this.src = src;
        this.line = firstLine;
        this.problems = problems;
    }

    /** The whole text as a sequence of top-level commands; errors are recorded, never thrown. */
    Node.Sequence program() {
        List<Node> commands = new ArrayList<>();
        int start = line;
        while (true) {
            try {
                skipSeparators();
                if (pos >= src.length()) {
                    break;
                }
                if (peek() == ')' || peek() == ';') {
                    throw error("unexpected '" + peek() + "'");
                }
                String word = peekReserved();
                if (word != null && Set.of("then", "else", "elif", "fi", "do", "done", "esac", "}").contains(word)) {
                    throw error("unexpected '" + word + "'");
                }
                commands.add(andOr());
            } catch (SyntaxError e) {
                problem(e.line, e.getMessage());
                pending.clear();
                skipToNextLine();
            }
        }
        if (!pending.isEmpty()) {
            problem(pending.get(0).line(), "heredoc <<" + pending.get(0).delimiter() + " has no body");
        }
        return new Node.Sequence(commands, start);
    }

    private void problem(int at, String why) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(at, why));
        }
    }

    private SyntaxError error(String message) {
        return new SyntaxError(line, message);
    }

    // ---- lists ----

    /** Commands up to a reserved word in {@code stops}, a {@code ;;}, a closing parenthesis (if {@code paren}) or the end. */
    private Node list(Set<String> stops, boolean paren) {
        enter();
        try {
            int start = line;
            List<Node> commands = new ArrayList<>();
            while (true) {
                skipSeparators();
                if (pos >= src.length() || (paren && peek() == ')') || startsWith(";;") || startsWith(";&")) {
                    break;
                }
                String word = peekReserved();
                if (word != null && stops.contains(word)) {
                    break;
                }
                if (peek() == ';' || peek() == ')') {
                    throw error("unexpected '" + peek() + "'");
                }
                commands.add(andOr());
            }
            return commands.size() == 1 ? commands.get(0) : new Node.Sequence(commands, start);
        } finally {
            depth--;
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels; the rest was not read");
        }
    }

    /** Blanks, comments, newlines (reading heredoc bodies), and single {@code ;} or {@code &} separators. */
    private void skipSeparators() {
        while (pos < src.length()) {
            skipBlanks();
            if (pos >= src.length()) {
                return;
            }
            char c = peek();
            if (c == '\n') {
                newline();
            } else if (c == ';' && !startsWith(";;") && !startsWith(";&")) {
                pos++;
            } else if (c == '&' && !startsWith("&&") && !startsWith("&>")) {
                pos++;
            } else {
                return;
            }
        }
    }

    private Node andOr() {
        int start = line;
        Node left = pipeline();
        while (true) {
            skipBlanks();
            boolean and = startsWith("&&");
            if (!and && !startsWith("||")) {
                return left;
            }
            pos += 2;
            skipLineBreaks();
            left = new Node.AndOr(left, and, pipeline(), start);
        }
    }

    private Node pipeline() {
        enter();
        try {
            int start = line;
            skipBlanks();
            boolean negated = false;
            if ("!".equals(peekReserved())) {
                pos++;
                negated = true;
                skipBlanks();
            }
            List<Node> commands = new ArrayList<>();
            List<Boolean> stderr = new ArrayList<>();
            commands.add(command());
            while (true) {
                skipBlanks();
                if (peek() != '|' || startsWith("||")) {
                    break;
                }
                pos++;
                boolean both = peek() == '&';
                if (both) {
                    pos++;
                }
                stderr.add(both);
                skipLineBreaks();
                commands.add(command());
            }
            return commands.size() == 1 && !negated ? commands.get(0)
                    : new Node.Pipeline(commands, stderr, negated, start);
        } finally {
            depth--;
        }
    }

    private Node command() {
        skipBlanks();
        if (pos >= src.length()) {
            throw error("a command was expected before the end of the script");
        }
        int start = line;
        if (startsWith("((")) {
            String text = arithmetic("((", "))");
            return new Node.Simple(List.of(), List.of(new Word(List.of(new Word.Arithmetic(text, false)), text)),
                    redirects(), start);
        }
        if (peek() == '(') {
            pos++;
            Node body = list(Set.of(), true);
            expect(")");
            return new Node.Group(body, true, redirects(), start);
        }
        String reserved = peekReserved();
        if (reserved != null) {
            switch (reserved) {
                case "if" -> {
                    return ifCommand();
                }
                case "case" -> {
                    return caseCommand();
                }
                case "for" -> {
                    return forCommand();
                }
                case "while", "until" -> {
                    pos += reserved.length();
                    Node condition = list(Set.of("do"), false);
                    expectWord("do");
                    Node body = list(Set.of("done"), false);
                    expectWord("done");
                    redirects();
                    return new Node.Loop(reserved.equals("until"), condition, body, start);
                }
                case "{" -> {
                    pos++;
                    Node body = list(Set.of("}"), false);
                    expectWord("}");
                    return new Node.Group(body, false, redirects(), start);
                }
                case "function" -> {
                    pos += reserved.length();
                    skipBlanks();
                    Word name = word();
                    if (name == null || name.literal() == null) {
                        throw error("'function' is not followed by a name");
                    }
                    skipBlanks();
                    if (startsWith("()")) {
                        pos += 2;
                    }
                    return functionBody(name.literal(), start);
                }
                case "[[" -> {
                    return doubleBracket();
                }
                default -> throw error("unexpected '" + reserved + "'");
            }
        }
        return simple();
    }

    private Node functionBody(String name, int start) {
        skipLineBreaks();
        Node body = command();
        return new Node.Function(name, body, start);
    }

    private Node ifCommand() {
        int start = line;
        pos += 2;
        List<Node> conditions = new ArrayList<>();
        List<Node> bodies = new ArrayList<>();
        Node otherwise = null;
        conditions.add(list(Set.of("then"), false));
        expectWord("then");
        bodies.add(list(Set.of("elif", "else", "fi"), false));
        while (true) {
            String next = peekReserved();
            if ("elif".equals(next)) {
                pos += 4;
                conditions.add(list(Set.of("then"), false));
                expectWord("then");
                bodies.add(list(Set.of("elif", "else", "fi"), false));
            } else if ("else".equals(next)) {
                pos += 4;
                otherwise = list(Set.of("fi"), false);
                expectWord("fi");
                break;
            } else {
                expectWord("fi");
                break;
            }
        }
        redirects();
        return new Node.If(conditions, bodies, otherwise, start);
    }

    private Node caseCommand() {
        int start = line;
        pos += 4;
        skipBlanks();
        Word subject = word();
        if (subject == null) {
            throw error("'case' is not followed by a word");
        }
        skipLineBreaks();
        expectWord("in");
        List<Node.Arm> arms = new ArrayList<>();
        while (true) {
            skipLineBreaks();
            if ("esac".equals(peekReserved())) {
                pos += 4;
                break;
            }
            if (pos >= src.length()) {
                throw error("'case' has no 'esac'");
            }
            int armLine = line;
            if (peek() == '(') {
                pos++;
                skipBlanks();
            }
            List<Word> patterns = new ArrayList<>();
            while (true) {
                skipBlanks();
                Word pattern = word();
                if (pattern == null) {
                    throw error("a case pattern was expected");
                }
                patterns.add(pattern);
                skipBlanks();
                if (peek() == '|') {
                    pos++;
                    continue;
                }
                break;
            }
            expect(")");
            Node body = list(Set.of("esac"), false);
            arms.add(new Node.Arm(patterns, body, armLine));
            skipBlanks();
            if (startsWith(";;&")) {
                pos += 3;
            } else if (startsWith(";;") || startsWith(";&")) {
                pos += 2;
            } else if (!"esac".equals(peekReserved())) {
                throw error("a case arm does not end with ';;'");
            }
        }
        redirects();
        return new Node.Case(subject, arms, start);
    }

    private Node forCommand() {
        int start = line;
        pos += 3;
        skipBlanks();
        if (startsWith("((")) {
            String text = arithmetic("((", "))");
            skipSeparatorsBeforeDo();
            expectWord("do");
            Node body = list(Set.of("done"), false);
            expectWord("done");
            Node condition = new Node.Simple(List.of(), List.of(new Word(List.of(new Word.Arithmetic(text, false)),
                    text)), List.of(), start);
            return new Node.Loop(false, condition, body, start);
        }
        Word name = word();
        if (name == null || name.literal() == null) {
            throw error("'for' is not followed by a name");
        }
        List<Word> items = null;
        skipBlanks();
        skipLineBreaks();
        if ("in".equals(peekReserved())) {
            pos += 2;
            items = new ArrayList<>();
            while (true) {
                skipBlanks();
                if (pos >= src.length() || peek() == '\n' || peek() == ';') {
                    break;
                }
                Word item = word();
                if (item == null) {
                    throw error("unexpected '" + peek() + "' in a for list");
                }
                items.add(item);
            }
        }
        skipSeparatorsBeforeDo();
        expectWord("do");
        Node body = list(Set.of("done"), false);
        expectWord("done");
        redirects();
        return new Node.For(name.literal(), items, body, start);
    }

    private void skipSeparatorsBeforeDo() {
        skipBlanks();
        if (peek() == ';') {
            pos++;
        }
        skipLineBreaks();
    }

    private Node doubleBracket() {
        int start = line;
        pos += 2;
        List<Word> words = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (pos >= src.length()) {
                throw error("'[[' has no ']]'");
            }
            if (peek() == '\n') {
                newline();
                continue;
            }
            if (startsWith("]]") && delimiterAt(pos + 2)) {
                pos += 2;
                break;
            }
            String operator = null;
            for (String op : List.of("&&", "||", "<", ">", "(", ")", "!")) {
                if (startsWith(op)) {
                    operator = op;
                    break;
                }
            }
            if (operator != null) {
                pos += operator.length();
                words.add(new Word(List.of(new Word.Literal(operator, false)), operator));
                continue;
            }
            Word w = word();
            if (w == null) {
                throw error("unexpected '" + peek() + "' inside [[ ]]");
            }
            words.add(w);
        }
        redirects();
        return new Node.Test(words, start);
    }

    // ---- simple commands ----

    private Node simple() {
        int start = line;
        List<Node.Assignment> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Node.Redirect> redirects = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (pos >= src.length()) {
                break;
            }
            Node.Redirect redirect = redirect();
            if (redirect != null) {
                redirects.add(redirect);
                continue;
            }
            char c = peek();
            if (c == '\n' || c == ';' || c == '&' || c == '|' || c == ')') {
                break;
            }
            if (c == '(') {
                if (words.size() == 1 && assignments.isEmpty() && redirects.isEmpty() && words.get(0).literal() != null) {
                    pos++;
                    skipBlanks();
                    expect(")");
                    return functionBody(words.get(0).literal(), start);
                }
                throw error("unexpected '('");
            }
            if (c == '#' && atWordStart()) {
                skipComment();
                break;
            }
            int before = pos;
            Word w = word();
            if (w == null || pos == before) {
                throw error("unexpected '" + c + "'");
            }
            String assigned = words.isEmpty() ? assignmentName(w) : null;
            if (assigned != null) {
                assignments.add(new Node.Assignment(assigned, afterEquals(w, assigned)));
            } else {
                words.add(w);
            }
        }
        if (words.isEmpty() && assignments.isEmpty() && redirects.isEmpty()) {
            throw error("a command was expected");
        }
        return new Node.Simple(assignments, words, redirects, start);
    }

    /** {@code NAME} when the word is {@code NAME=...} (or {@code NAME+=...}) with an unquoted name. */
    private static String assignmentName(Word w) {
        if (w.parts().isEmpty() || !(w.parts().get(0) instanceof Word.Literal l) || l.quoted()) {
            return null;
        }
        int eq = l.text().indexOf('=');
        if (eq <= 0) {
            return null;
        }
        String name = l.text().substring(0, eq);
        if (name.endsWith("+")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : null;
    }

    private static Word afterEquals(Word w, String name) {
        Word.Literal first = (Word.Literal) w.parts().get(0);
        int eq = first.text().indexOf('=');
        List<Word.Part> rest = new ArrayList<>();
        String tail = first.text().substring(eq + 1);
        if (!tail.isEmpty()) {
            rest.add(new Word.Literal(tail, false));
        }
        rest.addAll(w.parts().subList(1, w.parts().size()));
        int textEq = w.text().indexOf('=');
        return new Word(rest, textEq < 0 ? "" : w.text().substring(textEq + 1));
    }

    private List<Node.Redirect> redirects() {
        List<Node.Redirect> all = new ArrayList<>();
        while (true) {
            skipBlanks();
            Node.Redirect r = redirect();
            if (r == null) {
                return all;
            }
            all.add(r);
        }
    }

    private static final List<String> OPERATORS = List.of("&>>", "&>", "<<<", "<<-", "<<", "<>", "<&", ">&", ">>",
            ">|", "<", ">");

    /** A redirection at this point (with its file-descriptor digits), or null. */
    private Node.Redirect redirect() {
        int at = pos;
        while (at < src.length() && Character.isDigit(src.charAt(at)) && at - pos < 4) {
            at++;
        }
        String operator = null;
        for (String op : OPERATORS) {
            if (src.startsWith(op, at)) {
                operator = op;
                break;
            }
        }
        if (operator == null || (at > pos && operator.startsWith("&"))) {
            return null;
        }
        String fd = src.substring(pos, at);
        pos = at + operator.length();
        skipBlanks();
        Word target = word();
        if (target == null) {
            throw error("redirection " + operator + " has no target");
        }
        Heredoc heredoc = null;
        if (operator.equals("<<") || operator.equals("<<-")) {
            heredoc = new Heredoc();
            boolean quoted = target.parts().stream().anyMatch(Word.Part::quoted);
            StringBuilder delimiter = new StringBuilder();
            for (Word.Part p : target.parts()) {
                delimiter.append(p instanceof Word.Literal l ? l.text() : "$");
            }
            pending.add(new Pending(delimiter.toString(), quoted, operator.equals("<<-"), heredoc, line));
        }
        return new Node.Redirect(fd + operator, target, heredoc);
    }

    // ---- words ----

    /** One word at this point, or null at an operator, a blank or the end. */
    private Word word() {
        List<Word.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int start = pos;
        while (pos < src.length()) {
            char c = peek();
            if (c == '\\') {
                if (pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                    pos += 2;
                    line++;
                    continue;
                }
                flush(parts, literal, false);
                if (pos + 1 < src.length()) {
                    parts.add(new Word.Literal(String.valueOf(src.charAt(pos + 1)), true));
                    pos += 2;
                } else {
                    pos++;
                }
            } else if (c == '\'') {
                flush(parts, literal, false);
                int end = src.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw error("a single quote is not closed");
                }
                String text = src.substring(pos + 1, end);
                countLines(text);
                parts.add(new Word.Literal(text, true));
                pos = end + 1;
            } else if (c == '"') {
                flush(parts, literal, false);
                pos++;
                doubleQuoted(parts);
            } else if (c == '$') {
                flush(parts, literal, false);
                dollar(parts, false);
            } else if (c == '`') {
                flush(parts, literal, false);
                parts.add(backquoted(false));
            } else if (isDelimiter(c)) {
                break;
            } else {
                if (c == '\n') {
                    break;
                }
                literal.append(c);
                pos++;
            }
        }
        flush(parts, literal, false);
        if (pos == start) {
            return null;
        }
        return new Word(parts, src.substring(start, pos));
    }

    private static void flush(List<Word.Part> parts, StringBuilder literal, boolean quoted) {
        if (!literal.isEmpty()) {
            parts.add(new Word.Literal(literal.toString(), quoted));
            literal.setLength(0);
        }
    }

    private void doubleQuoted(List<Word.Part> parts) {
        StringBuilder literal = new StringBuilder();
        int opened = line;
        while (true) {
            if (pos >= src.length()) {
                throw new SyntaxError(opened, "a double quote is not closed");
            }
            char c = peek();
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char next = src.charAt(pos + 1);
                if (next == '\n') {
                    pos += 2;
                    line++;
                    continue;
                }
                if ("$`\"\\".indexOf(next) >= 0) {
                    literal.append(next);
                    pos += 2;
                    continue;
                }
                literal.append(c);
                pos++;
            } else if (c == '$') {
                flush(parts, literal, true);
                dollar(parts, true);
            } else if (c == '`') {
                flush(parts, literal, true);
                parts.add(backquoted(true));
            } else {
                if (c == '\n') {
                    line++;
                }
                literal.append(c);
                pos++;
            }
        }
        flush(parts, literal, true);
        if (parts.isEmpty() || !parts.get(parts.size() - 1).quoted()) {
            parts.add(new Word.Literal("", true)); // "" is an empty word, not nothing
        }
    }

    private void dollar(List<Word.Part> parts, boolean quoted) {
        int start = pos;
        pos++;
        if (pos >= src.length()) {
            parts.add(new Word.Literal("$", quoted));
            return;
        }
        char c = peek();
        if (startsWith("((")) {
            parts.add(new Word.Arithmetic(arithmetic("((", "))"), quoted));
        } else if (c == '(') {
            pos++;
            Node body = list(Set.of(), true);
            expect(")");
            parts.add(new Word.CommandSubstitution(body, src.substring(start, pos), quoted));
        } else if (c == '{') {
            int end = braceEnd(pos);
            String inside = src.substring(pos + 1, end);
            pos = end + 1;
            int nameEnd = 0;
            if (!inside.isEmpty() && (inside.charAt(0) == '#' || inside.charAt(0) == '!') && inside.length() > 1) {
                nameEnd = 1;
            }
            int nameStart = nameEnd;
            if (nameEnd < inside.length() && "?#$!@*-0123456789".indexOf(inside.charAt(nameEnd)) >= 0
                    && !Character.isLetter(inside.charAt(nameEnd))) {
                nameEnd++;
                while (nameEnd < inside.length() && Character.isDigit(inside.charAt(nameEnd))
                        && Character.isDigit(inside.charAt(nameStart))) {
                    nameEnd++;
                }
            } else {
                while (nameEnd < inside.length() && (Character.isLetterOrDigit(inside.charAt(nameEnd))
                        || inside.charAt(nameEnd) == '_')) {
                    nameEnd++;
                }
                if (nameEnd < inside.length() && inside.charAt(nameEnd) == '[') {
                    int close = inside.indexOf(']', nameEnd);
                    nameEnd = close < 0 ? inside.length() : close + 1;
                }
            }
            String name = inside.substring(0, nameEnd);
            parts.add(new Word.Parameter(name, inside.substring(nameEnd), quoted));
        } else if (c == '\'' && !quoted) {
            int end = ansiEnd(pos + 1);
            parts.add(new Word.Literal(ansi(src.substring(pos + 1, end)), true));
            pos = end + 1;
        } else if (Character.isLetter(c) || c == '_') {
            int end = pos;
            while (end < src.length() && (Character.isLetterOrDigit(src.charAt(end)) || src.charAt(end) == '_')) {
                end++;
            }
            parts.add(new Word.Parameter(src.substring(pos, end), "", quoted));
            pos = end;
        } else if ("?#$!@*-0123456789".indexOf(c) >= 0) {
            pos++;
            parts.add(new Word.Parameter(String.valueOf(c), "", quoted));
        } else {
            parts.add(new Word.Literal("$", quoted));
        }
    }

    private int braceEnd(int open) {
        int nesting = 0;
        for (int i = open; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                nesting++;
            } else if (c == '}' && --nesting == 0) {
                countLines(src.substring(open, i));
                return i;
            }
        }
        throw error("a ${ is not closed");
    }

    private int ansiEnd(int from) {
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'') {
                countLines(src.substring(from, i));
                return i;
            }
        }
        throw error("a $' quote is not closed");
    }

    private static String ansi(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\', '\'', '"' -> out.append(e);
                default -> out.append('\\').append(e);
            }
        }
        return out.toString();
    }

    /** A backquoted command: unescaped, then parsed as a script of its own, on the lines it spans. */
    private Word.Part backquoted(boolean quoted) {
        int start = pos;
        int opened = line;
        StringBuilder inner = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= src.length()) {
                throw new SyntaxError(opened, "a backquote is not closed");
            }
            char c = peek();
            if (c == '`') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length() && "$`\\".indexOf(src.charAt(pos + 1)) >= 0) {
                inner.append(src.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            inner.append(c);
            pos++;
        }
        enter();
        try {
            ShellParser nested = new ShellParser(inner.toString(), opened, problems);
            nested.depth = depth;
            Node body = nested.program();
            return new Word.CommandSubstitution(body, src.substring(start, pos), quoted);
        } finally {
            depth--;
        }
    }

    /** Text from an opening {@code ((} to its {@code ))}, balanced on parentheses. */
    private String arithmetic(String open, String close) {
        int start = pos;
        int nesting = 0;
        for (int i = pos; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '(') {
                nesting++;
            } else if (c == ')') {
                nesting--;
                if (nesting == 0) {
                    String text = src.substring(start, i + 1);
                    countLines(text);
                    pos = i + 1;
                    return text;
                }
            }
        }
        throw error("an arithmetic " + open + " has no " + close);
    }

    // ---- characters ----

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    private boolean startsWith(String s) {
        return src.startsWith(s, pos);
    }

    private static boolean isDelimiter(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>'
                || c == '(' || c == ')';
    }

    private boolean delimiterAt(int at) {
        return at >= src.length() || isDelimiter(src.charAt(at));
    }

    private boolean atWordStart() {
        return pos == 0 || isDelimiter(src.charAt(pos - 1));
    }

    /** The reserved word at this point, if one stands here as a whole word. */
    private String peekReserved() {
        int end = pos;
        while (end < src.length() && end - pos < 8 && "abcdefghijklmnopqrstuvwxyz{}![".indexOf(src.charAt(end)) >= 0) {
            end++;
        }
        for (int cut = end; cut > pos; cut--) {
            String word = src.substring(pos, cut);
            if ((RESERVED.contains(word) || word.equals("in")) && delimiterAt(cut)) {
                return word;
            }
        }
        return null;
    }

    private void expectWord(String word) {
        skipLineBreaks();
        if (!word.equals(peekReserved())) {
            throw error("'" + word + "' was expected" + (pos < src.length() ? "" : " before the end of the script"));
        }
        pos += word.length();
    }

    private void expect(String text) {
        skipBlanks();
        if (!startsWith(text)) {
            throw error("'" + text + "' was expected" + (pos < src.length() ? "" : " before the end of the script"));
        }
        pos += text.length();
    }

    /** Blanks and line continuations; a comment runs to the end of its line. */
    private void skipBlanks() {
        while (pos < src.length()) {
            char c = peek();
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
            } else if (c == '#' && atWordStart()) {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        while (pos < src.length() && peek() != '\n') {
            pos++;
        }
    }

    /** Newlines, blanks and comments where a command may continue on the next line. */
    private void skipLineBreaks() {
        while (true) {
            skipBlanks();
            if (peek() == '\n' && pos < src.length()) {
                newline();
            } else {
                return;
            }
        }
    }

    private void newline() {
        pos++;
        line++;
        if (!pending.isEmpty()) {
            List<Pending> bodies = List.copyOf(pending);
            pending.clear();
            bodies.forEach(this::heredocBody);
        }
    }

    private void heredocBody(Pending p) {
        StringBuilder body = new StringBuilder();
        boolean ended = false;
        while (pos < src.length()) {
            int end = src.indexOf('\n', pos);
            int stop = end < 0 ? src.length() : end;
            String text = src.substring(pos, stop);
            pos = end < 0 ? src.length() : end + 1;
            line++;
            String compared = p.stripTabs() ? text.replaceFirst("^\t+", "") : text;
            if (compared.equals(p.delimiter())) {
                ended = true;
                break;
            }
            body.append(p.stripTabs() ? compared : text).append('\n');
        }
        if (!ended) {
            problem(p.line(), "heredoc <<" + p.delimiter() + " is not ended by a line '" + p.delimiter()
                    + "': the shell takes the rest of the script as its body");
        }
        Word expanded = null;
        if (!p.quoted()) {
            ShellParser inner = new ShellParser(body.toString(), p.line() + 1, problems);
            inner.depth = depth;
            expanded = inner.heredocWord();
        }
        p.slot().fill(body.toString(), expanded, ended);
    }

    /** The whole text as the body of an unquoted heredoc: expansions, and backslash before $ ` \ only. */
    private Word heredocWord() {
        List<Word.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        try {
            while (pos < src.length()) {
                char c = peek();
                if (c == '\\' && pos + 1 < src.length() && "$`\\\n".indexOf(src.charAt(pos + 1)) >= 0) {
                    if (src.charAt(pos + 1) != '\n') {
                        literal.append(src.charAt(pos + 1));
                    }
                    pos += 2;
                } else if (c == '$') {
                    flush(parts, literal, true);
                    dollar(parts, true);
                } else if (c == '`') {
                    flush(parts, literal, true);
                    parts.add(backquoted(true));
                } else {
                    literal.append(c);
                    pos++;
                }
            }
        } catch (SyntaxError e) {
            problem(e.line, e.getMessage() + " (in a heredoc)");
            literal.append(src.substring(Math.min(pos, src.length())));
        }
        flush(parts, literal, true);
        return new Word(parts, src);
    }

    private void countLines(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
    }

    private void skipToNextLine() {
        int end = src.indexOf('\n', pos);
        pos = end < 0 ? src.length() : end;
    }
}
