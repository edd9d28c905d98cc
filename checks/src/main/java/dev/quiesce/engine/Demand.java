package dev.quiesce.engine;

import dev.quiesce.check.Needs;

/**
 * What one rule, evaluated on one audited host, asks of one probed host: the audited host itself, or the
 * ESXi host it runs on. Demands are compared by identity: each is one rule on one host.
 */
final class Demand {
    private final Needs.Side side;

    Demand(Needs.Side side) {
        this.side = side;
    }

    Needs.Side side() {
        return side;
    }
}
