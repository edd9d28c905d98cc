package dev.quiesce.check;

import dev.quiesce.model.EditDistance;
import java.util.List;
import java.util.Locale;

/**
 * Tells whether a file name is a near miss of an expected one: the same name in another case, with an
 * extension or a backup suffix, with other separators, or one or two letters off. vmtoolsd runs only
 * the exact name, so a near miss is a script that silently never runs (or a stale copy).
 */
final class LookalikeNames {
    private static final List<String> SUFFIXES = List.of("~", ".bak", ".backup", ".orig", ".old", ".save", ".sav",
            ".swp", ".tmp", ".txt", ".sh", ".bash", ".ksh", ".disabled", ".off", ".rpmsave", ".rpmnew", ".rpmorig",
            ".new", ".copy", ".example", ".sample");

    private LookalikeNames() {}

    static boolean looksLike(String name, String expected) {
        String candidate = normalize(name);
        String target = normalize(expected);
        if (candidate.isEmpty()) {
            return false;
        }
        if (candidate.equals(target) || candidate.contains(target)) {
            return true;
        }
        // "pre-freeze.sh" drops the generic word "script" but keeps what matters.
        String core = target.endsWith("script") ? target.substring(0, target.length() - "script".length()) : target;
        if (core.length() >= 6 && candidate.contains(core)) {
            return true;
        }
        return target.length() >= 8 && EditDistance.between(candidate, target) <= 2;
    }

    /** Lower case, backup suffixes and editor marks removed, separators dropped. */
    static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        n = n.replaceAll("^[.#]+", "").replaceAll("#$", "");
        n = n.replaceAll("\\.dpkg-[a-z]+$", "");
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : SUFFIXES) {
                if (n.endsWith(suffix) && n.length() > suffix.length()) {
                    n = n.substring(0, n.length() - suffix.length());
                    stripped = true;
                }
            }
            String withoutDate = n.replaceAll("[._-](19|20)[0-9]{6}$", "");
            if (!withoutDate.equals(n)) {
                n = withoutDate;
                stripped = true;
            }
        }
        return n.replaceAll("[-_. ]", "");
    }
}
