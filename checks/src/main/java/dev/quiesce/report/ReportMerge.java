package dev.quiesce.report;

import dev.quiesce.model.AuditRun;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Tool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines the reports of one audit run in shards (by a scheduler, {@code --shard i/n}) into one:
 * every host once, the same rule packs in every part, the earliest start and the latest finish.
 */
public final class ReportMerge {
    private ReportMerge() {}

    public static AuditRun merge(List<AuditRun> parts, Tool tool) {
        if (parts.isEmpty()) {
            throw new QuiesceException("nothing to merge: give at least one report");
        }
        Map<String, String> packs = new LinkedHashMap<>();
        for (RulePack pack : parts.get(0).packs()) {
            packs.put(pack.id(), pack.version() + " " + pack.sha256());
        }
        Map<String, String> seen = new LinkedHashMap<>();
        List<HostResult> hosts = new ArrayList<>();
        for (AuditRun part : parts) {
            Map<String, String> theirs = new LinkedHashMap<>();
            part.packs().forEach(p -> theirs.put(p.id(), p.version() + " " + p.sha256()));
            if (!theirs.equals(packs)) {
                throw new QuiesceException("run " + part.id() + " used other rule packs (" + theirs + ") than run "
                        + parts.get(0).id() + " (" + packs + "); merge only shards of one audit");
            }
            for (HostResult host : part.hosts()) {
                String previous = seen.putIfAbsent(host.name(), part.id());
                if (previous != null) {
                    throw new QuiesceException("host " + host.name() + " is in run " + previous + " and in run "
                            + part.id() + "; shards must not overlap");
                }
                hosts.add(host);
            }
        }
        Instant started = parts.stream().map(AuditRun::started).min(Comparator.naturalOrder()).orElseThrow();
        Instant finished = parts.stream().map(AuditRun::finished).max(Comparator.naturalOrder()).orElseThrow();
        String id = "merged-" + String.join("+", parts.stream().map(AuditRun::id).sorted().toList());
        return new AuditRun(id.length() > 200 ? id.substring(0, 200) : id, started, finished, tool,
                parts.get(0).packs(), hosts);
    }
}
