package dev.quiesce.engine;

import dev.quiesce.check.BoundCheck;
import dev.quiesce.check.CheckRegistry;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.host.Capture;
import dev.quiesce.host.CaptureFile;
import dev.quiesce.host.Host;
import dev.quiesce.host.HostException;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.Rule;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Status;
import dev.quiesce.model.Tool;
import dev.quiesce.model.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Audits hosts against rule packs: for each host it plans the facts its applicable rules need, collects
 * them with one probe, and evaluates every rule. A host that cannot be probed becomes an
 * UNREACHABLE/ERROR host while the others are audited.
 */
public final class Auditor {
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final List<RulePack> packs;
    private final List<PlannedRule> rules;
    private final Tool tool;
    private final Clock clock;
    private final int parallelism;

    private record PlannedRule(Rule rule, BoundCheck<?> check) {}

    public Auditor(CheckRegistry registry, List<RulePack> packs, Tool tool, Clock clock, int parallelism) {
        this.packs = List.copyOf(packs);
        this.rules = packs.stream().flatMap(p -> p.rules().stream())
                .map(rule -> new PlannedRule(rule, registry.bind(rule.check()))).toList();
        this.tool = tool;
        this.clock = clock;
        this.parallelism = Math.max(1, parallelism);
    }

    /** Every fact any rule could need on this host, whatever its roles: what {@code collect} gathers. */
    public List<FactRequest> planAll(HostInfo host) {
        return plan(rules, host);
    }

    public AuditRun audit(List<Host> hosts) {
        try {
            return start(hosts, AuditListener.NONE).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the audit was interrupted", e);
        }
    }

    /** Starts auditing on {@code parallelism} threads; the caller waits, or takes a snapshot when stopped. */
    public AuditInProgress start(List<Host> hosts, AuditListener listener) {
        Instant started = clock.instant();
        String id = RUN_ID_TIME.format(started) + "-" + HexFormat.of().toHexDigits(new java.security.SecureRandom()
                .nextInt());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, hosts.size())), r -> {
            Thread thread = new Thread(r, "quiesce-audit");
            thread.setDaemon(true);
            return thread;
        });
        return new AuditInProgress(id, started, tool, packs, clock, hosts, pool, this::audit, listener,
                info -> rules.stream().map(r -> r.rule().appliesTo(info.roles())
                        ? Finding.of(r.rule(), AuditInProgress.notFinished()) : skipped(r.rule(), info)).toList());
    }

    public HostResult audit(Host host) {
        HostInfo info = host.info();
        List<PlannedRule> applicable = rules.stream().filter(r -> r.rule().appliesTo(info.roles())).toList();
        ProbeTranscript transcript;
        try {
            transcript = host.probe(plan(applicable, info));
        } catch (HostException e) {
            return notAudited(host, e.status(), e.getMessage());
        } catch (RuntimeException e) {
            // A host's own configuration error or a bug in a transport fails that host, never the audit.
            return notAudited(host, dev.quiesce.model.HostStatus.ERROR, e.getMessage() == null ? e.toString()
                    : e.getMessage());
        }
        Facts facts = transcript.facts();
        List<Finding> findings = new ArrayList<>();
        for (PlannedRule planned : rules) {
            findings.add(planned.rule().appliesTo(info.roles()) ? evaluate(planned, facts, info)
                    : skipped(planned.rule(), info));
        }
        // An answer cut short (the host died mid-answer) still counts what arrived, but the host is not audited.
        boolean sound = facts.problems().isEmpty();
        return new HostResult(info.name(), info.roles(), host.transport(), sound ? dev.quiesce.model.HostStatus.AUDITED
                : dev.quiesce.model.HostStatus.ERROR, sound ? null : "the probe's answer is incomplete: "
                + String.join("; ", facts.problems()), findings,
                CaptureFile.toJson(new Capture(info.name(), info.roles(), tool, transcript)));
    }

    private HostResult notAudited(Host host, dev.quiesce.model.HostStatus status, String why) {
        HostInfo info = host.info();
        List<Finding> findings = rules.stream().map(r -> r.rule().appliesTo(info.roles())
                ? Finding.of(r.rule(), Verdict.error("", "host not audited: " + why, List.of()))
                : skipped(r.rule(), info)).toList();
        return new HostResult(info.name(), info.roles(), host.transport(), status, why, findings);
    }

    private static List<FactRequest> plan(List<PlannedRule> rules, HostInfo host) {
        Set<FactRequest> requests = new LinkedHashSet<>();
        for (PlannedRule planned : rules) {
            requests.addAll(planned.check().facts(host));
        }
        return List.copyOf(requests);
    }

    private static Finding evaluate(PlannedRule planned, Facts facts, HostInfo host) {
        try {
            return Finding.of(planned.rule(), planned.check().evaluate(facts, host));
        } catch (RuntimeException e) {
            // A bug in a check must not pass for a verdict, nor stop the other rules.
            return Finding.of(planned.rule(), Verdict.error("", "the check '" + planned.rule().check().type()
                    + "' failed: " + e, List.of()));
        }
    }

    private static Finding skipped(Rule rule, HostInfo host) {
        return Finding.of(rule, new Verdict(Status.SKIPPED, "roles " + new TreeSet<>(host.roles()), "roles "
                + new TreeSet<>(rule.roles()), "not applicable: the host has none of the roles " + new TreeSet<>(
                rule.roles()), List.of()));
    }
}
