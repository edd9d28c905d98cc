package dev.quiesce.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
record Cli(int exit, String out, String err) {
    /**
     * Arguments that keep a tree audit to the file rules (the freeze-thaw-scripts pack): under {@code --root} no
     * command runs, so the script-content rules (syntax check, running instances) cannot pass on a tree.
     */
    static final String[] FILE_RULES = {"--no-builtin-rules", "--rules",
            java.nio.file.Path.of("..", "rules", "freeze-thaw-scripts.yaml").toAbsolutePath().normalize().toString()};

    /** Runs {@code command} with {@link #FILE_RULES} before {@code args}. */
    static Cli withFileRules(String command, String... args) {
        String[] all = new String[args.length + FILE_RULES.length + 1];
        all[0] = command;
        System.arraycopy(FILE_RULES, 0, all, 1, FILE_RULES.length);
        System.arraycopy(args, 0, all, 1 + FILE_RULES.length, args.length);
        return run(all);
    }

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QuiesceCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(exit, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
