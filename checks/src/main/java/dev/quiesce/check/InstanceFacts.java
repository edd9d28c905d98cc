package dev.quiesce.check;

import dev.quiesce.facts.CommandResult;
import dev.quiesce.facts.Content;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.iris.Cpf;
import dev.quiesce.facts.iris.InstanceList;
import dev.quiesce.facts.iris.InventoryInstances;
import dev.quiesce.facts.iris.QallParser;
import dev.quiesce.facts.iris.QlistParser;
import dev.quiesce.model.Evidence;
import dev.quiesce.model.HostInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The IRIS and Caché instances of a host and their CPF files, as one piece every check that needs them
 * asks and reads the same way. Stage 1 runs {@code iris qlist}, {@code ccontrol qlist}, {@code iris qall}
 * and {@code ccontrol qall} (both products may be installed; asking all four costs no round trip);
 * stage 2 reads the CPF of every instance found ({@link #needs}).
 *
 * <p>How the answers combine ({@link #read}), per product: {@code qlist} is preferred; {@code qall} is read
 * only where {@code qlist} did not answer (failed, or was not collected). A command not on the host's
 * {@code PATH} means the product is not installed; one that failed leaves the list unknown, with the
 * instances of the other product kept. Where commands cannot run at all ({@code --root}: every command is
 * unknown with cause {@code UNAVAILABLE}), the instances come from the inventory variable
 * {@value #INVENTORY_VARIABLE} ({@code NAME=DIR,...}, or {@code none}), read strictly; without it the list is
 * unknown and says how to give it. On a live host the variable is not used, and a note says so.
 */
public final class InstanceFacts {
    /** The inventory variable that names the instances where commands cannot run. */
    public static final String INVENTORY_VARIABLE = "instances";
    /** A CPF is a few kilobytes to a few hundred; one larger than this is not read as whole (ERROR, not a guess). */
    public static final int CPF_MAX_BYTES = 1024 * 1024;
    /**
     * The CPFs of at most this many instances are read: a host runs a handful, and a host that lists
     * thousands must not turn stage 2 into thousands of reads. The CPF of a later instance reads as not collected.
     */
    public static final int MAX_CPF_INSTANCES = 100;

    private static final List<InstanceSource> QLISTS = List.of(InstanceSource.IRIS_QLIST, InstanceSource.CCONTROL_QLIST);

    private InstanceFacts() {}

    /** The four instance-list commands: what stage 1 asks. */
    public static List<FactRequest.CommandOutput> commands() {
        return List.of(InstanceSource.IRIS_QLIST, InstanceSource.CCONTROL_QLIST, InstanceSource.IRIS_QALL,
                InstanceSource.CCONTROL_QALL).stream().map(s -> s.request().orElseThrow()).toList();
    }

    /** The instance-list commands in stage 1, and every found instance's CPF in stage 2. */
    public static Needs needs(HostInfo host) {
        return Needs.of(commands()).then(first -> List.copyOf(cpfRequests(read(host, first))));
    }

    /**
     * The CPF reads for the instances of a reading (known or not), the first {@value #MAX_CPF_INSTANCES} of
     * them: for a check that adds its own follow-up.
     */
    public static List<FactRequest.FileContent> cpfRequests(InstanceReading reading) {
        return reading.instances().stream().limit(MAX_CPF_INSTANCES).flatMap(i -> cpfRequests(i).stream()).distinct()
                .toList();
    }

    public static List<FactRequest.FileContent> cpfRequests(ListedInstance instance) {
        return instance.cpfPaths().stream().map(path -> new FactRequest.FileContent(path, CPF_MAX_BYTES)).toList();
    }

    public static InstanceReading read(HostView view) {
        return read(view.host(), view.facts());
    }

    /** The instances, from the facts of {@link #commands()} (stage 1 in a follow-up, or all facts). */
    public static InstanceReading read(HostInfo host, Facts facts) {
        List<ProductList> products = List.of(product(facts, InstanceSource.IRIS_QLIST, InstanceSource.IRIS_QALL),
                product(facts, InstanceSource.CCONTROL_QLIST, InstanceSource.CCONTROL_QALL));
        if (products.stream().allMatch(p -> p.unknown() != null && p.unknown().cause() == Fact.Cause.UNAVAILABLE)) {
            return fromInventory(host, products, facts.asOf());
        }
        List<ListedInstance> instances = new ArrayList<>();
        List<InstanceSource> sources = new ArrayList<>();
        List<InstanceReading.Skipped> skipped = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        List<Fact.Unknown<?>> unknowns = new ArrayList<>();
        for (ProductList product : products) {
            evidence.addAll(product.evidence());
            notes.addAll(product.notes());
            if (product.unknown() != null) {
                unknowns.add(product.unknown());
            }
            product.source().ifPresent(source -> {
                sources.add(source);
                product.list().instances().forEach(i -> instances.add(new ListedInstance(i, source)));
                product.list().skipped().forEach(s -> skipped.add(new InstanceReading.Skipped(source, s)));
            });
        }
        if (host.vars().containsKey(INVENTORY_VARIABLE)) {
            notes.add("the inventory variable " + INVENTORY_VARIABLE + " is not used: it names instances only where "
                    + "commands cannot run (--root)");
        }
        if (!unknowns.isEmpty()) {
            String reason = String.join("; ", unknowns.stream().map(Fact.Unknown::reason).toList());
            return new InstanceReading.Unknown(unknowns.get(0).cause(), reason, instances, skipped, notes, evidence);
        }
        return new InstanceReading.Known(instances, sources, skipped, notes, evidence);
    }

    /**
     * The CPF of one instance: present when read whole from the first of its {@linkplain ListedInstance#cpfPaths
     * paths} that exists; absent when none does; unknown when one could not be read (denied, not collected),
     * or was larger than {@value #CPF_MAX_BYTES} bytes.
     */
    public static Fact<InstanceCpf> cpf(HostView view, ListedInstance instance) {
        return cpf(view.facts(), instance);
    }

    public static Fact<InstanceCpf> cpf(Facts facts, ListedInstance instance) {
        List<FactRequest.FileContent> requests = cpfRequests(instance);
        if (requests.isEmpty()) {
            return new Fact.Unknown<>(Fact.Cause.UNEXPECTED, "the directory of instance " + instance.instance().name()
                    + " is not a path a CPF can be read from", new Evidence("content", instance.source().label(), ""));
        }
        Fact.Unknown<Content> firstUnknown = null;
        List<Evidence> absent = new ArrayList<>();
        for (FactRequest.FileContent request : requests) {
            Fact<Content> fact = facts.get(request);
            switch (fact) {
                case Fact.Present<Content> p -> {
                    if (p.value().truncated()) {
                        return new Fact.Unknown<>(Fact.Cause.UNEXPECTED, request.path() + " is larger than "
                                + CPF_MAX_BYTES + " bytes, so it was not read whole: its mirror and journal settings "
                                + "cannot be known from the part read", p.evidence());
                    }
                    return new Fact.Present<>(new InstanceCpf(request.path(), Cpf.parse(p.value().text())), p.evidence());
                }
                case Fact.Absent<Content> a -> absent.add(a.evidence());
                case Fact.Unknown<Content> u -> firstUnknown = firstUnknown == null ? u : firstUnknown;
            }
        }
        if (firstUnknown != null) {
            return new Fact.Unknown<>(firstUnknown.cause(), firstUnknown.reason(), firstUnknown.evidence());
        }
        return new Fact.Absent<>(absent.get(0));
    }

    /** One product's list, from its qlist, else its qall; or why it is unknown; or nothing (not installed). */
    private record ProductList(Optional<InstanceSource> source, InstanceList list, Fact.Unknown<?> unknown,
                               List<String> notes, List<Evidence> evidence) {}

    private static ProductList product(Facts facts, InstanceSource qlist, InstanceSource qall) {
        List<Evidence> evidence = new ArrayList<>();
        Fact<CommandResult> listed = facts.get(qlist.request().orElseThrow());
        evidence.add(listed.evidence());
        if (listed instanceof Fact.Present<CommandResult> p) {
            return new ProductList(Optional.of(qlist), QlistParser.parse(p.value().stdout()), null, List.of(), evidence);
        }
        Fact<CommandResult> table = facts.get(qall.request().orElseThrow());
        if (table instanceof Fact.Present<CommandResult> p) {
            evidence.add(table.evidence());
            List<String> notes = listed instanceof Fact.Unknown<?> u ? List.of(qlist.label() + " did not answer ("
                    + u.reason() + "), so " + qall.label() + " was read instead") : List.of();
            return new ProductList(Optional.of(qall), QallParser.parse(p.value().stdout()), null, notes, evidence);
        }
        if (listed instanceof Fact.Unknown<?> u) {
            if (table instanceof Fact.Unknown<?> t && t.cause() != Fact.Cause.UNAVAILABLE) {
                evidence.add(table.evidence());
            }
            String also = table instanceof Fact.Unknown<?> t && !t.reason().equals(u.reason())
                    && u.cause() != Fact.Cause.UNAVAILABLE ? "; " + t.reason() : "";
            return new ProductList(Optional.empty(), null, new Fact.Unknown<>(u.cause(), u.reason() + also,
                    u.evidence()), List.of(), evidence);
        }
        // Absent: the program is not on PATH, so neither of its commands can list anything.
        return new ProductList(Optional.empty(), null, null, List.of(), evidence);
    }

    private static InstanceReading fromInventory(HostInfo host, List<ProductList> products, Instant asOf) {
        String unavailable = products.get(0).unknown().reason();
        String value = host.vars().get(INVENTORY_VARIABLE);
        List<Evidence> evidence = new ArrayList<>(products.stream().flatMap(p -> p.evidence().stream()).toList());
        if (value == null) {
            return new InstanceReading.Unknown(Fact.Cause.UNAVAILABLE, "the instance-list commands (iris qlist, "
                    + "ccontrol qlist) cannot run here: " + unavailable + "; or name the instances in the inventory "
                    + "variable " + INVENTORY_VARIABLE + ": NAME=DIR,... (for example IRIS=/usr/irissys), or "
                    + InventoryInstances.NONE, List.of(), List.of(), List.of(), evidence);
        }
        evidence.add(new Evidence("inventory", "the inventory variable " + INVENTORY_VARIABLE, value, asOf));
        InventoryInstances.Parsed parsed = InventoryInstances.parse(value);
        if (!parsed.problems().isEmpty()) {
            return new InstanceReading.Unknown(Fact.Cause.UNAVAILABLE, "the inventory variable " + INVENTORY_VARIABLE
                    + " cannot be read: " + String.join("; ", parsed.problems()) + " (write NAME=DIR,NAME=DIR, or "
                    + InventoryInstances.NONE + ")", List.of(), List.of(), List.of(), evidence);
        }
        List<ListedInstance> instances = parsed.instances().stream()
                .map(i -> new ListedInstance(i, InstanceSource.INVENTORY)).toList();
        return new InstanceReading.Known(instances, List.of(InstanceSource.INVENTORY), List.of(),
                List.of("commands are not run here (" + unavailable + "), so the instances are those the inventory "
                        + "names; whether each runs, and its version, are not known"), evidence);
    }
}
