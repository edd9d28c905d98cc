package dev.quiesce.model;

import java.util.Set;
import java.util.TreeSet;

/** How a role no loaded rule uses is reported, wherever it was written: the known roles and the nearest. */
public final class RoleNames {
    private RoleNames() {}

    public static String unknown(String role, Set<String> known) {
        String hint = EditDistance.suggestion(role, known).map(r -> "did you mean '" + r + "'? ").orElse("");
        return "role '" + role + "' is used by no rule of the loaded rule packs, so no rule would audit it; " + hint
                + (known.isEmpty() ? "the packs name no roles" : "known roles: " + String.join(", ", new TreeSet<>(known)));
    }
}
