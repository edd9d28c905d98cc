package dev.quiesce.cli;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.engine.Auditor;
import dev.quiesce.engine.ToolVersion;
import dev.quiesce.host.Host;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Severity;
import dev.quiesce.report.Renderer;
import dev.quiesce.report.Renderers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code audit} and {@code demo} share: audit the hosts, write the reports, print, pick the exit code. */
final class AuditExecution {
    private AuditExecution() {}

    static int run(CheckRegistry registry, List<RulePack> packs, List<Host> hosts, ReportOptions options,
                   PrintWriter out, PrintWriter err) {
        if (hosts.isEmpty()) {
            throw new QuiesceException("nothing to audit: give --local, --capture FILE or --inventory FILE");
        }
        Optional<Severity> threshold = options.threshold();
        List<Renderer> renderers = renderers(options.formats(), err);
        AuditRun run = new Auditor(registry, packs, ToolVersion.tool(), Clock.systemUTC(), 4).audit(hosts);
        List<Path> written = new ArrayList<>();
        for (Renderer renderer : renderers) {
            try {
                written.add(renderer.render(run, options.out));
            } catch (IOException e) {
                throw new QuiesceException("cannot write the " + renderer.format() + " report to " + options.out + ": "
                        + e.getMessage(), e);
            }
        }
        new SummaryPrinter(out, picocli.CommandLine.Help.Ansi.AUTO.enabled() && System.getenv("NO_COLOR") == null)
                .print(run, threshold, written);
        if (!run.allHostsAudited()) {
            return ExitCode.HOST_NOT_AUDITED.code;
        }
        return threshold.map(run::failsAt).orElse(false) ? ExitCode.FAILED.code : ExitCode.OK.code;
    }

    private static List<Renderer> renderers(List<String> formats, PrintWriter err) {
        Renderers available = Renderers.standard();
        List<Renderer> renderers = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String format : formats) {
            available.forFormat(format).ifPresentOrElse(renderers::add, () -> missing.add(format));
        }
        if (!missing.isEmpty()) {
            err.println("quiesce: format " + String.join(", ", missing) + " is not available yet in this version; "
                    + (renderers.isEmpty() ? "" : "writing " + String.join(", ", renderers.stream()
                    .map(Renderer::format).toList()) + " only"));
        }
        if (renderers.isEmpty()) {
            throw new QuiesceException("none of the requested formats can be written yet; use --format json");
        }
        return renderers;
    }
}
