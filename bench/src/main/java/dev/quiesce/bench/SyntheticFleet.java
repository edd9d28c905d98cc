package dev.quiesce.bench;

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
import dev.quiesce.model.Status;
import dev.quiesce.model.Tool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A finished audit of a made-up fleet, shaped like a real one: most findings pass, about one in
 * eight fails with evidence, a few cannot be decided, one host in fifty was unreachable, and one rule
 * carries a stun-time chart and a snapshot table. Seeded, so every run renders the same input.
 */
final class SyntheticFleet {
    private SyntheticFleet() {}

    static AuditRun of(int hostCount, int ruleCount, long seed) {
        Random random = new Random(seed);
        List<Rule> rules = new ArrayList<>();
        Severity[] severities = Severity.values();
        for (int r = 0; r < ruleCount; r++) {
            rules.add(new Rule(String.format("QZ-SYN-%03d", r), "synthetic", "Synthetic rule " + r
                    + " checks one property of the freeze and thaw set-up", severities[r % severities.length],
                    Set.of("guest"), List.of("synthetic"), "Description of rule " + r + ".",
                    "Why rule " + r + " matters: a snapshot without a frozen database restores to a crash-consistent "
                            + "image at best.", new Remediation("Fix it like this.", List.of("chmod 0700 /usr/sbin/x")),
                    List.of("VMware KB 1006671"), new CheckSpec("file", Map.of("paths", List.of("/x")))));
        }
        RulePack pack = new RulePack("synthetic", "1.0", "Synthetic pack", "bench", "0".repeat(64), "", rules);
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        List<HostResult> hosts = new ArrayList<>();
        for (int h = 0; h < hostCount; h++) {
            String name = String.format("db%04d.example.internal", h);
            if (h % 50 == 49) {
                hosts.add(new HostResult(name, Set.of("guest"), "ssh", HostStatus.UNREACHABLE,
                        "connect timed out after 10 s", rules.stream().map(rule -> finding(rule, Status.ERROR,
                        "host not audited: connect timed out after 10 s", null)).toList()));
                continue;
            }
            List<Finding> findings = new ArrayList<>();
            for (Rule rule : rules) {
                int roll = random.nextInt(100);
                Status status = roll < 12 ? Status.FAIL : roll < 14 ? Status.ERROR : roll < 16 ? Status.SKIPPED
                        : Status.PASS;
                Details details = rule.id().equals("QZ-SYN-000") ? stunDetails(random, start) : Details.NONE;
                findings.add(finding(rule, status, status == Status.FAIL ? "/usr/sbin/pre-freeze-script has mode 0755, "
                        + "expected 0700: chmod 0700 /usr/sbin/pre-freeze-script" : "as required", details));
            }
            hosts.add(new HostResult(name, Set.of("guest", "iris"), "ssh", HostStatus.AUDITED, null, findings));
        }
        return new AuditRun("20261125T100000Z-bench000", start, start.plusSeconds(95), new Tool("quiesce", "bench"),
                List.of(pack), hosts);
    }

    private static Finding finding(Rule rule, Status status, String message, Details details) {
        List<Evidence> evidence = List.of(new Evidence("stat", "stat /usr/sbin/pre-freeze-script",
                "regular file 0755 root:root"), new Evidence("listing", "list /etc/vmware-tools/backupScripts.d",
                "regular file 0700 root:root  10-flush\nregular file 0644 root:root  README.txt"));
        return new Finding(rule.id(), rule.title(), rule.severity(), status, "/usr/sbin/pre-freeze-script: 0755",
                "mode 0700", message, evidence, details);
    }

    private static Details stunDetails(Random random, Instant start) {
        List<Details.Point> points = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            points.add(new Details.Point(start.minusSeconds(3600L * (24 - i)), 200 + random.nextInt(600)
                    + (i == 20 ? 5000 : 0)));
        }
        Details.TimeSeries stun = new Details.TimeSeries("VM stun per snapshot operation", "ms", points,
                List.of(new Details.Threshold("QoS/2", 4000), new Details.Threshold("QoS", 8000)));
        Details.Table snapshots = new Details.Table("Snapshots", List.of("Name", "Created", "Age"),
                List.of(List.of("veeam-temp", "2026-11-24 22:01", "13 h")));
        return new Details(List.of(snapshots), List.of(stun));
    }
}
