package dev.quiesce.check;

import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.iris.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The running IRIS and Caché instances, for the rule that every one is frozen, from {@link InstanceFacts}
 * (qlist, qall where qlist does not answer, the inventory's {@code instances} under {@code --root}). No
 * instance-list command on the host means no instance. An instance the inventory names is taken as one
 * to freeze: under {@code --root} nothing shows which run, and the operator named it for this.
 */
final class ScriptInstances {
    private ScriptInstances() {}

    static List<FactRequest<?>> requests() {
        return List.copyOf(InstanceFacts.commands());
    }

    /** The running instances' names, or empty (and the reason in the tally) when they cannot be known. */
    static Optional<List<String>> running(HostView view, Tally tally) {
        InstanceReading reading = InstanceFacts.read(view);
        reading.evidence().forEach(tally::evidence);
        List<String> unknown = new ArrayList<>();
        if (reading instanceof InstanceReading.Unknown u) {
            unknown.add(u.reason());
        }
        reading.skipped().forEach(s -> unknown.add(s.source().label() + " line " + s.line().line()
                + " could not be read: " + s.line().why()));
        TreeSet<String> names = new TreeSet<>();
        for (ListedInstance listed : reading.instances()) {
            Instance i = listed.instance();
            if (i.state() == Instance.State.RUNNING || listed.source() == InstanceSource.INVENTORY) {
                names.add(i.name());
            } else if (i.state() == Instance.State.UNKNOWN) {
                unknown.add("instance " + ShownText.escaped(i.name()) + " has a status this reading does not know: "
                        + ShownText.escaped(i.status()));
            }
        }
        if (!unknown.isEmpty()) {
            tally.observe("running instances: unknown");
            unknown.forEach(tally::unknown);
            return Optional.empty();
        }
        boolean inventory = reading.instances().stream().anyMatch(l -> l.source() == InstanceSource.INVENTORY);
        tally.observe((inventory ? "instances named in the inventory: " : "running instances: ")
                + (names.isEmpty() ? "none" : String.join(", ", names)));
        return Optional.of(List.copyOf(names));
    }
}
