package dev.quiesce.report;

import dev.quiesce.model.AuditRun;
import dev.quiesce.model.Details;
import dev.quiesce.model.Evidence;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.Rule;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.RunVerdict;
import dev.quiesce.model.Severity;
import dev.quiesce.model.Status;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The data every template reads, built from an {@link AuditRun} as plain maps and lists so that
 * templates stay simple and user templates need no knowledge of Java types. Every string is raw host
 * or rule text: escaping is the template's output format's job, never this class's. Charts arrive as
 * markup made here ({@code svg}) and, for print, as an SVG data URI ({@code image}) that the PDF
 * renderer draws as vectors.
 */
final class ReportModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ReportModel() {}

    /** Everything, for one document: the HTML report and the Markdown summary. */
    static Map<String, Object> of(AuditRun run, ReportSettings settings, boolean print) {
        Map<String, Object> model = summary(run, settings, print);
        model.put("hosts", hosts(run, print, 0, run.hosts().size()));
        return model;
    }

    /** All but the hosts' sections: scope, verdict, counts, matrix, failing rules, the rules themselves. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> summary(AuditRun run, ReportSettings settings, boolean print) {
        Map<String, Object> model = new LinkedHashMap<>();
        RunVerdict verdict = RunVerdict.of(run, settings.failOn());
        model.put("tool", map("name", run.tool().name(), "version", run.tool().version()));
        model.put("run", map("id", run.id(), "started", TIME.format(run.started()), "finished",
                TIME.format(run.finished()), "startedIso", run.started().toString(), "duration",
                duration(Duration.between(run.started(), run.finished()))));
        model.put("verdict", map("status", verdict.label(), "css", verdict.name().toLowerCase(java.util.Locale.ROOT),
                "failOn", settings.failOn().map(Severity::label).orElse("none"), "text", verdictText(run, verdict,
                        settings.failOn())));
        model.put("paper", settings.paper().cssSize());
        model.put("print", print);
        model.put("bundleSha256", settings.bundleSha256().orElse(""));
        model.put("packs", run.packs().stream().map(p -> map("id", p.id(), "version", p.version(), "title", p.title(),
                "sha256", p.sha256(), "source", p.source(), "rules", p.rules().size())).toList());
        model.put("rules", run.packs().stream().flatMap(p -> p.rules().stream()).map(ReportModel::rule).toList());
        model.put("severities", java.util.Arrays.stream(Severity.values()).map(Severity::label).toList());
        model.put("counts", counts(run.hosts()));
        model.put("bySeverity", bySeverity(run));
        model.put("matrix", matrix(run));
        model.put("failing", failingRules(run));
        model.put("hostCount", run.hosts().size());
        model.put("hosts", List.of());
        model.put("notAudited", run.hosts().stream().filter(h -> !h.audited()).count());
        return (Map<String, Object>) ReportText.cleanAll(model);
    }

    /** The sections of hosts {@code from} (inclusive) to {@code to} (exclusive), anchors numbered in the run. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> hosts(AuditRun run, boolean print, int from, int to) {
        Map<String, Rule> rules = new java.util.HashMap<>();
        run.packs().forEach(p -> p.rules().forEach(r -> rules.put(r.id(), r)));
        List<Map<String, Object>> hosts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            hosts.add(host(run, rules, run.hosts().get(i), "host-" + (i + 1), print));
        }
        return (List<Map<String, Object>>) ReportText.cleanAll(hosts);
    }

    private static Map<String, Object> rule(Rule rule) {
        return map("id", rule.id(), "anchor", rule.id().replaceAll("[^A-Za-z0-9_-]", "_"), "title", rule.title(),
                "severity", rule.severity().label(), "pack", rule.packId(), "description", rule.description(),
                "rationale", rule.rationale(), "remediation", rule.remediation().text(), "commands",
                rule.remediation().commands(), "references", rule.references());
    }

    private static String verdictText(AuditRun run, RunVerdict verdict, Optional<Severity> failOn) {
        return switch (verdict) {
            case PASS -> "Nothing failed or stayed undecided at or above " + failOn.orElseThrow().label() + ".";
            case FAIL -> RunVerdict.failing(run, failOn.orElseThrow()) + " finding(s) failed or could not be decided "
                    + "at or above " + failOn.orElseThrow().label() + ".";
            case INCOMPLETE -> run.hosts().stream().filter(h -> !h.audited()).count()
                    + " host(s) could not be audited; the report proves nothing about them.";
            case NOT_APPLIED -> "No severity threshold was applied (--fail-on none).";
        };
    }

    private static List<Map<String, Object>> counts(List<HostResult> hosts) {
        List<Map<String, Object>> counts = new ArrayList<>();
        for (Status status : Status.values()) {
            long n = hosts.stream().flatMap(h -> h.findings().stream()).filter(f -> f.status() == status).count();
            counts.add(map("status", status.name(), "css", css(status), "count", n));
        }
        return counts;
    }

    private static List<Map<String, Object>> bySeverity(AuditRun run) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("severity", severity.label());
            for (Status status : Status.values()) {
                row.put(status.name(), run.findings().filter(f -> f.severity() == severity && f.status() == status)
                        .count());
            }
            rows.add(row);
        }
        return rows;
    }

    /** Hosts down, severities across: the number of FAIL or ERROR findings in each cell. */
    private static List<Map<String, Object>> matrix(AuditRun run) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < run.hosts().size(); i++) {
            HostResult host = run.hosts().get(i);
            List<Map<String, Object>> cells = new ArrayList<>();
            for (Severity severity : Severity.values()) {
                long problems = host.findings().stream().filter(f -> f.severity() == severity
                        && f.status().isProblem()).count();
                cells.add(map("severity", severity.label(), "problems", problems));
            }
            rows.add(map("host", host.name(), "anchor", "host-" + (i + 1), "status", host.status().name(),
                    "cells", cells));
        }
        return rows;
    }

    /** A summary names this many hosts per failing rule; the matrix and each host's section have the rest. */
    static final int HOSTS_NAMED_PER_RULE = 20;

    /** Rules that failed or could not be decided somewhere, most severe first, with the hosts. */
    private static List<Map<String, Object>> failingRules(AuditRun run) {
        Map<String, List<String>> hostsByRule = new TreeMap<>();
        Map<String, Finding> example = new TreeMap<>();
        for (HostResult host : run.hosts()) {
            for (Finding f : host.findings()) {
                if (f.status().isProblem()) {
                    hostsByRule.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(host.name());
                    example.putIfAbsent(f.rule(), f);
                }
            }
        }
        return example.values().stream()
                .sorted(java.util.Comparator.comparing(Finding::severity).thenComparing(Finding::rule))
                .map(f -> {
                    List<String> hosts = hostsByRule.get(f.rule());
                    return map("rule", f.rule(), "title", f.title(), "severity", f.severity().label(), "hosts",
                            hosts.subList(0, Math.min(hosts.size(), HOSTS_NAMED_PER_RULE)), "more",
                            Math.max(0, hosts.size() - HOSTS_NAMED_PER_RULE), "count", hosts.size());
                })
                .toList();
    }

    private static Map<String, Object> host(AuditRun run, Map<String, Rule> rules, HostResult host, String anchor,
                                            boolean print) {
        Map<String, List<Map<String, Object>>> byPack = new LinkedHashMap<>();
        for (Finding finding : host.findings()) {
            Optional<Rule> rule = Optional.ofNullable(rules.get(finding.rule()));
            String pack = rule.map(Rule::packId).orElse("");
            byPack.computeIfAbsent(pack, p -> new ArrayList<>()).add(finding(finding, rule, anchor, print));
        }
        List<Map<String, Object>> packs = new ArrayList<>();
        byPack.forEach((id, findings) -> {
            String title = run.packs().stream().filter(p -> p.id().equals(id)).map(RulePack::title).findFirst()
                    .orElse(id);
            packs.add(map("id", id, "title", title, "findings", findings));
        });
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            counts.put(status.name(), host.findings().stream().filter(f -> f.status() == status).count());
        }
        return map("name", host.name(), "anchor", anchor, "roles", List.copyOf(host.roles()), "transport",
                host.transport(), "status", host.status().name(), "audited", host.audited(), "error",
                host.error() == null ? "" : host.error(), "asOf", host.asOf() == null ? "" : host.asOf().toString(),
                "counts", counts, "packs", packs);
    }

    private static Map<String, Object> finding(Finding f, Optional<Rule> rule, String hostAnchor, boolean print) {
        Map<String, Object> model = map("rule", f.rule(), "anchor", hostAnchor + "-" + f.rule().replaceAll(
                "[^A-Za-z0-9_-]", "_"), "title", f.title(), "severity", f.severity().label(), "status",
                f.status().name(), "css", css(f.status()), "problem", f.status().isProblem(), "observed", f.observed(),
                "expected", f.expected(), "message", f.message());
        model.put("evidence", f.evidence().stream().map(e -> evidence(e, print)).toList());
        model.put("description", rule.map(Rule::description).orElse(""));
        model.put("rationale", rule.map(Rule::rationale).orElse(""));
        model.put("remediation", rule.map(r -> r.remediation().text()).orElse(""));
        model.put("commands", rule.map(r -> r.remediation().commands()).orElse(List.of()));
        model.put("references", rule.map(Rule::references).orElse(List.of()));
        model.put("tables", f.details().tables().stream().map(t -> map("name", t.name(), "columns", t.columns(),
                "rows", t.rows())).toList());
        model.put("charts", f.details().series().stream().map(s -> chart(s, print)).toList());
        return model;
    }

    /** Print keeps excerpts short: the whole of what the host said is in the HTML and JSON reports. */
    private static final int PRINT_EXCERPT_CHARS = 1500;

    private static Map<String, Object> evidence(Evidence e, boolean print) {
        String excerpt = print && e.excerpt().length() > PRINT_EXCERPT_CHARS
                ? e.excerpt().substring(0, PRINT_EXCERPT_CHARS) + "\n[... cut here; the whole excerpt is in report.html]"
                : e.excerpt();
        return map("fact", e.fact(), "source", e.source(), "excerpt", excerpt);
    }

    private static Map<String, Object> chart(Details.TimeSeries series, boolean print) {
        String svg = ChartSvg.render(series);
        String dataUri = print ? "data:image/svg+xml;base64," + java.util.Base64.getEncoder().encodeToString(
                svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)) : "";
        return map("name", series.name(), "unit", series.unit(), "svg", svg, "image", dataUri,
                "points", series.points().size(), "thresholds", series.thresholds().stream()
                        .map(t -> t.label() + " = " + ChartSvg.number(t.value()) + " " + series.unit())
                        .collect(Collectors.joining(", ")));
    }

    static String css(Status status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String duration(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : String.format(java.util.Locale.ROOT, "%.1f s",
                d.toMillis() / 1000.0);
    }

    /** An insertion-ordered map from alternating keys and values. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
