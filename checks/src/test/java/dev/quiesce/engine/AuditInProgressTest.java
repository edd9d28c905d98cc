package dev.quiesce.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.facts.CannedFacts;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.host.Host;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.FileMode;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Status;
import dev.quiesce.model.Tool;
import dev.quiesce.model.VmLink;
import dev.quiesce.testing.ExampleChecks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An audit as it runs: what a listener hears, how a stop leaves the hosts not yet done, and that its
 * threads never keep quiesce from exiting.
 */
class AuditInProgressTest {
    private static final Tool TOOL = new Tool("quiesce", "test");
    private static final String FILE = ExampleChecks.oneRule("T-FILE", "{type: file, paths: [/usr/sbin/pre-freeze-script]}");
    private static final String LINK = ExampleChecks.oneRule("T-LINK", "{type: same-on-vm-host, path: /qos, "
            + "vm_host_path: /qos}");

    private static List<RulePack> packs(String... rules) {
        List<RulePack> packs = new ArrayList<>();
        for (String rule : rules) {
            packs.addAll(ExampleChecks.packs(rule));
        }
        return packs;
    }

    private static Auditor auditor(int threads, String... rules) {
        return new Auditor(ExampleChecks.registry(), packs(rules), TOOL, Clock.systemUTC(), threads);
    }

    private static CannedFacts script() {
        return CannedFacts.builder().stat(new FileInfo("/usr/sbin/pre-freeze-script", FileKind.REGULAR,
                new FileMode(0700), 0, 0, Optional.of("root"), Optional.of("root"), 10, Optional.of(Instant.EPOCH),
                Optional.empty())).content(new FactRequest.FileContent("/qos", 4096), "8000\n");
    }

    private static ScriptedHost host(String name, Optional<VmLink> vm, String... roles) {
        return new ScriptedHost(new HostInfo(name, Set.of(roles), Map.of(), vm), script());
    }

