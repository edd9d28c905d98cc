package dev.quiesce.cli;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.engine.KnownRoles;
import dev.quiesce.host.CapturedHost;
import dev.quiesce.host.Host;
import dev.quiesce.host.Inventory;
import dev.quiesce.host.SshHost;
import dev.quiesce.host.SshSettings;
import dev.quiesce.host.SshTarget;
import dev.quiesce.model.HostInfo;
import java.util.Map;
import java.util.Set;
import dev.quiesce.model.RulePack;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quiesce audit}: audits hosts against the rule packs and writes the reports. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit this machine, hosts over SSH, captured hosts or an inventory against the rule packs.")
final class AuditCommand implements Callable<Integer> {
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

    @Option(names = "--parallel", paramLabel = "N", description = "Hosts audited at once (default: ${DEFAULT-VALUE}).")
    int parallel = 16;

    @Option(names = "--shard", paramLabel = "I/N", description = "Audit only the I-th of N stable parts of the "
            + "hosts (by a hash of their names); combine the parts' reports with 'quiesce merge'.")
    String shard;

    @Mixin
    RuleOptions rules;

    @Mixin
    ReportOptions report;

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
        List<Host> selected = part == null ? hosts : part.of(hosts, h -> h.info().name());
        // Another shard's ESXi hosts are probed for what this shard's guests read of them, not reported.
        List<Host> others = hosts.stream().filter(h -> !selected.contains(h)).toList();
        if (parallel < 1) {
            throw new dev.quiesce.model.QuiesceException("--parallel must be at least 1");
        }
        return AuditExecution.run(registry, packs, selected, others, parallel,
                part == null ? null : part.index() + "/" + part.count(), report,
                    spec.commandLine().getParseResult().originalArgs(), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
