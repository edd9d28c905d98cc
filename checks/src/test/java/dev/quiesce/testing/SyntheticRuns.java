package dev.quiesce.testing;

import dev.quiesce.model.AuditRun;
import dev.quiesce.model.CheckSpec;
import dev.quiesce.model.Details;
import dev.quiesce.model.Evidence;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.Remediation;
import dev.quiesce.model.Rule;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Severity;
import dev.quiesce.model.Sha256;
import dev.quiesce.model.Status;
import dev.quiesce.model.Tool;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Audit runs made directly from model records, no probe: N hosts by M rules of one rule pack whose
 * rules carry a title, rationale, remediation and references, so reports resolve them. Each finding
 * starts from defaults a test may change ({@link #finding}); statuses cycle FAIL, PASS, ERROR, WAIVED,
 * SKIPPED over the rules and severities cycle critical to info, so a default grid has every status.
 */
public final class SyntheticRuns {
    public static final String PACK = "synthetic";
    public static final Instant STARTED = Instant.parse("2025-03-01T02:00:00Z");
    public static final Instant FINISHED = STARTED.plusMillis(1_234);
    public static final Tool TOOL = new Tool("quiesce", "0.0.0-test");
    private static final Status[] STATUSES = {Status.FAIL, Status.PASS, Status.ERROR, Status.WAIVED, Status.SKIPPED};

    private String id = "20250301T020000Z-5e1f7e57";
    private List<String> hostNames = List.of("host-01");
    private int rules = 5;
    private Customizer customizer = (host, rule, f) -> { };
    private Function<String, String> capture = name -> null;
    private String packContent;
    private final Map<Integer, String> unreachable = new java.util.HashMap<>();

    private SyntheticRuns() {}

    /** Changes the finding of rule {@code rule} (0-based) on host {@code host} (0-based). */
    @FunctionalInterface
    public interface Customizer {
        void customize(int host, int rule, FindingSpec finding);
    }

    public static SyntheticRuns builder() {
        return new SyntheticRuns();
    }

    /** {@code hosts} hosts named host-01, host-02, …, and {@code rules} rules, with default findings. */
    public static AuditRun grid(int hosts, int rules) {
        return builder().hosts(hosts).rules(rules).build();
    }

    /** The id of the rule at index {@code rule} (0-based): SYN-001, SYN-002, … */
    public static String ruleId(int rule) {
        return String.format("SYN-%03d", rule + 1);
    }

    public SyntheticRuns id(String runId) {
        this.id = runId;
        return this;
    }

    public SyntheticRuns hosts(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(String.format("host-%02d", i));
        }
        this.hostNames = names;
        return this;
    }

    /** Hosts by name; the run sorts them by name, so index them in the order given here. */
    public SyntheticRuns hostNames(String... names) {
        this.hostNames = List.of(names);
        return this;
    }

    public SyntheticRuns rules(int count) {
        this.rules = count;
        return this;
    }

    public SyntheticRuns finding(Customizer c) {
        Customizer previous = this.customizer;
        this.customizer = (h, r, f) -> {
            previous.customize(h, r, f);
            c.customize(h, r, f);
        };
        return this;
    }

    /** The capture JSON each host carries, by host name (null: none). */
    public SyntheticRuns capture(Function<String, String> captureByName) {
        this.capture = captureByName;
        return this;
    }

    /** The rule pack's YAML text; by default a short YAML listing the rule ids. */
    public SyntheticRuns packContent(String content) {
        this.packContent = content;
        return this;
    }

    /** Host {@code host} (0-based) could not be audited, for this reason. */
    public SyntheticRuns unreachable(int host, String error) {
        unreachable.put(host, error);
        return this;
    }

    public static Rule rule(int index) {
        String id = ruleId(index);
        return new Rule(id, PACK, "Synthetic rule " + (index + 1), Severity.values()[index % Severity.values().length],
                Set.of(), List.of("synthetic"), "Description of " + id + ".", "Rationale of " + id + ": why it matters.",
                new Remediation("Remediation of " + id + ".", List.of("chmod 0700 /usr/sbin/pre-freeze-script")),
                List.of("https://example.invalid/rules/" + id), new CheckSpec("file", Map.of()));
    }

    public AuditRun build() {
        List<Rule> ruleList = new ArrayList<>();
        for (int r = 0; r < rules; r++) {
            ruleList.add(rule(r));
        }
        String content = packContent != null ? packContent
                : "id: " + PACK + "\nversion: 1.0.0\nrules:\n" + ruleList.stream().map(r -> "  - id: " + r.id() + "\n")
                        .reduce("", String::concat);
        RulePack pack = new RulePack(PACK, "1.0.0", "Synthetic rules", "synthetic.yaml",
                Sha256.hex(content.getBytes(StandardCharsets.UTF_8)), content, ruleList);
        List<HostResult> hosts = new ArrayList<>();
        for (int h = 0; h < hostNames.size(); h++) {
            List<Finding> findings = new ArrayList<>();
            for (int r = 0; r < rules; r++) {
                FindingSpec spec = new FindingSpec(STATUSES[r % STATUSES.length], ruleList.get(r));
                if (unreachable.containsKey(h)) {
                    spec.status(Status.ERROR).observed("unknown").message("host not audited: " + unreachable.get(h))
                            .evidence(List.of());
                }
                customizer.customize(h, r, spec);
                findings.add(spec.toFinding(ruleList.get(r)));
            }
            String name = hostNames.get(h);
            HostStatus status = unreachable.containsKey(h) ? HostStatus.UNREACHABLE : HostStatus.AUDITED;
            hosts.add(new HostResult(name, Set.of("guest", "iris"), "capture", status, unreachable.get(h), findings, null,
                    capture.apply(name)));
        }
        return new AuditRun(id, STARTED, FINISHED, TOOL, List.of(pack), hosts);
    }

    /** A finding under construction: defaults from its rule and status, each part replaceable. */
    public static final class FindingSpec {
        private Status status;
        private String observed;
        private String expected;
        private String message;
        private List<Evidence> evidence;
        private final List<Details.Table> tables = new ArrayList<>();
        private final List<Details.TimeSeries> series = new ArrayList<>();

        FindingSpec(Status status, Rule rule) {
            this.status = status;
            this.observed = "/usr/sbin/pre-freeze-script: 0755";
            this.expected = "exists, mode 0700";
            this.message = rule.id() + " " + status.name().toLowerCase(java.util.Locale.ROOT) + ": see evidence";
            this.evidence = new ArrayList<>(List.of(new Evidence("stat", "stat /usr/sbin/pre-freeze-script",
                    "0755 0 0 regular 37 /usr/sbin/pre-freeze-script")));
        }

        public Status status() {
            return status;
        }

        public FindingSpec status(Status value) {
            this.status = value;
            return this;
        }

        public FindingSpec observed(String value) {
            this.observed = value;
            return this;
        }

        public FindingSpec expected(String value) {
            this.expected = value;
            return this;
        }

        public FindingSpec message(String value) {
            this.message = value;
            return this;
        }

        public FindingSpec evidence(List<Evidence> value) {
            this.evidence = new ArrayList<>(value);
            return this;
        }

        public FindingSpec evidence(String source, String excerpt) {
            this.evidence.add(new Evidence("content", source, excerpt));
            return this;
        }

        public FindingSpec table(String name, List<String> columns, List<List<String>> rows) {
            tables.add(new Details.Table(name, columns, rows));
            return this;
        }

        public FindingSpec series(Details.TimeSeries value) {
            series.add(value);
            return this;
        }

        Finding toFinding(Rule rule) {
            return new Finding(rule.id(), rule.title(), rule.severity(), status, observed, expected, message, evidence,
                    new Details(tables, series));
        }
    }
}
