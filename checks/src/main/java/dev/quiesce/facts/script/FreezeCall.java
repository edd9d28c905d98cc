package dev.quiesce.facts.script;

import java.util.List;
import java.util.Optional;

/**
 * An {@code ExternalFreeze} call as its arguments are written (after the shell's expansion): the 7th is
 * the freeze timeout in seconds ({@code ExternalFreezeTimeOut}), the 10th {@code WDSuspendLimit}, which
 * lets the write daemon resume by itself and so invalidates the backup. An argument that holds an unknown
 * shell value shows {@code ?}. Where the shell word holding the ObjectScript cannot be told at all (a
 * {@code $T} set from a command's output makes the whole word unknown), no argument can be read:
 * {@code argumentsKnown} is false, and a missing argument is not to be taken as one left out.
 */
public record FreezeCall(int line, List<String> arguments, boolean wrapper, boolean argumentsKnown) {
    public static final int TIMEOUT = 7;
    public static final int WD_SUSPEND_LIMIT = 10;

    public FreezeCall {
        arguments = List.copyOf(arguments);
    }

    /** The n-th argument (1-based), empty when not given or given empty. */
    public Optional<String> argument(int n) {
        return n <= arguments.size() && !arguments.get(n - 1).isBlank() ? Optional.of(arguments.get(n - 1).strip())
                : Optional.empty();
    }

    /** The freeze timeout in seconds, when it is a number. */
    public Optional<Integer> timeoutSeconds() {
        return argument(TIMEOUT).filter(a -> a.matches("[0-9]{1,9}")).map(Integer::parseInt);
    }
}
