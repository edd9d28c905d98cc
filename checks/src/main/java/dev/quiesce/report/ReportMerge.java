package dev.quiesce.report;

import dev.quiesce.model.AuditRun;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.ShardMark;
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

    /**
     * Shards say which part of how many they are; merging them requires every part exactly once, so a
     * missing shard cannot pass for a complete fleet. Reports without shard marks merge as given.
     */
    private static void checkShards(List<AuditRun> parts) {
        List<String> marks = parts.stream().map(AuditRun::shard).toList();
        if (marks.stream().allMatch(java.util.Objects::isNull)) {
            return;
        }
        if (marks.stream().anyMatch(java.util.Objects::isNull)) {
            throw new QuiesceException("some reports are shards (--shard) and some are not; merge the shards of one "
                    + "audit only");
        }
        java.util.Set<Integer> counts = new java.util.TreeSet<>();
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (String text : marks) {
            // Reports read from files are checked as they are read; a run built in code is checked here.
            ShardMark mark = ShardMark.require(text, "shard");
            counts.add(mark.count());
            if (!seen.add(mark.toString())) {
                throw new QuiesceException("shard " + mark + " is given twice");
            }
        }
        if (counts.size() != 1) {
            throw new QuiesceException("the shards were cut in different numbers of parts " + counts);
        }
        int n = counts.iterator().next();
        List<String> missing = java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> i + "/" + n)
                .filter(m -> !seen.contains(m)).toList();
        if (!missing.isEmpty()) {
            throw new QuiesceException("shard(s) " + String.join(", ", missing) + " missing: the merged report would "
                    + "leave their hosts out");
        }
    }

    public static AuditRun merge(List<AuditRun> parts, Tool tool) {
        if (parts.isEmpty()) {
            throw new QuiesceException("nothing to merge: give at least one report");
        }
        checkShards(parts);
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
