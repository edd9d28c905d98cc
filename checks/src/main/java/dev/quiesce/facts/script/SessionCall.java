package dev.quiesce.facts.script;

import java.util.Optional;

/**
 * One call of the database session a run made: what it asks ({@code kind}), the command as written and as
 * expanded, the instance it names (empty when the script does not fix it, with why), the ObjectScript
 * text expanded ({@code ?} where unknown), its line, whether it was Epic's wrapper (recognised by name),
 * whether its status reached {@code $?} (not when a later command of a pipe gave the pipe's status), and
 * the status the scenario gave it.
 */
public record SessionCall(CallKind kind, String written, String resolved, Optional<String> instance, String instanceWhy,
                          String objectScript, int line, boolean wrapper, boolean statusReached, boolean piped,
                          boolean placeholder, Integer status) {
    /** The ObjectScript arguments of the Backup.General call, split at top-level commas (quotes and parentheses kept). */
    public java.util.List<String> arguments() {
        return ObjectScriptArguments.of(objectScript);
    }
}
