package dev.quiesce.check;

import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.CommandResult;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.iris.Instance;
import dev.quiesce.facts.iris.InstanceList;
import dev.quiesce.facts.iris.QlistParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The running IRIS and Caché instances, for the rule that every one is frozen: {@code iris qlist} and
 * {@code ccontrol qlist}, read with {@link QlistParser}. Neither command on the host means no instance.
 * One small place on purpose: the instance facts (qall fallback, the inventory's {@code instances}
 * variable under {@code --root}) replace it when they land.
 */
final class ScriptInstances {
    static final FactRequest.CommandOutput IRIS = new FactRequest.CommandOutput(AllowedCommand.IRIS_QLIST);
    static final FactRequest.CommandOutput CCONTROL = new FactRequest.CommandOutput(AllowedCommand.CCONTROL_QLIST);

    private ScriptInstances() {}

    static List<FactRequest<?>> requests() {
        return List.of(IRIS, CCONTROL);
    }

    /** The running instances' names, or empty (and the reason in the tally) when they cannot be known. */
    static Optional<List<String>> running(HostView view, Tally tally) {
        TreeSet<String> names = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (FactRequest.CommandOutput request : List.of(IRIS, CCONTROL)) {
            Fact<CommandResult> fact = view.get(request);
            tally.evidence(fact.evidence());
            switch (fact) {
                case Fact.Present<CommandResult> p -> {
                    InstanceList list = QlistParser.parse(p.value().stdout());
                    list.instances().stream().filter(i -> i.state() == Instance.State.RUNNING)
                            .forEach(i -> names.add(i.name()));
                    list.instances().stream().filter(i -> i.state() == Instance.State.UNKNOWN).forEach(i ->
                            unknown.add("instance " + ShownText.escaped(i.name()) + " has a status this reading does "
                                    + "not know: " + ShownText.escaped(i.status())));
                    list.skipped().forEach(s -> unknown.add(request.subject() + " line " + s.line() + " could not be "
                            + "read: " + s.why()));
                }
                case Fact.Absent<CommandResult> a -> { }
                case Fact.Unknown<CommandResult> u -> unknown.add(u.reason());
            }
        }
        if (!unknown.isEmpty()) {
            tally.observe("running instances: unknown");
            unknown.forEach(tally::unknown);
            return Optional.empty();
        }
        tally.observe("running instances: " + (names.isEmpty() ? "none" : String.join(", ", names)));
        return Optional.of(List.copyOf(names));
    }
}
