package dev.quiesce.engine;

import dev.quiesce.check.HostView;
import dev.quiesce.check.Needs;
import dev.quiesce.check.ScriptTrials;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.host.Capture;
import dev.quiesce.host.CaptureFile;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.Rule;
import dev.quiesce.model.Status;
import dev.quiesce.model.Tool;
import dev.quiesce.model.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates every rule on one audited host from what was collected of it and of its ESXi host: each
 * rule sees only the facts its check asked for; a rule whose linked host is missing or was not audited
 * is ERROR with that cause while the host's other rules stand.
 */
final class HostEvaluation {
    private final List<PlannedRule> rules;
    private final Tool tool;
    private final Optional<ScriptTrials> trials;

    HostEvaluation(List<PlannedRule> rules, Tool tool, Optional<ScriptTrials> trials) {
        this.rules = List.copyOf(rules);
        this.tool = tool;
        this.trials = trials;
    }

    /**
     * @param own    what was collected of the host, or null when it never was (the audit was stopped)
     * @param vmHost what was collected of its ESXi host, or null when not collected
     */
    HostResult evaluate(FleetPlan.Subject subject, Collected own, Collected vmHost) {
        HostInfo info = subject.info();
        String transport = subject.host().transport();
        if (!subject.anyRule()) {
            return new HostResult(info.name(), info.roles(), transport, HostStatus.ERROR, "no loaded rule applies to "
                    + "this host (roles: " + (info.roles().isEmpty() ? "none" : new TreeSet<>(info.roles()))
                    + "), so nothing about it was checked; give it the roles of what it is, e.g. roles: [guest]",
                    skippedAll(info.roles()), null, null);
        }
        if (own == null) {
            return notAudited(subject, HostStatus.ERROR, "not finished: the audit was stopped before this host was done");
        }
        if (!own.answered()) {
            return notAudited(subject, own.status(), own.problem());
        }
        List<Finding> findings = new ArrayList<>();
        for (PlannedRule planned : rules) {
            Rule rule = planned.rule();
            if (!subject.applies(planned)) {
                findings.add(skipped(rule, info.roles()));
            } else if (subject.planFailures().containsKey(planned)) {
                findings.add(Finding.of(rule, Verdict.error("", subject.planFailures().get(planned), List.of())));
            } else {
                findings.add(Finding.of(rule, verdict(subject, planned, own, vmHost)));
            }
        }
        return new HostResult(info.name(), info.roles(), transport, own.status(), own.problem(), findings,
                own.facts().asOf(), CaptureFile.toJson(new Capture(info.name(), info.roles(), tool, own.transcript())));
    }

    private Verdict verdict(FleetPlan.Subject subject, PlannedRule planned, Collected own, Collected vmHost) {
        Demand here = subject.here().get(planned);
        String failure = own.followUpFailures().get(here);
        if (failure != null) {
            return Verdict.error("", failure, List.of());
        }
        Needs needs = subject.needs().get(planned);
        Facts ownFacts = new DeclaredFacts(own.facts(), declared(here, own));
        Facts linkFacts = linkFacts(subject, planned, needs, vmHost, own.facts().asOf());
        try {
            return planned.check().evaluate(new HostView(subject.info(), ownFacts, linkFacts, trials));
        } catch (RuntimeException e) {
            // A bug in a check must not pass for a verdict, nor stop the other rules.
            return Verdict.error("", "the check '" + planned.rule().check().type() + "' failed: "
                    + (e instanceof DeclaredFacts.UndeclaredFactException ? e.getMessage() : e.toString()), List.of());
        }
    }

    private static Facts linkFacts(FleetPlan.Subject subject, PlannedRule planned, Needs needs, Collected vmHost,
                                   Instant asOf) {
        Demand linked = subject.onVmHost().get(planned);
        if (linked == null) {
            return new DeclaredFacts(Facts.unknown(Fact.Cause.UNAVAILABLE, subject.noVmHost(), asOf),
                    needs.vmHost().first());
        }
        String name = subject.info().vm().orElseThrow().esxi();
        if (vmHost == null) {
            return new DeclaredFacts(Facts.unknown(Fact.Cause.NOT_COLLECTED, "the ESXi host " + name + " was not "
                    + "finished: the audit was stopped", asOf), needs.vmHost().first());
        }
        if (!vmHost.answered()) {
            return new DeclaredFacts(Facts.unknown(Fact.Cause.UNAVAILABLE, "the ESXi host " + name + " could not be "
                    + "audited: " + vmHost.problem(), asOf), needs.vmHost().first());
        }
        String failure = vmHost.followUpFailures().get(linked);
        if (failure != null) {
            return new DeclaredFacts(Facts.unknown(Fact.Cause.UNEXPECTED, "on the ESXi host " + name + ": " + failure,
                    asOf), needs.vmHost().first());
        }
        return new DeclaredFacts(vmHost.facts(), declared(linked, vmHost));
    }

    /** The first-stage requests of a demand and the second-stage ones its follow-up named on that host. */
    private static List<FactRequest<?>> declared(Demand demand, Collected collected) {
        List<FactRequest<?>> all = new ArrayList<>(demand.side().first());
        all.addAll(collected.followUps().getOrDefault(demand, List.of()));
        return all;
    }

    /** The host as ERROR with {@code why}: what a failure of the evaluation itself gives. */
    HostResult failed(FleetPlan.Subject subject, String why) {
        return notAudited(subject, HostStatus.ERROR, why);
    }

    private HostResult notAudited(FleetPlan.Subject subject, HostStatus status, String why) {
        HostInfo info = subject.info();
        List<Finding> findings = new ArrayList<>();
        for (PlannedRule planned : rules) {
            findings.add(subject.applies(planned) ? Finding.of(planned.rule(), Verdict.error("", "host not audited: "
                    + why, List.of())) : skipped(planned.rule(), info.roles()));
        }
        return new HostResult(info.name(), info.roles(), subject.host().transport(), status, why, findings, null, null);
    }

    private List<Finding> skippedAll(Set<String> roles) {
        return rules.stream().map(r -> skipped(r.rule(), roles)).toList();
    }

    static Finding skipped(Rule rule, Set<String> roles) {
        return Finding.of(rule, new Verdict(Status.SKIPPED, "roles " + new TreeSet<>(roles), "roles "
                + new TreeSet<>(rule.roles()), "not applicable: the host has none of the roles " + new TreeSet<>(
                rule.roles()), List.of()));
    }
}
