package dev.quiesce.engine;

import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.RoleNames;
import dev.quiesce.model.Rule;
import dev.quiesce.model.RulePack;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roles the loaded rule packs use. A host role outside them is a configuration mistake (a typo such
 * as {@code gust}, a role of a pack not loaded): no rule would ever audit the host for it, and a run
 * that says nothing about a host must not look like one that passed.
 */
public final class KnownRoles {
    private KnownRoles() {}

    public static Set<String> of(Collection<RulePack> packs) {
        Set<String> roles = new TreeSet<>();
        packs.forEach(p -> p.rules().stream().map(Rule::roles).forEach(roles::addAll));
        return roles;
    }

    /** Throws, naming every host and role no loaded rule uses, with the known roles and the nearest. */
    static void require(Collection<RulePack> packs, Collection<dev.quiesce.model.HostInfo> hosts) {
        Set<String> known = of(packs);
        List<String> problems = new ArrayList<>();
        for (var host : hosts) {
            for (String role : new TreeSet<>(host.roles())) {
                if (RoleNames.isUnknown(role, known)) {
                    problems.add("host '" + host.name() + "': " + RoleNames.unknown(role, known));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new QuiesceException(problems.size() == 1 ? problems.get(0) : problems.size() + " problems:\n  "
                    + String.join("\n  ", problems));
        }
    }
}
