package dev.quiesce.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.Details;
import dev.quiesce.model.Evidence;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Severity;
import dev.quiesce.model.Status;
import dev.quiesce.model.Tool;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@code report.json} back into an {@link AuditRun}, for {@code quiesce merge}. Packs come back
 * as their identity only (id, version, SHA-256): a report does not carry the rules' texts.
 */
public final class JsonReportReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReportReader() {}

    public static AuditRun read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new QuiesceException(file + ": not a readable JSON report: " + e.getMessage(), e);
        }
        if (root == null || !JsonReport.SCHEMA.equals(root.path("schema").asText())) {
            throw new QuiesceException(file + ": not a quiesce report (schema is not \"" + JsonReport.SCHEMA + "\")");
        }
        try {
            List<RulePack> packs = new ArrayList<>();
            for (JsonNode p : root.path("packs")) {
                packs.add(new RulePack(text(p, "id"), text(p, "version"), text(p, "id"), file.toString(),
                        text(p, "sha256"), "", List.of()));
            }
            List<HostResult> hosts = new ArrayList<>();
            for (JsonNode h : root.path("hosts")) {
                hosts.add(host(h));
            }
            JsonNode run = root.path("run");
            return new AuditRun(text(run, "id"), Instant.parse(text(run, "started")), Instant.parse(text(run,
                    "finished")), new Tool(text(root.path("tool"), "name"), text(root.path("tool"), "version")), packs,
                    hosts, run.path("shard").isTextual() ? run.path("shard").asText() : null);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException | NullPointerException e) {
            throw new QuiesceException(file + ": a field of the report is missing or wrong: " + e.getMessage(), e);
        }
    }

    private static HostResult host(JsonNode h) {
        Set<String> roles = new TreeSet<>();
        h.path("roles").forEach(r -> roles.add(r.asText()));
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : h.path("findings")) {
            List<Evidence> evidence = new ArrayList<>();
            f.path("evidence").forEach(e -> evidence.add(new Evidence(text(e, "fact"), text(e, "source"),
                    e.path("excerpt").asText(), instant(e.path("collected")))));
            findings.add(new Finding(text(f, "rule"), text(f, "title"), Severity.parse(text(f, "severity"))
                    .orElseThrow(() -> new IllegalArgumentException("severity " + f.path("severity"))),
                    Status.valueOf(text(f, "status")), f.path("observed").asText(), f.path("expected").asText(),
                    f.path("message").asText(), evidence, details(f.path("details"))));
        }
        return new HostResult(text(h, "name"), roles, h.path("transport").asText(), HostStatus.valueOf(text(h,
                "status")), h.path("error").isNull() ? null : h.path("error").asText(null), findings,
                instant(h.path("asOf")), null);
    }

    /** An optional instant: absent or null in reports of hosts that gave no clock. */
    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }

    private static Details details(JsonNode node) {
        List<Details.Table> tables = new ArrayList<>();
        for (JsonNode t : node.path("tables")) {
            List<String> columns = new ArrayList<>();
            t.path("columns").forEach(c -> columns.add(c.asText()));
            List<List<String>> rows = new ArrayList<>();
            t.path("rows").forEach(r -> {
                List<String> row = new ArrayList<>();
                r.forEach(c -> row.add(c.asText()));
                rows.add(row);
            });
            tables.add(new Details.Table(text(t, "name"), columns, rows));
        }
        List<Details.TimeSeries> series = new ArrayList<>();
        for (JsonNode s : node.path("series")) {
            List<Details.Point> points = new ArrayList<>();
            s.path("points").forEach(p -> points.add(new Details.Point(Instant.parse(text(p, "time")),
                    p.path("value").asDouble())));
            List<Details.Threshold> thresholds = new ArrayList<>();
            s.path("thresholds").forEach(t -> thresholds.add(new Details.Threshold(text(t, "label"),
                    t.path("value").asDouble())));
            series.add(new Details.TimeSeries(text(s, "name"), text(s, "unit"), points, thresholds));
        }
        return new Details(tables, series);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return value.asText();
    }
}
