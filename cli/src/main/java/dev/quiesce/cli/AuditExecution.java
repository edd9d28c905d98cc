package dev.quiesce.cli;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.check.ScriptTrials;
import dev.quiesce.engine.AuditInProgress;
import dev.quiesce.engine.Auditor;
import dev.quiesce.engine.ToolVersion;
import dev.quiesce.files.OutputFile;
import dev.quiesce.host.Host;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.RunVerdict;
import dev.quiesce.report.EvidenceBundle;
import dev.quiesce.report.JsonReport;
import dev.quiesce.report.Renderer;
import dev.quiesce.report.Renderers;
import dev.quiesce.report.ReportSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What {@code audit} and {@code demo} share: audit the hosts, write the reports and the bundle, print
 * the summary, pick the exit code. The Markdown summary is written last, after the bundle, because it
 * quotes the bundle's SHA-256 (and so is not inside it).
 */
final class AuditExecution {
    private AuditExecution() {}

    /** Where the reports go is checked before any host is contacted, not after an hour's audit. */
    private static void requireWritable(ReportOptions options) {
        try {
            OutputFile.directory(options.out.resolve(JsonReport.FILE_NAME));
            if (options.bundle != null) {
                OutputFile.directory(options.bundle);
            }
        } catch (IOException e) {
            throw new QuiesceException("cannot write reports in " + options.out + ": " + e.getMessage(), e);
        }
    }

    static int run(CheckRegistry registry, List<RulePack> packs, List<Host> hosts, List<Host> others, int parallel,
                   String shard, Optional<ScriptTrials> trials,
                   ReportOptions options,
                   List<String> commandLine, PrintWriter out, PrintWriter err) {
        ReportSettings settings = options.settings();
        List<String> formats = options.formats();
        Renderers renderers = Renderers.standard();
        boolean terminal = ProgressPrinter.stderrIsTerminal();
        requireWritable(options);
        Auditor auditor = new Auditor(registry, packs, ToolVersion.tool(), Clock.systemUTC(), parallel);
        AuditInProgress audit = trials.map(auditor::withScriptTrials).orElse(auditor)
                .start(hosts, others, new ProgressPrinter(err, terminal));
        ReportSettings partialSettings = settings;
        // Whoever claims first writes the reports: the shutdown hook after Ctrl-C, or this thread when done.
        AtomicBoolean writing = new AtomicBoolean();
        Thread onInterrupt = new Thread(() -> {
            if (!writing.compareAndSet(false, true)) {
                return;
            }
            audit.stop();
            AuditRun partial = shard == null ? audit.snapshot() : audit.snapshot().asShard(shard);
            for (String format : formats) {
                render(renderers.forFormat(format), partial, partialSettings, options.out);
            }
            err.println((terminal ? "\n" : "") + "quiesce: interrupted; wrote the partial report (unfinished hosts "
                    + "marked) to " + options.out);
            err.flush();
        }, "quiesce-partial-report");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        AuditRun run;
        try {
            run = shard == null ? audit.await() : audit.await().asShard(shard);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuiesceException("the audit was interrupted", e);
        }
        if (!writing.compareAndSet(false, true)) {
            // Ctrl-C came as the last host finished: the hook writes the reports and the JVM is exiting.
            return ExitCode.HOST_NOT_AUDITED.code;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting, but this thread claimed the reports first and writes them whole
        }

        List<Path> written = new ArrayList<>();
        for (String format : formats) {
            if (!format.equals("md")) {
                written.add(render(renderers.forFormat(format), run, settings, options.out));
            }
        }
        if (options.bundle != null) {
            try {
                String sha = EvidenceBundle.write(options.bundle, run, written, new EvidenceBundle.Provenance(
                        options.operator(), CommandLineText.redacted(commandLine)), Clock.systemUTC());
                settings = settings.withBundleSha256(sha);
                out.println("bundle " + options.bundle + " sha256 " + sha);
            } catch (IOException e) {
                throw new QuiesceException("cannot write the bundle " + options.bundle + ": " + e.getMessage(), e);
            }
        }
        if (formats.contains("md")) {
            written.add(render(renderers.forFormat("md"), run, settings, options.out));
        }
        new SummaryPrinter(out, picocli.CommandLine.Help.Ansi.AUTO.enabled() && System.getenv("NO_COLOR") == null)
                .print(run, settings.failOn(), written);
        return switch (RunVerdict.of(run, settings.failOn())) {
            case INCOMPLETE -> ExitCode.HOST_NOT_AUDITED.code;
            case FAIL -> ExitCode.FAILED.code;
            case PASS, NOT_APPLIED -> ExitCode.OK.code;
        };
    }

    private static Path render(Renderer renderer, AuditRun run, ReportSettings settings, Path out) {
        try {
            return renderer.render(run, settings, out);
        } catch (IOException e) {
            throw new QuiesceException("cannot write the " + renderer.format() + " report to " + out + ": "
                    + e.getMessage(), e);
        }
    }
}
