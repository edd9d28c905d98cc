package dev.quiesce.model;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What a check may know of the host it plans for: its name, roles and inventory variables. */
public record HostInfo(String name, Set<String> roles, Map<String, String> vars) {
    public HostInfo {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        vars = Map.copyOf(vars);
    }
}
