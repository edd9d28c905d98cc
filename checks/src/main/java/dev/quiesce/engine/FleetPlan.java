package dev.quiesce.engine;

import dev.quiesce.check.Needs;
import dev.quiesce.host.Host;
import dev.quiesce.model.HostInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An audit planned fleet-wide before any host is probed: for each audited host (a subject), the rules
 * that apply and what each needs; for each host to probe (a target: every subject, and every ESXi host
 * a subject's rules read through its {@code vm:} link, audited or not), the demands of every rule on it.
 * Probing then needs no host to wait for another.
 */
final class FleetPlan {
    /** One audited host: its rules' needs (or why planning a rule failed) and the host its vm: link names. */
    record Subject(Host host, Map<PlannedRule, Needs> needs, Map<PlannedRule, String> planFailures,
                   Map<PlannedRule, Demand> here, Map<PlannedRule, Demand> onVmHost, Optional<Host> vmHost,
                   String noVmHost) {
        HostInfo info() {
            return host.info();
        }

        boolean applies(PlannedRule rule) {
            return needs.containsKey(rule) || planFailures.containsKey(rule);
        }

        boolean anyRule() {
            return !needs.isEmpty() || !planFailures.isEmpty();
        }
    }

    private final List<Subject> subjects;
    private final Map<Host, List<Demand>> targets;

    private FleetPlan(List<Subject> subjects, Map<Host, List<Demand>> targets) {
        this.subjects = List.copyOf(subjects);
        this.targets = targets;
    }

    /**
     * @param audited the hosts to audit
     * @param byName  every host a vm: link may name, by inventory name (the audited ones and others)
     */
    static FleetPlan of(List<PlannedRule> rules, List<Host> audited, Map<String, Host> byName) {
        List<Subject> subjects = new ArrayList<>();
        Map<Host, List<Demand>> targets = new LinkedHashMap<>();
        for (Host host : audited) {
            HostInfo info = host.info();
            Optional<Host> vmHost = info.vm().map(vm -> byName.get(vm.esxi()));
            String noVmHost = info.vm().isEmpty() ? "no ESXi host is linked to " + info.name() + ": give it vm: "
                    + "{esxi: <inventory host>, name: <VM name>} in the inventory"
                    : "the ESXi host " + info.vm().get().esxi() + " that " + info.name() + " names is not in this audit";
            Map<PlannedRule, Needs> needs = new LinkedHashMap<>();
            Map<PlannedRule, String> failures = new LinkedHashMap<>();
            Map<PlannedRule, Demand> here = new LinkedHashMap<>();
            Map<PlannedRule, Demand> onVmHost = new LinkedHashMap<>();
            for (PlannedRule rule : rules) {
                if (!rule.rule().appliesTo(info.roles())) {
                    continue;
                }
                Needs need;
                try {
                    need = rule.check().needs(info);
                } catch (RuntimeException e) {
                    failures.put(rule, "the check '" + rule.rule().check().type() + "' could not plan its facts: " + e);
                    continue;
                }
                needs.put(rule, need);
                Demand own = new Demand(need.here());
                here.put(rule, own);
                targets.computeIfAbsent(host, h -> new ArrayList<>()).add(own);
                if (!need.vmHost().isEmpty() && vmHost.isPresent()) {
                    Demand linked = new Demand(need.vmHost());
                    onVmHost.put(rule, linked);
                    targets.computeIfAbsent(vmHost.get(), h -> new ArrayList<>()).add(linked);
                }
            }
            if (needs.isEmpty() && !failures.isEmpty()) {
                // probed even when no rule could plan: the host's reachability and clock are still reported
                targets.computeIfAbsent(host, h -> new ArrayList<>());
            }
            subjects.add(new Subject(host, needs, failures, here, onVmHost, vmHost, noVmHost));
        }
        return new FleetPlan(subjects, targets);
    }

    List<Subject> subjects() {
        return subjects;
    }

    /** Every host to probe, with the demands on it. */
    Map<Host, List<Demand>> targets() {
        return targets;
    }

    /** The hosts whose collection a subject's evaluation waits for: itself, and its ESXi host if read, each once. */
    static List<Host> dependencies(Subject subject) {
        Set<Host> hosts = new LinkedHashSet<>();
        if (subject.anyRule()) {
            hosts.add(subject.host());
        }
        if (!subject.onVmHost().isEmpty()) {
            subject.vmHost().ifPresent(hosts::add);
        }
        return List.copyOf(hosts);
    }
}
