package dev.quiesce.engine;

import dev.quiesce.host.Host;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Tool;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An audit running on a pool of threads: each host to probe is collected once, and each audited host is
 * evaluated by whichever thread finishes the last collection it waits for (its own, and its ESXi host's
 * when its rules read it), so no thread waits on another host. {@link #await} gives the finished run;
 * {@link #snapshot} gives, at any moment (after Ctrl-C, say), every host evaluated from what is
 * collected so far, hosts not collected marked as not finished.
 */
public final class AuditInProgress {
    private final String id;
    private final Instant started;
    private final Tool tool;
    private final List<RulePack> packs;
    private final Clock clock;
    private final FleetPlan plan;
    private final HostEvaluation evaluation;
    private final AuditListener listener;
    private final ExecutorService pool;
    private final Map<Host, Collected> collected = new ConcurrentHashMap<>();
    private final Map<FleetPlan.Subject, HostResult> finished = new ConcurrentHashMap<>();
    private final Map<FleetPlan.Subject, AtomicInteger> waiting = new HashMap<>();
    private final Map<Host, List<FleetPlan.Subject>> waitedOnBy = new HashMap<>();
    private final List<Future<?>> futures = new ArrayList<>();

    AuditInProgress(String id, Instant started, Tool tool, List<RulePack> packs, Clock clock, FleetPlan plan,
                    HostEvaluation evaluation, ExecutorService pool, AuditListener listener) {
        this.id = id;
        this.started = started;
        this.tool = tool;
        this.packs = packs;
        this.clock = clock;
        this.plan = plan;
        this.evaluation = evaluation;
        this.listener = listener;
        this.pool = pool;
        for (FleetPlan.Subject subject : plan.subjects()) {
            List<Host> dependencies = FleetPlan.dependencies(subject);
            waiting.put(subject, new AtomicInteger(dependencies.size()));
            dependencies.forEach(h -> waitedOnBy.computeIfAbsent(h, k -> new ArrayList<>()).add(subject));
        }
        listener.started(plan.subjects().size());
        plan.subjects().stream().filter(s -> waiting.get(s).get() == 0).forEach(this::finish);
        plan.targets().forEach((host, demands) -> futures.add(pool.submit(() -> collect(host, demands))));
        pool.shutdown();
    }

    /** Probes one host and finishes every audited host that waited only for it; nothing here may throw. */
    private void collect(Host host, List<Demand> demands) {
        try {
            if (plan.subjects().stream().anyMatch(s -> s.host() == host)) {
                tell(() -> listener.hostStarted(host.info()));
            }
            collected.put(host, HostProbe.collect(host, demands, clock));
        } catch (RuntimeException | Error e) {
            collected.put(host, Collected.failed(dev.quiesce.model.HostStatus.ERROR, "probing this host failed "
                    + "unexpectedly (a bug in quiesce): " + e));
        } finally {
            for (FleetPlan.Subject subject : waitedOnBy.getOrDefault(host, List.of())) {
                if (waiting.get(subject).decrementAndGet() == 0) {
                    finish(subject);
                }
            }
        }
    }

    private void finish(FleetPlan.Subject subject) {
        HostResult result = evaluate(subject);
        finished.put(subject, result);
        tell(() -> listener.hostFinished(result));
    }

    /** One host's evaluation: a bug in it fails that host, never the audit. */
    private HostResult evaluate(FleetPlan.Subject subject) {
        Collected vmHost = subject.vmHost().map(collected::get).orElse(null);
        try {
            return evaluation.evaluate(subject, collected.get(subject.host()), vmHost);
        } catch (RuntimeException e) {
            return evaluation.failed(subject, "evaluating this host failed unexpectedly (a bug in quiesce): " + e);
        }
    }

    /** A listener that throws (a progress printer whose terminal went away) must not stop the audit. */
    private static void tell(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException ignored) {
            // progress is a courtesy; the run and its reports are what count
        }
    }

    /** Waits for every host and returns the run. */
    public AuditRun await() throws InterruptedException {
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (java.util.concurrent.CancellationException stopped) {
                // stop() was called: the snapshot marks this host as not finished
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("auditing a host failed unexpectedly", e.getCause());
            }
        }
        return snapshot();
    }

    /** The run as it stands: hosts not yet evaluated are evaluated from what is collected, or marked unfinished. */
    public AuditRun snapshot() {
        List<HostResult> results = new ArrayList<>();
        for (FleetPlan.Subject subject : plan.subjects()) {
            HostResult done = finished.get(subject);
            results.add(done != null ? done : evaluate(subject));
        }
        return new AuditRun(id, started, clock.instant(), tool, packs, results);
    }

    /** Stops the hosts not yet finished (their threads are interrupted). */
    public void stop() {
        futures.forEach(f -> f.cancel(true));
        pool.shutdownNow();
    }
}
