package dev.quiesce.cli;

import dev.quiesce.report.BundleVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code quiesce verify}: checks an evidence bundle against its manifest. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check every file of an evidence bundle against the SHA-256 and size in its manifest.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file matches", "1:a file differs, is missing, or is not listed; or the zip is damaged "
                + "or ambiguous (a name twice, an unsafe name, entry headers and central directory that disagree)",
                "2:no such file, not a regular file, or larger than a bundle can be"})
final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE.zip", description = "The evidence bundle.")
    Path bundle;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BundleVerifier.Verification result = BundleVerifier.verify(bundle);
        if (result.intact()) {
            out.printf("OK: %d files match the manifest of run %s (%s %s, operator %s)%n",
                    result.manifest().files().size(), TerminalText.safe(result.manifest().runId()),
                    result.manifest().toolName(), result.manifest().toolVersion(),
                    TerminalText.safe(result.manifest().operator()));
            return ExitCode.OK.code;
        }
        result.problems().forEach(p -> out.println("DIFFERS: " + TerminalText.safe(p)));
        out.printf("FAILED: %d problem(s) in %s%n", result.problems().size(), bundle);
        return ExitCode.FAILED.code;
    }
}
