package dev.quiesce.model;

import java.util.List;

/** How to fix a failed rule: prose, and where it applies, shell commands to run on the host. */
public record Remediation(String text, List<String> commands) {
    public Remediation {
        text = text == null ? "" : text;
        commands = List.copyOf(commands == null ? List.of() : commands);
    }
}
