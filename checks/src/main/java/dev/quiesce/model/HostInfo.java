package dev.quiesce.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a check may know of the host it plans for: its name, roles, inventory variables and, for a
 * guest, the ESXi host and VM it runs as.
 */
public record HostInfo(String name, Set<String> roles, Map<String, String> vars, Optional<VmLink> vm) {
    public HostInfo {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        vars = Map.copyOf(vars);
        Objects.requireNonNull(vm, "vm");
    }

    public HostInfo(String name, Set<String> roles, Map<String, String> vars) {
        this(name, roles, vars, Optional.empty());
    }
}
