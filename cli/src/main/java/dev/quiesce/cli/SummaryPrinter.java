package dev.quiesce.cli;

import dev.quiesce.model.AuditRun;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.RunVerdict;
import dev.quiesce.model.Severity;
import dev.quiesce.model.Status;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The short summary an audit prints on stdout: a table of hosts, the problems, the verdict. */
final class SummaryPrinter {
    private static final int MESSAGE_WIDTH = 100;
    /** A fleet's problems belong in the report; the terminal gets the first ones. */
    private static final int MAX_PROBLEM_LINES = 40;

    private final PrintWriter out;
    private final boolean colour;

    SummaryPrinter(PrintWriter out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    void print(AuditRun run, Optional<Severity> threshold, List<Path> written) {
        int nameWidth = Math.max(4, run.hosts().stream().mapToInt(h -> safe(h.name()).length()).max().orElse(4));
        out.printf("%s %s  run %s  %d host(s), %d pack(s)%n", run.tool().name(), run.tool().version(), run.id(),
                run.hosts().size(), run.packs().size());
        out.printf("%-" + nameWidth + "s  %-11s %5s %5s %5s %7s %6s%n", "HOST", "STATUS", "PASS", "FAIL", "ERROR",
                "SKIPPED", "WAIVED");
        for (HostResult host : run.hosts()) {
            // Pad before painting: colour codes have no width on screen but would count in %5s.
            out.printf("%-" + nameWidth + "s  %-11s %5d %s %s %7d %6d%n", safe(host.name()), host.status(),
                    count(host, Status.PASS), paint(String.format("%5d", count(host, Status.FAIL)), "red"),
                    paint(String.format("%5d", count(host, Status.ERROR)), "yellow"), count(host, Status.SKIPPED),
                    count(host, Status.WAIVED));
        }
        List<String> problems = run.hosts().stream().flatMap(h -> h.findings().stream()
                .filter(f -> f.status().isProblem()).map(f -> line(h, f, nameWidth))).toList();
        if (!problems.isEmpty()) {
            out.println();
            problems.stream().limit(MAX_PROBLEM_LINES).forEach(out::println);
            if (problems.size() > MAX_PROBLEM_LINES) {
                out.printf("... and %d more; every finding is in the report%n", problems.size() - MAX_PROBLEM_LINES);
            }
        }
        run.hosts().stream().filter(h -> !h.audited()).forEach(h -> out.printf("%n%s not audited (%s): %s%n",
                safe(h.name()), h.status(), safe(h.error())));
        out.println();
        written.forEach(path -> out.println("wrote " + path));
        out.println(verdict(run, threshold));
    }

    private String line(HostResult host, Finding finding, int nameWidth) {
        String name = String.format("%-5s", finding.status().name());
        String status = finding.status() == Status.FAIL ? paint(name, "red") : paint(name, "yellow");
        return String.format("%-" + nameWidth + "s  %-9s %-8s %s  %s", safe(host.name()), finding.rule(),
                finding.severity().label(), status, TerminalText.fit(safe(finding.message()), MESSAGE_WIDTH));
    }

    private String verdict(AuditRun run, Optional<Severity> threshold) {
        return switch (RunVerdict.of(run, threshold)) {
            case INCOMPLETE -> paint("INCOMPLETE", "yellow") + ": some hosts could not be audited";
            case NOT_APPLIED -> "verdict not applied (--fail-on none)";
            case PASS -> paint("PASS", "green") + ": nothing failed at or above " + threshold.orElseThrow().label();
            case FAIL -> paint("FAIL", "red") + ": " + RunVerdict.failing(run, threshold.orElseThrow())
                    + " finding(s) failed or undecided at or above " + threshold.orElseThrow().label();
        };
    }

    private static int count(HostResult host, Status status) {
        return (int) host.findings().stream().filter(f -> f.status() == status).count();
    }

    private String paint(Object value, String style) {
        String text = String.valueOf(value);
        if (!colour || text.isBlank() || text.strip().equals("0")) {
            return text;
        }
        return picocli.CommandLine.Help.Ansi.ON.string("@|bold," + style + " " + text + "|@");
    }

    private static String safe(String text) {
        return TerminalText.safe(text == null ? "" : text);
    }
}
