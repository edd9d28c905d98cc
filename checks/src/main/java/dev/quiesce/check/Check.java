package dev.quiesce.check;

import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.List;

/**
 * One check type, registered by its YAML {@code type}. A check is stateless: its parameters arrive as
 * a record {@code P} (declared with {@link Param}), it names the facts it needs, and it decides from
 * those facts alone. It never runs anything on a host. Third-party checks register through
 * {@link java.util.ServiceLoader} under {@code META-INF/services/dev.quiesce.check.Check}.
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

    List<FactRequest> facts(P parameters, HostInfo host);

    /** Decides from {@code facts}; returns ERROR with the reason when a needed fact is unknown. */
    Verdict evaluate(P parameters, Facts facts, HostInfo host);
}
