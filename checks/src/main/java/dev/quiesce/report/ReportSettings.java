package dev.quiesce.report;

import dev.quiesce.model.Severity;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How reports are written: the severity that decides the verdict, the PDF paper size, a directory
 * of templates overriding the packaged ones by file name, and the evidence bundle's SHA-256 once it
 * is known (the Markdown summary quotes it).
 */
public record ReportSettings(Optional<Severity> failOn, Paper paper, Optional<Path> templates,
                             Optional<String> bundleSha256) {

    public enum Paper {
        A4("A4"), LETTER("letter");

        private final String cssSize;

        Paper(String cssSize) {
            this.cssSize = cssSize;
        }

        public String cssSize() {
            return cssSize;
        }
    }

    public static ReportSettings defaults() {
        return new ReportSettings(Optional.of(Severity.HIGH), Paper.A4, Optional.empty(), Optional.empty());
    }

    public ReportSettings withBundleSha256(String sha256) {
        return new ReportSettings(failOn, paper, templates, Optional.of(sha256));
    }
}
