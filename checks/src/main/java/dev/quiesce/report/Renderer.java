package dev.quiesce.report;

import dev.quiesce.model.AuditRun;
import java.io.IOException;
import java.nio.file.Path;

/** Writes one report format of a finished audit into an output directory. */
public interface Renderer {
    /** The name {@code --format} uses. */
    String format();

    /** The file name written into the output directory. */
    String fileName();

    /** Writes the report and returns the file written. */
    Path render(AuditRun run, ReportSettings settings, Path outputDirectory) throws IOException;
}
