package dev.quiesce.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One finished audit, immutable: what every renderer reads. Hosts are sorted by name and packs by id,
 * so outputs are deterministic.
 */
public record AuditRun(
        String id, Instant started, Instant finished, Tool tool, List<RulePack> packs, List<HostResult> hosts,
        String shard) {

    public AuditRun {
        Objects.requireNonNull(id, "id");
        packs = packs.stream().sorted(java.util.Comparator.comparing(RulePack::id)).toList();
        hosts = hosts.stream().sorted(HostResult.ORDER).toList();
    }

    /** A whole audit, not one shard of it. */
    public AuditRun(String id, Instant started, Instant finished, Tool tool, List<RulePack> packs,
                    List<HostResult> hosts) {
        this(id, started, finished, tool, packs, hosts, null);
    }

    /** The same run as shard {@code i/n} of a larger audit ({@code --shard}). */
    public AuditRun asShard(String iOfN) {
        return new AuditRun(id, started, finished, tool, packs, hosts, iOfN);
    }

    public Summary summary() {
        return Summary.of(hosts);
    }

    public Optional<Rule> rule(String ruleId) {
        return packs.stream().flatMap(p -> p.rules().stream()).filter(r -> r.id().equals(ruleId)).findFirst();
    }

    public Stream<Finding> findings() {
        return hosts.stream().flatMap(h -> h.findings().stream());
    }

    /** True when a finding at or above {@code threshold} failed or could not be decided. */
    public boolean failsAt(Severity threshold) {
        return findings().anyMatch(f -> f.status().isProblem() && f.severity() != null
                && f.severity().atLeast(threshold));
    }

    public boolean allHostsAudited() {
        return hosts.stream().allMatch(HostResult::audited);
    }
}
