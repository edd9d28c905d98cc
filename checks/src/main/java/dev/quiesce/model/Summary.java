package dev.quiesce.model;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** Counts of findings by status over a set of hosts; every status is present, zero or not. */
public record Summary(Map<Status, Integer> counts) {
    public Summary {
        EnumMap<Status, Integer> all = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            all.put(s, counts.getOrDefault(s, 0));
        }
        counts = Map.copyOf(all);
    }

    public static Summary of(Collection<HostResult> hosts) {
        EnumMap<Status, Integer> counts = new EnumMap<>(Status.class);
        hosts.stream().flatMap(h -> h.findings().stream()).forEach(f -> counts.merge(f.status(), 1, Integer::sum));
        return new Summary(counts);
    }

    public int count(Status status) {
        return counts.get(status);
    }
}
