package dev.quiesce.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiesce.files.OutputFile;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.Details;
import dev.quiesce.model.Evidence;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code report.json}, schema {@code quiesce-report/1} (docs/REPORT-SCHEMA.md). Field names are stable;
 * hosts, packs and findings are sorted, so two runs of one audit differ only in times and run id.
 */
public final class JsonReport implements Renderer {
    public static final String SCHEMA = "quiesce-report/1";
    public static final String FILE_NAME = "report.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String format() {
        return "json";
    }

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public Path render(AuditRun run, ReportSettings settings, Path outputDirectory) throws IOException {
        Path file = outputDirectory.resolve(FILE_NAME);
        OutputFile.write(file, (toJson(run) + "\n").getBytes(StandardCharsets.UTF_8));
        return file;
    }

    public static String toJson(AuditRun run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.putObject("tool").put("name", run.tool().name()).put("version", run.tool().version());
        root.putObject("run").put("id", run.id()).put("started", run.started().toString())
                .put("finished", run.finished().toString()).put("shard", run.shard());
        ArrayNode packs = root.putArray("packs");
        for (RulePack pack : run.packs()) {
            packs.addObject().put("id", pack.id()).put("version", pack.version()).put("sha256", pack.sha256());
        }
        ArrayNode hosts = root.putArray("hosts");
        run.hosts().forEach(host -> host(host, hosts.addObject()));
        ObjectNode summary = root.putObject("summary");
        for (Status status : Status.values()) {
            summary.put(status.name(), run.summary().count(status));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static void host(HostResult host, ObjectNode node) {
        node.put("name", host.name());
        host.roles().forEach(node.putArray("roles")::add);
        node.put("transport", host.transport());
        node.put("status", host.status().name());
        node.put("error", host.error());
        node.put("asOf", host.asOf() == null ? null : host.asOf().toString());
        ArrayNode findings = node.putArray("findings");
        host.findings().forEach(finding -> finding(finding, findings.addObject()));
    }

    private static void finding(Finding finding, ObjectNode node) {
        node.put("rule", finding.rule()).put("title", finding.title()).put("severity", finding.severity().label())
                .put("status", finding.status().name()).put("observed", finding.observed())
                .put("expected", finding.expected()).put("message", finding.message());
        ArrayNode evidence = node.putArray("evidence");
        for (Evidence item : finding.evidence()) {
            evidence.addObject().put("fact", item.fact()).put("source", item.source()).put("excerpt", item.excerpt())
                    .put("collected", item.collected() == null ? null : item.collected().toString());
        }
        details(finding.details(), node.putObject("details"));
    }

    private static void details(Details details, ObjectNode node) {
        ArrayNode tables = node.putArray("tables");
        for (Details.Table table : details.tables()) {
            ObjectNode t = tables.addObject().put("name", table.name());
            table.columns().forEach(t.putArray("columns")::add);
            ArrayNode rows = t.putArray("rows");
            table.rows().forEach(row -> row.forEach(rows.addArray()::add));
        }
        ArrayNode series = node.putArray("series");
        for (Details.TimeSeries ts : details.series()) {
            ObjectNode s = series.addObject().put("name", ts.name()).put("unit", ts.unit());
            ArrayNode points = s.putArray("points");
            ts.points().forEach(p -> points.addObject().put("time", p.time().toString()).put("value", p.value()));
            ArrayNode thresholds = s.putArray("thresholds");
            ts.thresholds().forEach(t -> thresholds.addObject().put("label", t.label()).put("value", t.value()));
        }
    }
}
