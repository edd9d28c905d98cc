package dev.quiesce.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One rule of a rule pack, as loaded and validated. {@code roles} empty means every host. */
public record Rule(
        String id,
        String packId,
        String title,
        Severity severity,
        Set<String> roles,
        List<String> tags,
        String description,
        String rationale,
        Remediation remediation,
        List<String> references,
        CheckSpec check) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        roles = Set.copyOf(roles);
        tags = List.copyOf(tags);
        references = List.copyOf(references);
        Objects.requireNonNull(check, "check");
    }

    /** True when a host with these roles is in scope for this rule. */
    public boolean appliesTo(Set<String> hostRoles) {
        return roles.isEmpty() || hostRoles.stream().anyMatch(roles::contains);
    }
}
