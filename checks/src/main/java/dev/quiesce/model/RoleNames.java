package dev.quiesce.model;

import java.util.Set;
import java.util.TreeSet;

/** How a role no loaded rule uses is reported, wherever it was written: the known roles and the nearest. */
public final class RoleNames {
    private RoleNames() {}

    /**
     * Whether {@code role} is one no loaded rule uses. When the packs name no role at all, their rules
     * apply to every host and no role is unknown.
     */
    public static boolean isUnknown(String role, Set<String> known) {
        return !known.isEmpty() && !known.contains(role);
    }

    public static String unknown(String role, Set<String> known) {
        String hint = EditDistance.suggestion(role, known).map(r -> "did you mean '" + r + "'? ").orElse("");
        return "role '" + role + "' is used by no rule of the loaded rule packs, so no rule would audit it; " + hint
                + (known.isEmpty() ? "the packs name no roles" : "known roles: " + String.join(", ", new TreeSet<>(known)));
    }
}
