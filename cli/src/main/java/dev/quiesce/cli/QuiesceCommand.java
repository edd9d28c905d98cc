package dev.quiesce.cli;

import dev.quiesce.engine.ToolVersion;
import dev.quiesce.model.QuiesceException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code quiesce} command: parses arguments, runs one subcommand, maps errors to exit codes. */
@Command(name = "quiesce", mixinStandardHelpOptions = true, versionProvider = QuiesceCommand.Version.class,
        description = "Audits the hosts behind snapshot-based IRIS/Caché backups and turns the findings into "
                + "evidence.",
        subcommands = {AuditCommand.class, CollectCommand.class, MergeCommand.class, VerifyCommand.class,
                RulesCommand.class, DemoCommand.class, SimulateCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing failed at or above --fail-on", "1:something did (FAIL or ERROR)",
                "2:usage or configuration error", "3:a host could not be audited",
                "4:internal error (a bug in quiesce)", "130:interrupted (Ctrl-C); the report covers what was done"})
public final class QuiesceCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        int exit;
        try {
            exit = run(new PrintWriter(System.out, true), err, args);
        } catch (Throwable e) { // an Error (OutOfMemoryError, StackOverflowError) escapes picocli's handler
            exit = internalError(err, e);
        }
        System.exit(exit);
    }

    /** Runs the command line with the given streams; what tests call. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new QuiesceCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof QuiesceException q) {
                cmd.getErr().println("quiesce: " + TerminalText.safeLines(q.getMessage()));
                return ExitCode.USAGE.code;
            }
            return internalError(cmd.getErr(), e);
        });
        return commandLine.execute(args);
    }

    /**
     * One line instead of a stack trace, and an exit code of its own: exit 1 would read as "a rule
     * failed". The trace is printed only when QUIESCE_DEBUG is set, for the bug report.
     */
    static int internalError(PrintWriter err, Throwable e) {
        err.println("quiesce: internal error, a bug in quiesce (please report it with the command that"
                + " caused it): " + TerminalText.safe(String.valueOf(e)));
        if (System.getenv("QUIESCE_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.INTERNAL_ERROR.code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ToolVersion.tool().name() + " " + ToolVersion.tool().version()};
        }
    }
}
