package dev.quiesce.check;

import com.google.auto.service.AutoService;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.iris.Cpf;
import dev.quiesce.facts.iris.Instance;
import dev.quiesce.model.Details;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code iris-instances}: what IRIS and Caché instances the host has, running or not, with version,
 * directory and mirror role, as a table every report shows. It passes when it can say: instances found,
 * or, on a host without a database role, none. It fails where a database role meets no instance, and
 * gives ERROR where the list or an instance's CPF could not be read whole (a failed command, a line of its
 * output that is not an instance, an unreadable CPF): the instances it did find are shown either way.
 */
@AutoService(Check.class)
public final class IrisInstancesCheck extends BaseCheck<IrisInstancesCheck.Parameters> {
    private static final List<String> COLUMNS = List.of("instance", "product", "state", "version", "directory",
            "mirror role", "listed by");

    public record Parameters(
            @Param(value = "Host roles that mean the host runs IRIS or Caché: there, finding no instance (or no "
                    + "instance-list command) fails.", required = false, defaultValue = "iris, cache")
            List<String> databaseRoles) {}

    public IrisInstancesCheck() {
        super("iris-instances", Parameters.class,
                "Lists the IRIS and Caché instances with version, directory and mirror role; none on a database host fails.");
    }

    @Override
    public Needs needs(Parameters p, HostInfo host) {
        return InstanceFacts.needs(host);
    }

    @Override
    public Verdict evaluate(Parameters p, HostView view) {
        Tally tally = new Tally();
        InstanceReading reading = InstanceFacts.read(view);
        reading.evidence().forEach(tally::evidence);
        List<List<String>> rows = new ArrayList<>();
        for (ListedInstance listed : reading.instances().stream().limit(InstanceFacts.MAX_CPF_INSTANCES).toList()) {
            rows.add(inspect(listed, InstanceFacts.cpf(view, listed), tally));
        }
        int beyond = reading.instances().size() - rows.size();
        if (beyond > 0) {
            String more = beyond + " more instance(s) listed, not shown: quiesce reads the CPFs of the first "
                    + InstanceFacts.MAX_CPF_INSTANCES + " only";
            tally.observe(more);
            tally.unknown(more + ", so their mirror roles are not known");
        }
        for (InstanceReading.Skipped skipped : reading.skipped()) {
            String line = "line " + skipped.line().line() + " of " + skipped.source().label() + " is not an instance ("
                    + skipped.line().why() + "): " + ShownText.escaped(skipped.line().text());
            tally.observe(line);
            tally.unknown(line + "; the list may lack an instance");
        }
        reading.notes().forEach(tally::observe);
        List<String> roles = view.host().roles().stream().filter(p.databaseRoles()::contains).sorted().toList();
        String none = "";
        switch (reading) {
            case InstanceReading.Unknown u -> {
                tally.observe("the instance list: unknown" + (rows.isEmpty() ? "" : " beyond the instances listed"));
                tally.unknown(u.reason());
            }
            case InstanceReading.Known k when k.instances().isEmpty() -> {
                none = k.sources().isEmpty() ? "no instance-list command: neither iris nor ccontrol is on the PATH"
                        : String.join(" and ", k.sources().stream().map(InstanceSource::label).toList())
                        + (k.sources().size() == 1 ? " lists" : " list") + " no instance";
                tally.observe(none);
                if (!roles.isEmpty()) {
                    tally.fail("the host has the role " + String.join(", ", roles) + ", yet " + none
                            + ": install or start the instance, fix the probe's PATH (sudo's secure_path), or remove "
                            + "the role from the inventory");
                }
            }
            case InstanceReading.Known k -> { }
        }
        if (!rows.isEmpty()) {
            tally.details(new Details(List.of(new Details.Table("IRIS and Caché instances", COLUMNS, rows)),
                    List.of()));
        }
        return tally.verdict("the IRIS and Caché instances, each with version, directory and mirror role"
                + (roles.isEmpty() ? "" : "; at least one on a host with the role " + String.join(", ", roles)),
                rows.isEmpty() ? "no IRIS or Caché instance on this host (" + none + ")"
                        : rows.size() + " instance(s) found, see the table");
    }

