package dev.quiesce.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.AuditRun;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.testing.SyntheticRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory of templates overrides the packaged ones by file name, with the same escaping and limits. */
class TemplateOverrideTest {
    @TempDir
    Path dir;

    private ReportSettings overriddenBy(Path templates) {
        ReportSettings defaults = ReportSettings.defaults();
        return new ReportSettings(defaults.failOn(), defaults.paper(), Optional.of(templates), Optional.empty());
    }

    @Test
    void aTemplateInTheDirectoryReplacesThePackagedOne() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("summary.md.ftl"),
                "CUSTOM SUMMARY ${verdict.status} ${run.id}\n<#list hosts as h>- ${h.name}\n</#list>");
        AuditRun run = SyntheticRuns.builder().hostNames("db-02", "db|01 `x`").rules(2).build();

        Path md = TemplatedReport.markdown().render(run, overriddenBy(templates), dir.resolve("out"));
        assertEquals("CUSTOM SUMMARY FAIL " + run.id() + "\n- db-02\n- db\\|01 \\`x\\`\n", Files.readString(md),
                "the override, with Markdown escaping still on");

        Path html = TemplatedReport.html().render(run, overriddenBy(templates), dir.resolve("out"));
        assertTrue(Files.readString(html).contains("<h1>Snapshot backup audit</h1>"),
                "templates the directory does not hold still come from the packaged ones");
    }

    @Test
    void aTemplateCannotInstantiateJavaClasses() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Path marker = dir.resolve("executed");
        Files.writeString(templates.resolve("summary.md.ftl"),
                "${\"freemarker.template.utility.Execute\"?new()(\"id\")}\n"
                + "${\"freemarker.template.utility.Execute\"?new()(\"touch " + marker + "\")}\n");
        AuditRun run = SyntheticRuns.grid(1, 1);

        QuiesceException e = assertThrows(QuiesceException.class,
                () -> TemplatedReport.markdown().render(run, overriddenBy(templates), dir.resolve("out")));
        assertTrue(e.getMessage().startsWith("template summary.md.ftl failed"), e.getMessage());
        assertTrue(e.getMessage().contains("freemarker.template.utility.Execute"), e.getMessage());
        assertFalse(Files.exists(marker), "the template ran a command");
        assertFalse(Files.exists(dir.resolve("out/summary.md")), "a template that failed left a half-written report");
    }
}
