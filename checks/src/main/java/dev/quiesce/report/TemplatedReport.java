package dev.quiesce.report;

import dev.quiesce.files.OutputFile;
import dev.quiesce.model.AuditRun;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A report that is one FreeMarker template rendered to one file: the HTML report and the Markdown summary. */
public record TemplatedReport(String format, String fileName, String template) implements Renderer {

    /** {@code report.html}: one self-contained file (inline CSS, inline SVG charts, no network). */
    public static TemplatedReport html() {
        return new TemplatedReport("html", "report.html", "report.html.ftl");
    }

    /**
     * {@code summary.md}: what to paste into a change ticket: verdict, scope, failing rules with their
     * hosts, and the evidence bundle's SHA-256 when a bundle was written.
     */
    public static TemplatedReport markdown() {
        return new TemplatedReport("md", "summary.md", "summary.md.ftl");
    }

    @Override
    public Path render(AuditRun run, ReportSettings settings, Path outputDirectory) throws IOException {
        Path file = outputDirectory.resolve(fileName);
        OutputFile.write(file, out -> {
            Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            new Templates(settings.templates()).render(template, ReportModel.of(run, settings, false), text);
            text.flush();
        });
        return file;
    }
}
