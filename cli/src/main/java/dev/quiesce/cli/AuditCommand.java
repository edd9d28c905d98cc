package dev.quiesce.cli;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.check.ScriptTrials;
import dev.quiesce.engine.KnownRoles;
import dev.quiesce.host.CapturedHost;
import dev.quiesce.host.Host;
import dev.quiesce.host.Inventory;
import dev.quiesce.host.SshHost;
import dev.quiesce.host.SshSettings;
import dev.quiesce.host.SshTarget;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.RulePack;
import dev.quiesce.simulate.Sandbox;
import dev.quiesce.simulate.Simulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quiesce audit}: audits hosts against the rule packs and writes the reports. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit this machine, hosts over SSH, captured hosts or an inventory against the rule packs.")
final class AuditCommand implements Callable<Integer> {
    /** Per scenario of --simulate-scripts: a freeze script that waits longer is judged as hanging. */
    private static final Duration SIMULATION_TIME_LIMIT = Duration.ofSeconds(10);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LocalOptions local;

    @Option(names = "--capture", paramLabel = "FILE", arity = "1..*",
            description = "Audit from capture files made by 'quiesce collect' (repeatable).")
    List<Path> captures = new ArrayList<>();

    @Option(names = "--inventory", paramLabel = "FILE", description = "Audit the hosts of an inventory file.")
    Path inventory;

    @Mixin
    SshOptions ssh;

    @Option(names = "--simulate-scripts", description = "Run each host's freeze and thaw scripts on this machine, in "
            + "a bubblewrap sandbox against stand-in database commands (as 'quiesce simulate' does; never on the host), "
            + "and judge QZ-SC-004, -005 and -006 by what they did rather than by reading them.")
    boolean simulateScripts;

    @Option(names = "--parallel", paramLabel = "N", description = "Hosts audited at once (default: ${DEFAULT-VALUE}).")
    int parallel = 16;

    @Option(names = "--shard", paramLabel = "I/N", description = "Audit only the I-th of N stable parts of the "
            + "hosts (by a hash of their names); combine the parts' reports with 'quiesce merge'.")
    String shard;

    @Mixin
    RuleOptions rules;

    @Mixin
    WindowOption window;

    @Mixin
    ReportOptions report;

    /** The sandbox for --simulate-scripts, refused before any host is contacted when it cannot work here. */
    private Optional<ScriptTrials> trials() {
        if (!simulateScripts) {
            return Optional.empty();
        }
        try (Sandbox sandbox = Sandbox.builder().standardTmpfs().build()) {
            sandbox.verify();
        }
        return Optional.of(new SandboxTrials(new Simulator(Optional.empty(), SIMULATION_TIME_LIMIT,
                Sandbox.Limits.DEFAULT)));
    }

    @Override
    public Integer call() {
        CheckRegistry registry = CheckRegistry.standard();
        List<RulePack> packs = rules.load(registry);
        if (local.local || !ssh.targets().isEmpty()) {
            local.requireKnownRoles(packs);
        }
        List<Host> hosts = new ArrayList<>();
        local.host(LocalOptions.PROBE_TIMEOUT, Clock.systemUTC()).ifPresent(hosts::add);
        captures.forEach(file -> hosts.add(CapturedHost.open(file)));
        SshSettings sshSettings = ssh.settings();
        for (SshTarget target : ssh.targets()) {
            hosts.add(new SshHost(new HostInfo(target.label(), Set.copyOf(local.roles), local.vars()), target,
                    sshSettings, Clock.systemUTC()));
        }
        if (inventory != null) {
            Inventory.load(inventory, java.util.Optional.of(KnownRoles.of(packs))).hosts().forEach(h -> hosts.add(
                    h.open(LocalOptions.PROBE_TIMEOUT, sshSettings, Clock.systemUTC())));
        }
        if (hosts.stream().anyMatch(SshHost.class::isInstance)) {
            sshSettings.requireUsableKnownHosts(); // before any host is contacted
        }
        if (hosts.isEmpty()) {
            throw new dev.quiesce.model.QuiesceException("nothing to audit: give --local, --host HOST, --capture FILE "
                    + "or --inventory FILE");
        }
        if (local.name != null && !local.local) {
            throw new dev.quiesce.model.QuiesceException("--name goes with --local");
        }
        Shard part = shard == null ? null : Shard.parse(shard);
        List<Host> windowed = window.apply(hosts);
        List<Host> selected = part == null ? windowed : part.of(windowed, h -> h.info().name());
        // Another shard's ESXi hosts are probed for what this shard's guests read of them, not reported.
        List<Host> others = windowed.stream().filter(h -> !selected.contains(h)).toList();
        if (parallel < 1) {
            throw new dev.quiesce.model.QuiesceException("--parallel must be at least 1");
        }
        return AuditExecution.run(registry, packs, selected, others, parallel,
                part == null ? null : part.index() + "/" + part.count(), trials(), report,
                    spec.commandLine().getParseResult().originalArgs(), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
