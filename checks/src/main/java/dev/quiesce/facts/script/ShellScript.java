package dev.quiesce.facts.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A shell script as the shell reads it: its shebang, its parsed commands, whether it has Windows line
 * ends, and the problems met while reading it (each with its line; a script with problems cannot be
 * followed where they are). {@link #parse} never throws and reads at most {@value #MAX_CHARS} characters,
 * nested at most {@value ShellParser#MAX_DEPTH} levels: what was not read is a problem too.
 */
public record ShellScript(String text, Optional<Shebang> shebang, Node.Sequence body, int crlfLines,
                          List<Problem> problems) {
    /** The most of a script that is read; freeze scripts are a few kilobytes. */
    public static final int MAX_CHARS = 256 * 1024;

    public ShellScript {
        problems = List.copyOf(problems);
    }

    public static ShellScript parse(String text) {
        List<Problem> problems = new ArrayList<>();
        String read = text == null ? "" : text;
        if (read.length() > MAX_CHARS) {
            problems.add(new Problem(lineAt(read, MAX_CHARS), "the script is longer than " + MAX_CHARS
                    + " characters; only the first " + MAX_CHARS + " were read"));
            read = read.substring(0, MAX_CHARS);
        }
        int crlf = 0;
        int firstCrlf = 0;
        int lineNumber = 1;
        for (int i = 0; i < read.length(); i++) {
            if (read.charAt(i) == '\n') {
                if (i > 0 && read.charAt(i - 1) == '\r' && crlf++ == 0) {
                    firstCrlf = lineNumber;
                }
                lineNumber++;
            }
        }
        if (crlf > 0) {
            problems.add(new Problem(firstCrlf, crlf + " line(s) end in CR LF (Windows line ends): the shell reads "
                    + "the carriage return as part of the last word (then\\r, exit 0\\r, a file name ending in \\r)"));
        }
        Optional<Shebang> shebang = read.startsWith("#!")
                ? Optional.of(Shebang.parse(read.split("\n", 2)[0])) : Optional.empty();
        Node.Sequence body;
        try {
            body = new ShellParser(read, 1, problems).program();
        } catch (StackOverflowError | RuntimeException e) {
            problems.add(new Problem(1, "the script could not be read: " + e.getClass().getSimpleName()));
            body = new Node.Sequence(List.of(), 1);
        }
        return new ShellScript(read, shebang, body, crlf, problems);
    }

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Whether the shell reads the script as written: no problem met. */
    public boolean readable() {
        return problems.isEmpty();
    }
}
