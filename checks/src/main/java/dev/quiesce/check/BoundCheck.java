package dev.quiesce.check;

import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.List;

/** A check with the parameters of one rule bound to it, ready to plan and evaluate on any host. */
public record BoundCheck<P extends Record>(Check<P> check, P parameters) {
    public List<FactRequest> facts(HostInfo host) {
        return check.facts(parameters, host);
    }

    public Verdict evaluate(Facts facts, HostInfo host) {
        return check.evaluate(parameters, facts, host);
    }
}
