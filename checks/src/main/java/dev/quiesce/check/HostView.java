package dev.quiesce.check;

import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.model.HostInfo;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a check sees of the host a rule is evaluated on: its inventory information, its facts, and the
 * facts of the ESXi host it runs on (all unknown, with the reason, when there is no link or the linked
 * host could not be audited). Both hold only what the check asked for. {@code trials} runs the host's
 * freeze/thaw scripts in a sandbox on the auditing machine when the audit was asked to
 * ({@code --simulate-scripts}).
 */
public record HostView(HostInfo host, Facts facts, Facts vmHost, Optional<ScriptTrials> trials) {
    public HostView {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(vmHost, "vmHost");
        Objects.requireNonNull(trials, "trials");
    }

    public HostView(HostInfo host, Facts facts, Facts vmHost) {
        this(host, facts, vmHost, Optional.empty());
    }

    /** A fact of the audited host. */
    public <T> Fact<T> get(FactRequest<T> request) {
        return facts.get(request);
    }

    /** The audited host's clock when its facts were collected: what windows are measured against. */
    public Instant asOf() {
        return facts.asOf();
    }
}
