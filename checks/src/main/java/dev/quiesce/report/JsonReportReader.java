package dev.quiesce.report;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiesce.files.InputFile;
import dev.quiesce.files.StrictJson;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.Details;
import dev.quiesce.model.Evidence;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Severity;
import dev.quiesce.model.ShardMark;
import dev.quiesce.model.Status;
import dev.quiesce.model.Tool;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@code report.json} back into an {@link AuditRun}, for {@code quiesce merge}. A report is input
 * like any other: a regular file within a cap, strictly UTF-8, strict JSON (no duplicate keys, nothing
 * after the value, bounded nesting and numbers), and every wrong or missing field is named at its line
 * and column. Packs come back as their identity only (id, version, SHA-256): a report does not carry the
 * rules' texts.
 */
public final class JsonReportReader {
    /** A fleet's report with its evidence stays far below this. */
    static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
    private static final ObjectMapper JSON = StrictJson.mapper(32, MAX_FILE_BYTES);

    private JsonReportReader() {}

    /** A field that is missing or wrong, at its place in the report. */
    private static final class Wrong extends RuntimeException {
        final String pointer;

        Wrong(String pointer, String message) {
            super(message, null, false, false);
            this.pointer = pointer;
        }
    }

    /** A node with the JSON pointer it was reached by, so that a problem can say where it is. */
    private record At(JsonNode node, String pointer) {
        At get(String field) {
            JsonNode child = node.get(field);
            return new At(child == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : child,
                    pointer + "/" + field);
        }

        List<At> items() {
            if (node.isMissingNode() || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw new Wrong(pointer, "'" + name() + "' must be a list");
            }
            List<At> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                items.add(new At(node.get(i), pointer + "/" + i));
            }
            return items;
        }

        String text() {
            if (!node.isTextual()) {
                throw new Wrong(pointer, "'" + name() + "' must be a string");
            }
            return node.asText();
        }

        String text(String field) {
            return get(field).text();
        }

        /** A string that may be absent or null. */
        String optionalText(String field) {
            At child = get(field);
            return child.node.isMissingNode() || child.node.isNull() ? "" : child.text();
        }

        Instant instant(String field) {
            At child = get(field);
            try {
                return Instant.parse(child.text());
            } catch (DateTimeParseException e) {
                throw new Wrong(child.pointer, "'" + field + "' must be a time such as 2026-12-02T04:40:39Z");
            }
        }

        /** An instant that may be absent or null, in reports of hosts that gave no clock. */
        Instant optionalInstant(String field) {
            At child = get(field);
            return child.node.isMissingNode() || child.node.isNull() ? null : instant(field);
        }

        double number(String field) {
            At child = get(field);
            if (!child.node.isNumber()) {
                throw new Wrong(child.pointer, "'" + field + "' must be a number");
            }
            return child.node.asDouble();
        }

        <E extends Enum<E>> E choice(String field, Class<E> type) {
            At child = get(field);
            String value = child.text();
            return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst()
                    .orElseThrow(() -> new Wrong(child.pointer, "'" + field + "' is '" + value + "', not one of "
                            + Arrays.toString(type.getEnumConstants())));
        }

        private String name() {
            return pointer.substring(pointer.lastIndexOf('/') + 1);
        }
    }

    public static AuditRun read(Path file) {
        byte[] bytes = InputFile.bytes(file, "report", MAX_FILE_BYTES);
        InputFile.utf8(file.toString(), bytes);
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new QuiesceException(file + StrictJson.at(e) + ": not a readable JSON report: " + e.getOriginalMessage()
                    .lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new QuiesceException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject() || !JsonReport.SCHEMA.equals(tree.path("schema").asText())) {
            throw new QuiesceException(file + ": not a quiesce report (schema is not \"" + JsonReport.SCHEMA + "\")");
        }
        try {
            return run(new At(tree, ""), file);
        } catch (Wrong e) {
            throw new QuiesceException(file + ":" + JsonLocator.at(bytes, JsonPointer.compile(e.pointer)) + ": "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            // A value each field accepts, in a combination the model does not (a table row of the wrong width).
            throw new QuiesceException(file + ": a part of the report is inconsistent: " + e.getMessage(), e);
        }
    }

    private static AuditRun run(At root, Path file) {
        List<RulePack> packs = new ArrayList<>();
        for (At p : root.get("packs").items()) {
            packs.add(new RulePack(p.text("id"), p.text("version"), p.text("id"), file.toString(), p.text("sha256"), "",
                    List.of()));
        }
        List<HostResult> hosts = new ArrayList<>();
        for (At h : root.get("hosts").items()) {
            hosts.add(host(h));
        }
        At run = root.get("run");
        At tool = root.get("tool");
        return new AuditRun(run.text("id"), run.instant("started"), run.instant("finished"),
                new Tool(tool.text("name"), tool.text("version")), packs, hosts, shard(run.get("shard")));
    }

    /** {@code run.shard}: null for a whole audit, else a mark {@link ShardMark} accepts. */
    private static String shard(At shard) {
        if (shard.node().isMissingNode() || shard.node().isNull()) {
            return null;
        }
        String text = shard.text();
        ShardMark.problem(text).ifPresent(why -> {
            throw new Wrong(shard.pointer(), "run.shard " + why);
        });
        return text;
    }

    private static HostResult host(At h) {
        Set<String> roles = new TreeSet<>();
        h.get("roles").items().forEach(r -> roles.add(r.text()));
        List<Finding> findings = new ArrayList<>();
        for (At f : h.get("findings").items()) {
            List<Evidence> evidence = new ArrayList<>();
            for (At e : f.get("evidence").items()) {
                evidence.add(new Evidence(e.text("fact"), e.text("source"), e.optionalText("excerpt"),
                        e.optionalInstant("collected")));
            }
            At severity = f.get("severity");
            findings.add(new Finding(f.text("rule"), f.text("title"), Severity.parse(severity.text())
                    .orElseThrow(() -> new Wrong(severity.pointer(), "'severity' is not one of critical, high, medium, "
                            + "low, info")), f.choice("status", Status.class), f.optionalText("observed"),
                    f.optionalText("expected"), f.optionalText("message"), evidence, details(f.get("details"))));
        }
        At error = h.get("error");
        return new HostResult(h.text("name"), roles, h.optionalText("transport"), h.choice("status", HostStatus.class),
                error.node().isMissingNode() || error.node().isNull() ? null : error.text(), findings,
                h.optionalInstant("asOf"), null);
    }

    private static Details details(At node) {
        List<Details.Table> tables = new ArrayList<>();
        for (At t : node.get("tables").items()) {
            List<String> columns = t.get("columns").items().stream().map(At::text).toList();
            List<List<String>> rows = t.get("rows").items().stream()
                    .map(r -> r.items().stream().map(At::text).toList()).toList();
            tables.add(new Details.Table(t.text("name"), columns, rows));
        }
        List<Details.TimeSeries> series = new ArrayList<>();
        for (At s : node.get("series").items()) {
            List<Details.Point> points = new ArrayList<>();
            for (At p : s.get("points").items()) {
                points.add(new Details.Point(p.instant("time"), p.number("value")));
            }
            List<Details.Threshold> thresholds = new ArrayList<>();
            for (At t : s.get("thresholds").items()) {
                thresholds.add(new Details.Threshold(t.text("label"), t.number("value")));
            }
            series.add(new Details.TimeSeries(s.text("name"), s.text("unit"), points, thresholds));
        }
        return new Details(tables, series);
    }
}
