package dev.quiesce.check;

import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.List;

/**
 * One check type, registered by its YAML {@code type}. A check is stateless: its parameters arrive as
 * a record {@code P} (declared with {@link Param}), it names the facts it needs ({@link Needs}: first
 * stage, a second stage computed from the first, and facts of the guest's ESXi host), and it decides
 * from those facts alone ({@link HostView}). It never runs anything on a host. Checks register through
 * {@link java.util.ServiceLoader} under {@code META-INF/services/dev.quiesce.check.Check} (built-ins with
 * {@code @AutoService(Check.class)}); {@link BaseCheck} spares a check the type, description and
 * parameter-type boilerplate.
 */
public interface Check<P extends Record> {
    /** The name rule packs use in {@code check: {type: ...}}. */
    String type();

    /** One sentence on what the check verifies. */
    String description();

    Class<P> parameterType();

    /** Rules between parameters that one parameter alone cannot express; problems as sentences. */
    default List<String> crossCheck(P parameters) {
        return List.of();
    }

    /** The facts this check reads on {@code host}; the engine asks each distinct one once per host. */
    Needs needs(P parameters, HostInfo host);

    /**
     * Decides from the facts the check asked for; returns ERROR with the reason when a needed fact is
     * unknown, never PASS. Reading a fact it did not ask for is a bug the engine reports as ERROR.
     */
    Verdict evaluate(P parameters, HostView view);
}
