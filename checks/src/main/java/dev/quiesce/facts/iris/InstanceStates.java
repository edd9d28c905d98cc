package dev.quiesce.facts.iris;

import java.util.Locale;

/** The state an instance list's status text says: only "running" is running, only "down" is down. */
final class InstanceStates {
    private InstanceStates() {}

    /** From a qlist status ({@code running, since ...}, {@code down, last used ...}). */
    static Instance.State of(String status) {
        String word = status.strip().toLowerCase(Locale.ROOT);
        if (word.startsWith("running")) {
            return Instance.State.RUNNING;
        }
        return word.startsWith("down") ? Instance.State.DOWN : Instance.State.UNKNOWN;
    }

    /** From qall's two-letter status column ({@code up}, {@code dn}). */
    static Instance.State ofCode(String code) {
        return switch (code) {
            case "up" -> Instance.State.RUNNING;
            case "dn" -> Instance.State.DOWN;
            default -> Instance.State.UNKNOWN;
        };
    }
}
