package dev.quiesce.engine;

import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * A host's facts as one rule may read them: only the requests its check asked for. Reading another is
 * a bug in the check (its plan and its evaluation drifted apart), which the engine reports as the
 * rule's ERROR instead of letting an unasked fact read as "not collected".
 */
final class DeclaredFacts implements Facts {
    private final Facts facts;
    private final Set<FactRequest<?>> declared;

    DeclaredFacts(Facts facts, Collection<? extends FactRequest<?>> declared) {
        this.facts = facts;
        this.declared = Set.copyOf(declared);
    }

    @Override
    public <T> Fact<T> get(FactRequest<T> request) {
        if (!declared.contains(request)) {
            throw new UndeclaredFactException(request);
        }
        return facts.get(request);
    }

    @Override
    public Instant asOf() {
        return facts.asOf();
    }

    @Override
    public dev.quiesce.facts.ProbeInfo info() {
        return facts.info();
    }

    /** A check read a fact its needs did not name. */
    static final class UndeclaredFactException extends IllegalStateException {
        UndeclaredFactException(FactRequest<?> request) {
            super("read a fact it did not ask for (" + request.describe() + "): a bug in the check");
        }
    }
}
