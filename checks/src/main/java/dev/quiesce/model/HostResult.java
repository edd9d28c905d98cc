package dev.quiesce.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one audit found on one host. {@code error} is set when {@code status} is not AUDITED;
 * {@code asOf} is the host's own clock when its facts were collected (what time windows were measured
 * against; null when the host gave none); {@code capture} is the host's raw probe answer as a capture
 * file's JSON, for the evidence bundle (null when the host gave none).
 */
public record HostResult(String name, Set<String> roles, String transport, HostStatus status, String error,
                         List<Finding> findings, Instant asOf, String capture) {

    public static final Comparator<HostResult> ORDER = Comparator.comparing(HostResult::name);

    public HostResult {
        Objects.requireNonNull(name, "name");
        roles = new TreeSet<>(roles);
        Objects.requireNonNull(status, "status");
        findings = findings.stream().sorted(Finding.ORDER).toList();
    }

    public HostResult(String name, Set<String> roles, String transport, HostStatus status, String error,
                      List<Finding> findings) {
        this(name, roles, transport, status, error, findings, null, null);
    }

    public boolean audited() {
        return status == HostStatus.AUDITED;
    }
}
