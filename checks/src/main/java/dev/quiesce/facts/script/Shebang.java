package dev.quiesce.facts.script;

import java.util.List;

/**
 * A script's {@code #!} line: the interpreter path, its arguments (split on blanks, as Linux passes
 * them: everything after the path is one argument, which {@code env -S} or a shell splits again), and
 * whether the line ends in a carriage return (then the kernel looks for an interpreter whose name ends
 * in {@code \r}, or hands {@code -e\r} to the shell).
 */
public record Shebang(String line, String interpreter, List<String> arguments, boolean carriageReturn) {
    public Shebang {
        arguments = List.copyOf(arguments);
    }

    static Shebang parse(String firstLine) {
        boolean cr = firstLine.endsWith("\r");
        String text = firstLine.substring(2).strip();
        String[] words = text.isEmpty() ? new String[0] : text.split("[ \t]+");
        String interpreter = words.length == 0 ? "" : words[0];
        return new Shebang(firstLine, interpreter, words.length > 1 ? List.of(words).subList(1, words.length)
                : List.of(), cr);
    }

    /** The shell or program that reads the script: the interpreter, or the program {@code env} is asked to find. */
    public String program() {
        String name = baseName(interpreter);
        if (name.equals("env")) {
            return arguments.stream().filter(a -> !a.startsWith("-")).findFirst().map(Shebang::baseName).orElse("env");
        }
        return name;
    }

    /** Whether the interpreter is a POSIX-family shell whose {@code -n} checks syntax. */
    public boolean shell() {
        return List.of("sh", "bash", "dash", "ksh", "mksh", "zsh").contains(program());
    }

    /** Whether the shell is started with {@code -e} (alone or among other single-letter options). */
    public boolean errexit() {
        return arguments.stream().anyMatch(a -> a.matches("-[a-zA-Z]*e[a-zA-Z]*"));
    }

    static String baseName(String path) {
        String stripped = path.strip();
        int slash = stripped.lastIndexOf('/');
        return slash < 0 ? stripped : stripped.substring(slash + 1);
    }
}
