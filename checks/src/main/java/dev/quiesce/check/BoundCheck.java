package dev.quiesce.check;

import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;

/** A check with the parameters of one rule bound to it, ready to plan and evaluate on any host. */
public record BoundCheck<P extends Record>(Check<P> check, P parameters) {
    public Needs needs(HostInfo host) {
        return check.needs(parameters, host);
    }

    public Verdict evaluate(HostView view) {
        return check.evaluate(parameters, view);
    }
}
