package dev.quiesce.facts.freezelog;

import dev.quiesce.facts.Lines;
import java.util.List;
import java.util.Optional;

/**
 * One log read for freezes: a LogFile named in an {@code ExternalFreeze} call, an instance's messages.log or a
 * wrapper's snapshot log.
 *
 * @param path the file
 * @param how how it was found (the script that names it, the instance it belongs to), for evidence
 * @param instance the instance it belongs to, when known; freezes of two sources merge only if their instances
 *        agree or one is unknown
 * @param lines the lines a {@code grep -F} of {@link FreezeLogStrings#FIXED} picked from it, in line order
 */
public record LogSource(String path, String how, Optional<String> instance, List<Lines.Line> lines) {
    public LogSource {
        lines = List.copyOf(lines);
    }
}
