package dev.quiesce.check;

import com.google.auto.service.AutoService;
import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.CommandResult;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProcessList;
import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.UnitFileState;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code service}: a daemon runs now and starts at boot. Running: a process whose program name (the last
 * path element of its first argument, never a substring of the command line) is the program, and that is
 * not one of its per-user instances ({@code -n NAME} / {@code --name=NAME}). At boot: one of the units'
 * {@code systemctl is-enabled} states starts it ({@link UnitFileState}); without systemctl the boot part
 * is ERROR, since quiesce does not read SysV init scripts.
 */
@AutoService(Check.class)
public final class ServiceCheck extends BaseCheck<ServiceCheck.Parameters> {
    private static final FactRequest.CommandOutput PS = new FactRequest.CommandOutput(AllowedCommand.PS_USER_ARGS);

    public record Parameters(
            @Param(value = "The program's name, as the last path element of its command.", example = "vmtoolsd")
            String program,
            @Param(value = "Instance names (the -n / --name option) of per-user instances, which do not count.",
                    required = false, defaultValue = "vmusr") List<String> userInstances,
            @Param(value = "The systemd units that start it; one enabled is enough.",
                    example = "[open-vm-tools.service, vmtoolsd.service]") List<String> units) {

        List<FactRequest.CommandOutput> enabled() {
            return units.stream().map(u -> new FactRequest.CommandOutput(AllowedCommand.SYSTEMCTL_IS_ENABLED,
                    List.of(u)).meaning(1, 4)).toList();
        }
    }

    public ServiceCheck() {
        super("service", Parameters.class, "A daemon runs (not a per-user instance) and a systemd unit starts it at boot.");
    }

    @Override
    public List<String> crossCheck(Parameters p) {
        return p.units().stream().filter(u -> !AllowedCommand.SYSTEMCTL_IS_ENABLED.accepts(List.of(u)))
                .map(u -> "'" + u + "' is not a unit name systemctl is asked about (letters, digits, @._- and .service)")
                .toList();
    }

    @Override
    public Needs needs(Parameters p, HostInfo host) {
        List<FactRequest<?>> all = new ArrayList<>(List.of(PS));
        all.addAll(p.enabled());
        return Needs.of(all);
    }

    @Override
    public Verdict evaluate(Parameters p, HostView view) {
        Tally tally = new Tally();
        tally.read("ps", view.get(PS), result -> running(p, ProcessList.parse(result.stdout()), tally),
                () -> {
                    tally.observe("ps: not installed");
                    tally.unknown("ps is not installed, so whether " + p.program() + " runs cannot be seen");
                });
        atBoot(p, view, tally);
        return tally.verdict(p.program() + " running (not -n " + String.join("/", p.userInstances()) + ") and one of "
                + String.join(", ", p.units()) + " enabled", p.program() + " runs and starts at boot");
    }

    private static void running(Parameters p, ProcessList list, Tally tally) {
        List<ProcessList.Process> named = list.named(p.program());
        List<ProcessList.Process> system = named.stream().filter(proc -> proc.optionValues("n", "name").stream()
                .noneMatch(p.userInstances()::contains)).toList();
        for (ProcessList.Process proc : named) {
            tally.observe("process " + ShownText.escaped(proc.commandLine()) + " (user " + ShownText.escaped(proc.user())
                    + (system.contains(proc) ? ")" : ", a per-user instance)"));
        }
        if (named.isEmpty()) {
            tally.observe("no " + p.program() + " process among " + list.processes().size());
        }
        if (system.isEmpty()) {
            tally.fail((named.isEmpty() ? "no " + p.program() + " process runs"
                    : "only per-user " + p.program() + " instances run, not the system one that answers the host")
                    + ": start it (systemctl start " + String.join(" or ", p.units()) + ")");
        }
    }

    private static void atBoot(Parameters p, HostView view, Tally tally) {
        List<String> enabled = new ArrayList<>();
        List<String> notEnabled = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        boolean noSystemctl = false;
        for (FactRequest.CommandOutput request : p.enabled()) {
            String unit = request.arguments().get(0);
            Fact<CommandResult> fact = view.get(request);
            tally.evidence(fact.evidence());
            switch (fact) {
                case Fact.Present<CommandResult> r -> {
                    var state = UnitFileState.parse(r.value().stdout());
                    String shown = unit + ": " + state.map(UnitFileState::word)
                            .orElse("'" + ShownText.escaped(r.value().stdout().strip()) + "'");
                    tally.observe(shown);
                    if (state.isEmpty() && r.value().stdout().isBlank()) {
                        String err = r.value().stderr().strip().lines().findFirst().orElse("");
                        undecided.add("systemctl is-enabled " + unit + " printed no state (exit "
                                + r.value().exitStatus() + (err.isEmpty() ? "" : "; stderr: " + ShownText.escaped(err))
                                + "): a systemd that has no not-found answer (252, Debian 12) prints nothing for a "
                                + "unit that does not exist, but also for other errors, so it is not taken as not-found");
                    } else if (state.isEmpty()) {
                        undecided.add("unexpected answer for " + request.describe() + ": '"
                                + ShownText.escaped(r.value().stdout().strip()) + "', exit " + r.value().exitStatus());
                    } else if (state.get().boot() == UnitFileState.Boot.YES) {
                        enabled.add(shown);
                    } else if (state.get().boot() == UnitFileState.Boot.UNDECIDED) {
                        undecided.add(unit + " is " + state.get().meaning(unit));
                    } else if (state.get() != UnitFileState.NOT_FOUND) {
                        notEnabled.add(unit + " is " + state.get().meaning(unit));
                    }
                }
                case Fact.Absent<CommandResult> a -> {
                    tally.observe(unit + ": no systemctl");
                    noSystemctl = true;
                }
                case Fact.Unknown<CommandResult> u -> {
                    tally.observe(unit + ": unknown");
                    undecided.add(u.reason());
                }
            }
        }
        if (!enabled.isEmpty()) {
            return;
        }
        if (noSystemctl) {
            tally.unknown("systemctl is not installed: this host does not boot with systemd (SysV init?), and quiesce "
                    + "does not judge init scripts; check by hand that " + p.program() + " starts at boot "
                    + "(ls /etc/rc*.d | grep -i vmware, or chkconfig --list)");
        }
        undecided.forEach(tally::unknown);
        if (!noSystemctl && undecided.isEmpty()) {
            tally.fail(notEnabled.isEmpty() ? "none of " + String.join(", ", p.units()) + " exists, so systemd never "
                    + "starts " + p.program() + ": install the package that ships the unit"
                    : String.join("; ", notEnabled));
        }
    }
}