    private static HostResult host(AuditRun run, String name) {
        return run.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    private static Finding finding(HostResult host, String rule) {
        return host.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    /** Records what it hears, from whichever thread. */
    private static final class Heard implements AuditListener {
        final List<Integer> started = Collections.synchronizedList(new ArrayList<>());
        final List<String> hostsStarted = Collections.synchronizedList(new ArrayList<>());
        final List<HostResult> finished = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void started(int hosts) {
            started.add(hosts);
        }

        @Override
        public void hostStarted(HostInfo host) {
            hostsStarted.add(host.name());
        }

        @Override
        public void hostFinished(HostResult result) {
            finished.add(result);
        }
    }

    @Test
    void aListenerHearsTheAuditedHostsStartAndFinishEachOnce() throws Exception {
        ScriptedHost db1 = host("db1", Optional.of(new VmLink("esx1", Optional.of("db1"), Optional.empty())), "guest");
        ScriptedHost db2 = host("db2", Optional.empty());          // no rule applies: finished at once
        ScriptedHost esx1 = host("esx1", Optional.empty());        // another shard's host: probed, not reported
        Heard heard = new Heard();

        AuditRun run = auditor(2, FILE, LINK).start(List.of(db1, db2), List.of(esx1), heard).await();

        assertEquals(List.of(2), heard.started);
        assertEquals(List.of("db1"), heard.hostsStarted);
        assertEquals(List.of("db1", "db2"), heard.finished.stream().map(HostResult::name).sorted().toList());
        assertEquals(host(run, "db1"), heard.finished.stream().filter(h -> h.name().equals("db1")).findFirst()
                .orElseThrow(), "what was heard is what the run holds");
        assertEquals(Status.PASS, finding(host(run, "db1"), "T-LINK").status());
        assertEquals(1, esx1.opened.get());
    }

    @Test
    void anAuditsPoolTakesNoMoreWorkOnceItsHostsAreSubmittedAndEndsWithTheAudit() throws Exception {
        List<RulePack> packs = packs(FILE);
        CheckRegistry registry = ExampleChecks.registry();
        List<PlannedRule> rules = packs.stream().flatMap(p -> p.rules().stream())
                .map(r -> new PlannedRule(r, registry.bind(r.check()))).toList();
        Host db1 = host("db1", Optional.empty(), "guest");
        ExecutorService pool = Executors.newFixedThreadPool(1);
        AuditInProgress audit = new AuditInProgress("run", Instant.now(), TOOL, packs, Clock.systemUTC(),
                FleetPlan.of(rules, List.of(db1), Map.of("db1", db1)), new HostEvaluation(rules, TOOL, java.util.Optional.empty()), pool,
                AuditListener.NONE);
        assertTrue(pool.isShutdown());
        assertEquals(HostStatus.AUDITED, audit.await().hosts().get(0).status());
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void aStoppedAuditReturnsAtOnceWithTheHostsNotDoneMarkedNotFinished() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ScriptedHost hanging = host("db1", Optional.empty(), "guest").hangUntil(release);
        ScriptedHost waiting = host("db2", Optional.empty(), "guest");
        try {
            AuditInProgress audit = auditor(1, FILE).start(List.of(hanging, waiting), AuditListener.NONE);
            assertTrue(hanging.opening.await(10, TimeUnit.SECONDS));
            audit.stop();
            AuditRun run = assertTimeoutPreemptively(Duration.ofSeconds(5), audit::await);

            HostResult notStarted = host(run, "db2");
            assertEquals(HostStatus.ERROR, notStarted.status());
            assertEquals("not finished: the audit was stopped before this host was done", notStarted.error());
            assertEquals("host not audited: not finished: the audit was stopped before this host was done",
                    finding(notStarted, "T-FILE").message());
            assertEquals(0, waiting.opened.get(), "a host not started is not started after a stop");
            assertEquals("not finished: the audit was stopped before this host was done", host(run, "db1").error());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aGuestWhoseEsxiHostWasNotDoneWhenStoppedHasItsLinkedRulesInErrorAndItsOwnStanding() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ScriptedHost guest = host("db1", Optional.of(new VmLink("esx1", Optional.of("db1"), Optional.empty())),
                "guest");
        ScriptedHost esx = host("esx1", Optional.empty()).hangUntil(release);
        try {
            AuditInProgress audit = auditor(2, FILE, LINK).start(List.of(guest), List.of(esx), AuditListener.NONE);
            assertTrue(esx.opening.await(10, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (audit.snapshot().hosts().get(0).status() != HostStatus.AUDITED) {
                assertTrue(System.nanoTime() < deadline, "the guest's own probe did not finish");
                Thread.sleep(10); // the guest's own probe finishes; its ESXi host never does
            }
            audit.stop();
            HostResult db1 = assertTimeoutPreemptively(Duration.ofSeconds(5), audit::await).hosts().get(0);

            Finding linked = finding(db1, "T-LINK");
            assertEquals(Status.ERROR, linked.status());
            assertTrue(linked.message().contains("the ESXi host esx1 was not finished: the audit was stopped"),
                    linked.message());
            assertEquals(Status.PASS, finding(db1, "T-FILE").status());
        } finally {
            release.countDown();
        }
    }

    @Test
    void anAuditInterruptedWhileWaitingSaysSoAndKeepsTheInterrupt() {
        CountDownLatch release = new CountDownLatch(1);
        ScriptedHost hanging = host("db1", Optional.empty(), "guest").hangUntil(release);
        try {
            Thread.currentThread().interrupt();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> auditor(1, FILE)
                    .audit(List.of(hanging)));
            assertEquals("the audit was interrupted", e.getMessage());
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
            release.countDown();
        }
    }

    @Test
    void hostsAreProbedOnDaemonThreadsSoAHangingHostNeverKeepsQuiesceRunning() {
        ScriptedHost db1 = host("db1", Optional.empty(), "guest");
        auditor(1, FILE).audit(db1);
        assertEquals(Boolean.TRUE, db1.openedOnDaemonThread);
    }
}
