package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/PROBE.md names every command a probe may run, so a reader of the docs knows all a probe runs. */
class ProbeDocTest {
    @Test
    void everyAllowedCommandIsInTheTableOfCommands() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "PROBE.md"));
        for (AllowedCommand command : AllowedCommand.values()) {
            // A command whose program is itself an argument (the shell of SHELL_SYNTAX_CHECK) is named by its constant.
            String argv = command.argv().isEmpty() ? "`" + command.name() + "`"
                    : "`" + String.join(" ", command.argv()) + "`";
            assertTrue(doc.lines().anyMatch(l -> l.startsWith("| ") && l.contains(argv)),
                    "docs/PROBE.md has no row naming " + argv + " (" + command + ")");
        }
    }
}
