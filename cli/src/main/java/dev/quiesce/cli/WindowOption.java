package dev.quiesce.cli;

import dev.quiesce.check.AuditWindow;
import dev.quiesce.host.Host;
import dev.quiesce.host.VariableHost;
import dev.quiesce.model.QuiesceException;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --since}: how far back the log rules read, set on every host as its {@code since} variable (a host's
 * own {@code since} in the inventory gives way to it). A capture holds the log scans of the window it was
 * collected for, so collect and audit it with the same value.
 */
final class WindowOption {
    @Option(names = "--since", paramLabel = "DURATION", description = "How far back the log rules read, against each "
            + "host's own clock (default 8d; e.g. 36h, 30d).")
    String since;

    List<Host> apply(List<Host> hosts) {
        if (since == null) {
            return hosts;
        }
        if (AuditWindow.parse(since).isEmpty()) {
            throw new QuiesceException("--since " + TerminalText.safe(since) + ": write a duration such as 8d, 36h or "
                    + "1d12h");
        }
        return hosts.stream().<Host>map(h -> new VariableHost(h, AuditWindow.VARIABLE, since)).toList();
    }
}
