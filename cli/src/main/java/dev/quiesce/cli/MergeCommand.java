package dev.quiesce.cli;

import dev.quiesce.engine.ToolVersion;
import dev.quiesce.files.OutputFile;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.RunVerdict;
import dev.quiesce.model.Severity;
import dev.quiesce.report.JsonReport;
import dev.quiesce.report.JsonReportReader;
import dev.quiesce.report.ReportMerge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quiesce merge}: one report.json from the report.json of each shard of a fleet audit. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combine the report.json files of shards (audit --shard i/n) into one report.json.")
final class MergeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "REPORT.json", arity = "1..*", description = "The shards' reports.")
    List<Path> reports;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The merged report.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "For the exit code, as in audit "
            + "(default: ${DEFAULT-VALUE}).")
    String failOn = "high";

    @Override
    public Integer call() {
        ReportOptions threshold = new ReportOptions();
        threshold.failOn = failOn;
        Optional<Severity> severity = threshold.threshold();
        AuditRun merged = ReportMerge.merge(reports.stream().map(JsonReportReader::read).toList(), ToolVersion.tool());
        try {
            OutputFile.write(output, (JsonReport.toJson(merged) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new dev.quiesce.model.QuiesceException("cannot write " + output + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().printf("merged %d reports, %d hosts, into %s%n", reports.size(),
                merged.hosts().size(), output);
        return switch (RunVerdict.of(merged, severity)) {
            case INCOMPLETE -> ExitCode.HOST_NOT_AUDITED.code;
            case FAIL -> ExitCode.FAILED.code;
            case PASS, NOT_APPLIED -> ExitCode.OK.code;
        };
    }
}