    /** One instance's row, and what is seen of it; an unreadable CPF leaves its mirror role unknown. */
    private static List<String> inspect(ListedInstance listed, Fact<InstanceCpf> cpf, Tally tally) {
        Instance instance = listed.instance();
        String directory = ShownText.escaped(instance.directory());
        String version = instance.version().isEmpty() ? "version not listed" : ShownText.escaped(instance.version());
        String state = switch (instance.state()) {
            case RUNNING -> "running";
            case DOWN -> "down";
            case UNKNOWN -> listed.source() == InstanceSource.INVENTORY ? "state not known"
                    : "state not understood: " + ShownText.escaped(instance.status());
        };
        String product = listed.source().product().label();
        List<String> role = new ArrayList<>();
        listedRole(instance).ifPresent(r -> role.add(r + " (" + listed.source().label() + ")"));
        tally.evidence(cpf.evidence());
        switch (cpf) {
            case Fact.Present<InstanceCpf> p -> {
                role.add(cpfRole(p.value()));
                // The inventory names no product; the CPF found does (iris.cpf or cache.cpf).
                if (listed.source() == InstanceSource.INVENTORY) {
                    product = p.value().path().endsWith("/cache.cpf") ? InstanceSource.Product.CACHE.label()
                            : p.value().path().endsWith("/iris.cpf") ? InstanceSource.Product.IRIS.label() : product;
                }
            }
            case Fact.Absent<InstanceCpf> a -> {
                role.add("CPF not found");
                tally.unknown("instance " + instance.name() + " has no CPF at " + String.join(" or ", listed.cpfPaths()
                        .stream().map(ShownText::escaped).toList()) + ", so its mirror role and journal directories "
                        + "are not known");
            }
            case Fact.Unknown<InstanceCpf> u -> {
                role.add("CPF unknown");
                tally.unknown("instance " + instance.name() + ": " + u.reason());
            }
        }
        String mirror = String.join("; ", role);
        tally.observe(instance.name() + " (" + product + " " + version + ", " + state + ", " + directory + "): "
                + mirror);
        return List.of(instance.name(), product, state, version, directory, mirror, listed.source().label());
    }

    /** qlist's fields 11 and 12 (member type, mirror status), where printed. */
    private static Optional<String> listedRole(Instance instance) {
        if (instance.mirrorMember().isEmpty() && instance.mirrorStatus().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", instance.mirrorMember().map(ShownText::escaped).orElse("member"),
                instance.mirrorStatus().map(ShownText::escaped).orElse("(status not listed)")));
    }

    private static String cpfRole(InstanceCpf cpf) {
        String where = " (" + ShownText.escaped(cpf.path()) + ")";
        List<String> mirrors = cpf.cpf().mirrors().stream().map(IrisInstancesCheck::mirror).toList();
        if (!cpf.mirrorMember()) {
            return "not a mirror member: [MirrorMember] is empty or missing" + where
                    + (mirrors.isEmpty() ? "" : "; [Mirrors] lists " + String.join(", ", mirrors));
        }
        String system = cpf.cpf().value("MirrorMember", "SystemName").map(s -> " as " + ShownText.escaped(s)).orElse("");
        return "mirror member" + system + where + (mirrors.isEmpty() ? "; [Mirrors] lists no mirror"
                : " of " + String.join(", ", mirrors));
    }

    private static String mirror(Cpf.Mirror mirror) {
        String name = ShownText.escaped(mirror.name());
        return mirror.qosTimeout().map(q -> name + " (QoS timeout " + q.toMillis() + " ms" + (mirror.qosDefaulted()
                ? ", the default: the value is empty" : "") + ")")
                .orElseGet(() -> name + " (QoS timeout not read: " + ShownText.escaped(mirror.why()) + ")");
    }
}
