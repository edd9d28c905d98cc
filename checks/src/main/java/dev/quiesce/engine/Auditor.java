package dev.quiesce.engine;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.check.ScriptTrials;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.host.Host;
import dev.quiesce.host.HostException;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Tool;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Audits hosts against rule packs in three steps: plan fleet-wide (which rules apply to each host and
 * what they read, on the host and on the ESXi host a guest runs on), collect (each host probed once,
 * at most two stages over one connection, in parallel), and evaluate (every rule on every audited host,
 * against the facts as of the host's own clock). A host that cannot be probed is UNREACHABLE/ERROR
 * while the others are audited; a host role no loaded rule uses is a configuration error.
 */
public final class Auditor {
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final List<RulePack> packs;
    private final List<PlannedRule> rules;
    private final Tool tool;
    private final Clock clock;
    private final int parallelism;
    private final Optional<ScriptTrials> trials;

    public Auditor(CheckRegistry registry, List<RulePack> packs, Tool tool, Clock clock, int parallelism) {
        this.packs = List.copyOf(packs);
        this.rules = packs.stream().flatMap(p -> p.rules().stream())
                .map(rule -> new PlannedRule(rule, registry.bind(rule.check()))).toList();
        this.tool = tool;
        this.clock = clock;
        this.parallelism = Math.max(1, parallelism);
        this.trials = Optional.empty();
    }

    private Auditor(Auditor base, Optional<ScriptTrials> trials) {
        this.packs = base.packs;
        this.rules = base.rules;
        this.tool = base.tool;
        this.clock = base.clock;
        this.parallelism = base.parallelism;
        this.trials = trials;
    }

    /** The same auditor, whose script-content rules take their evidence from running the scripts in {@code trials}. */
    public Auditor withScriptTrials(ScriptTrials trials) {
        return new Auditor(this, Optional.of(trials));
    }

    public AuditRun audit(List<Host> hosts) {
        try {
            return start(hosts, AuditListener.NONE).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the audit was interrupted", e);
        }
    }

    /** Audits one host on its own (a vm: link it names cannot be followed: those rules are ERROR). */
    public HostResult audit(Host host) {
        return audit(List.of(host)).hosts().get(0);
    }

    /** Starts auditing {@code hosts}, whose vm: links name hosts among them. */
    public AuditInProgress start(List<Host> hosts, AuditListener listener) {
        return start(hosts, List.of(), listener);
    }

    /**
     * Starts auditing {@code hosts} on {@code parallelism} threads; the caller waits, or takes a snapshot
     * when stopped. A guest's vm: link may name one of {@code hosts} or of {@code others}: those are
     * probed only for what the guests' rules read of them, and not reported (the other shards' hosts).
     *
     * @throws dev.quiesce.model.QuiesceException when a host has a role no loaded rule uses
     */
    public AuditInProgress start(List<Host> hosts, List<Host> others, AuditListener listener) {
        KnownRoles.require(packs, hosts.stream().map(Host::info).toList());
        Map<String, Host> byName = new LinkedHashMap<>();
        others.forEach(h -> byName.put(h.info().name(), h));
        hosts.forEach(h -> byName.put(h.info().name(), h));
        FleetPlan plan = FleetPlan.of(rules, hosts, byName);
        Instant started = clock.instant();
        String id = RUN_ID_TIME.format(started) + "-" + HexFormat.of().toHexDigits(new java.security.SecureRandom()
                .nextInt());
        int threads = Math.min(parallelism, Math.max(1, plan.targets().size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "quiesce-audit");
            thread.setDaemon(true);
            return thread;
        });
        return new AuditInProgress(id, started, tool, packs, clock, plan, new HostEvaluation(rules, tool, trials), pool,
                listener);
    }

    /**
     * Probes {@code host} for every fact any loaded rule reads of a host like it, whatever its roles (what
     * {@code quiesce collect} saves): both stages, over one session. Facts rules read of a linked ESXi host
     * are not collected here: collect that host too.
     */
    public ProbeTranscript collect(Host host) throws HostException {
        HostInfo info = host.info();
        List<Demand> demands = new ArrayList<>();
        for (PlannedRule rule : rules) {
            try {
                demands.add(new Demand(rule.check().needs(info).here()));
            } catch (RuntimeException e) {
                // that rule's audit reports its planning failure; the capture holds what the others need
            }
        }
        Collected collected = HostProbe.collect(host, demands, clock);
        if (!collected.answered()) {
            throw new HostException(collected.status(), collected.problem());
        }
        return collected.transcript();
    }
}
