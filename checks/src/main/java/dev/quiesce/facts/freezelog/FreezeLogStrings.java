package dev.quiesce.facts.freezelog;

import java.util.List;

/**
 * The fixed strings the host-side {@code grep -F} looks for in freeze logs and messages.log, kept in one
 * place so the scan asks for exactly what {@link FreezeLogParser} reads. {@code "offset "} is there for the
 * continuation line of a LogFile journal marker ({@code offset <N> of <journal>}), which has no other text
 * to match on; the parser uses such a line only when it follows a marker line.
 */
public final class FreezeLogStrings {
    /** Every fixed string of the scan, in no particular order. */
    public static final List<String> FIXED = List.of(
            "Backup.General.External",
            "Journal file switched to:",
            "Journaling switched to:",
            "Journal marker set at",
            "offset ",
            "IS FROZEN",
            "FREEZE FAILED",
            "IS THAWED",
            "THAW FAILED",
            "Unknown status code");

    private FreezeLogStrings() {}

    /** Whether a line holds one of {@link #FIXED}, as {@code grep -F} would pick it. */
    public static boolean matches(String line) {
        for (String fixed : FIXED) {
            if (line.contains(fixed)) {
                return true;
            }
        }
        return false;
    }
}
