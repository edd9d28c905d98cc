package dev.quiesce.engine;

import dev.quiesce.host.Host;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Tool;
import dev.quiesce.model.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * An audit running on a pool of threads. {@link #await} gives the finished run; {@link #snapshot}
 * gives, at any moment (after Ctrl-C, say), the hosts finished so far and every other host marked as
 * not finished, so a partial report can still be written.
 */
public final class AuditInProgress {
    private final String id;
    private final Instant started;
    private final Tool tool;
    private final List<RulePack> packs;
    private final Clock clock;
    private final List<Host> hosts;
    private final Map<Host, HostResult> finished = new ConcurrentHashMap<>();
    private final List<Future<?>> futures = new ArrayList<>();
    private final ExecutorService pool;
    private final Function<HostInfo, List<Finding>> unfinishedFindings;

    AuditInProgress(String id, Instant started, Tool tool, List<RulePack> packs, Clock clock, List<Host> hosts,
                    ExecutorService pool, Function<Host, HostResult> audit, AuditListener listener,
                    Function<HostInfo, List<Finding>> unfinishedFindings) {
        this.id = id;
        this.started = started;
        this.tool = tool;
        this.packs = packs;
        this.clock = clock;
        this.hosts = List.copyOf(hosts);
        this.pool = pool;
        this.unfinishedFindings = unfinishedFindings;
        listener.started(hosts.size());
        for (Host host : this.hosts) {
            futures.add(pool.submit(() -> {
                listener.hostStarted(host.info());
                HostResult result = audit.apply(host);
                finished.put(host, result);
                listener.hostFinished(result);
            }));
        }
        pool.shutdown();
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

    /** The run as it stands: unfinished hosts are ERROR, "not finished: the audit was stopped". */
    public AuditRun snapshot() {
        List<HostResult> results = new ArrayList<>();
        for (Host host : hosts) {
            HostResult done = finished.get(host);
            results.add(done != null ? done : new HostResult(host.info().name(), host.info().roles(), host.transport(),
                    HostStatus.ERROR, "not finished: the audit was stopped before this host was done",
                    unfinishedFindings.apply(host.info())));
        }
        return new AuditRun(id, started, clock.instant(), tool, packs, results);
    }

    /** Stops the hosts not yet finished (their threads are interrupted). */
    public void stop() {
        futures.forEach(f -> f.cancel(true));
        pool.shutdownNow();
    }

    static Verdict notFinished() {
        return Verdict.error("", "host not audited: the audit was stopped before this host was done", List.of());
    }
}
