package dev.quiesce.cli;

import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.Severity;
import dev.quiesce.report.Renderers;
import dev.quiesce.report.ReportSettings;
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
            description = "Report formats, comma-separated: json, html, pdf, md, junit (default: json,html).")
    List<String> formats = new ArrayList<>(List.of("json", "html"));

    @Option(names = "--paper", paramLabel = "SIZE", description = "PDF paper: a4 or letter (default: ${DEFAULT-VALUE}).")
    String paper = "a4";

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Directory of templates that override the packaged ones by file name.")
    Path templates;

    @Option(names = "--bundle", paramLabel = "FILE.zip",
            description = "Also write an evidence bundle: reports, raw captures, rule packs and a manifest of hashes.")
    Path bundle;

    @Option(names = "--operator", paramLabel = "NAME",
            description = "Who runs the audit, for the bundle's manifest (default: the user name).")
    String operator;

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

    ReportSettings settings() {
        ReportSettings.Paper size = switch (paper.toLowerCase(Locale.ROOT)) {
            case "a4" -> ReportSettings.Paper.A4;
            case "letter" -> ReportSettings.Paper.LETTER;
            default -> throw new QuiesceException("--paper '" + paper + "' is not a paper size; use a4 or letter");
        };
        return new ReportSettings(threshold(), size, java.util.Optional.ofNullable(templates),
                java.util.Optional.empty());
    }

    String operator() {
        return operator != null ? operator : System.getProperty("user.name", "unknown");
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
