package dev.quiesce.engine;

import dev.quiesce.check.Needs;
import dev.quiesce.model.HostInfo;

/**
 * What one rule, evaluated on {@code subject}, asks of one probed host: the subject itself, or the
 * ESXi host it runs on. Demands are compared by identity: each is one rule on one host.
 */
final class Demand {
    private final HostInfo subject;
    private final PlannedRule rule;
    private final Needs.Side side;

    Demand(HostInfo subject, PlannedRule rule, Needs.Side side) {
        this.subject = subject;
        this.rule = rule;
        this.side = side;
    }

    HostInfo subject() {
        return subject;
    }

    PlannedRule rule() {
        return rule;
    }

    Needs.Side side() {
        return side;
    }
}
