package dev.quiesce.cli;

import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.Severity;
import dev.quiesce.report.Renderers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Where reports go, in which formats, and the severity from which a problem fails the run. */
final class ReportOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Directory for the reports (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("quiesce-out");

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "Report formats, comma-separated: json, html, pdf, md, junit (default: json).")
    List<String> formats = new ArrayList<>(List.of("json"));

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when a rule at or above this severity fails or cannot be decided: critical, high, "
                    + "medium, low, info, or none (default: ${DEFAULT-VALUE}).")
    String failOn = "high";

    /** Empty means "never fail on findings" ({@code --fail-on none}). */
    java.util.Optional<Severity> threshold() {
        String value = failOn.toLowerCase(Locale.ROOT);
        if (value.equals("none")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Severity.parse(value).orElseThrow(() -> new QuiesceException(
                "--fail-on '" + failOn + "' is not a severity; use critical, high, medium, low, info or none")));
    }

    List<String> formats() {
        List<String> normalized = formats.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        normalized.forEach(f -> {
            if (!Renderers.FORMATS.contains(f)) {
                throw new QuiesceException("--format '" + f + "' is unknown; use any of: "
                        + String.join(", ", Renderers.FORMATS));
            }
        });
        return normalized;
    }
}
