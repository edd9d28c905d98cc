package dev.quiesce.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.check.BaseCheck;
import dev.quiesce.check.Check;
import dev.quiesce.check.HostView;
import dev.quiesce.check.Needs;
import dev.quiesce.check.CheckRegistry;
import dev.quiesce.check.Param;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.host.Host;
import dev.quiesce.host.HostException;
import dev.quiesce.host.HostSession;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Status;
import dev.quiesce.model.Tool;
import dev.quiesce.model.Verdict;
import dev.quiesce.rules.RulePackLoader;
import dev.quiesce.rules.RuleSource;
import dev.quiesce.testing.GuestTree;
import dev.quiesce.testing.TreeAudit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditorTest {
    @TempDir
    Path root;

    /** A check whose evaluation throws, standing in for a bug in a third-party check. */
    static final class BrokenCheck extends BaseCheck<BrokenCheck.Parameters> {
        record Parameters(@Param("Anything.") String path) {}

        BrokenCheck() {
            super("broken", Parameters.class, "Always throws.");
        }

        @Override
        public Needs needs(Parameters p, HostInfo host) {
            return Needs.of(new FactRequest.FileStat(p.path()));
        }

        @Override
        public Verdict evaluate(Parameters p, HostView view) {
            throw new IllegalStateException("boom");
        }
    }

    /** A host whose connection fails, the seam every transport's failure goes through. */
    record FailingHost(HostInfo info, HostStatus status) implements Host {
        @Override
        public String transport() {
            return "test";
        }

        @Override
        public HostSession open() throws HostException {
            throw new HostException(status, "connection refused");
        }
    }

    @Test
    void anUnreachableHostIsReportedWhileTheOthersAreAudited() {
        CheckRegistry registry = CheckRegistry.standard();
        Auditor auditor = new Auditor(registry, TreeAudit.treePacks(registry), new Tool("q", "t"),
                Clock.systemUTC(), 2);
        GuestTree.passing(root);
        Host good = TreeAudit.localHost(root);
        Host bad = new FailingHost(new HostInfo("zz-down", Set.of("guest"), Map.of()), HostStatus.UNREACHABLE);
        AuditRun run = auditor.audit(List.of(bad, good));

        assertEquals(List.of("guest", "zz-down"), run.hosts().stream().map(HostResult::name).toList());
        HostResult down = run.hosts().get(1);
        assertEquals(HostStatus.UNREACHABLE, down.status());
        assertEquals("connection refused", down.error());
        assertTrue(down.findings().stream().allMatch(f -> TreeAudit.notForRoles(f) || f.status() == Status.ERROR
                && f.message().contains("host not audited: connection refused")), down.findings().toString());
        HostResult up = run.hosts().get(0);
        assertEquals(HostStatus.AUDITED, up.status());
        assertNull(up.error());
        assertTrue(up.findings().stream().allMatch(f -> f.status() == Status.PASS || TreeAudit.needsRunningHost(f)
                || TreeAudit.notForRoles(f)), up.findings().toString());
        assertTrue(!run.allHostsAudited());
    }

    @Test
    void rulesForOtherRolesAreSkippedNotRun() {
        CheckRegistry registry = CheckRegistry.standard();
        String esxiPack = """
                apiVersion: quiesce/v1
                kind: RulePack
                id: esxi-sample
                version: "1"
                title: one rule for ESXi hosts
                rules:
                  - id: T-ESX-1
                    title: the datastores directory is there
                    severity: low
                    roles: [esxi]
                    references: [test]
                    check: {type: file, paths: [/vmfs/volumes], kind: directory}
                """;
        List<RulePack> packs = new java.util.ArrayList<>(RulePacks.load(registry, true, List.of()));
        packs.addAll(new RulePackLoader(registry.signatures()).load(List.of(new RuleSource("esxi.yaml",
                esxiPack.getBytes(StandardCharsets.UTF_8)))));
        Auditor auditor = new Auditor(registry, packs, new Tool("q", "t"), Clock.systemUTC(), 1);
        HostResult esxi = auditor.audit(new dev.quiesce.host.LocalHost(new HostInfo("esx1", Set.of("esxi"), Map.of()),
                java.util.Optional.of(root), java.time.Duration.ofSeconds(30), Clock.systemUTC()));
        assertTrue(esxi.findings().stream().filter(f -> !f.rule().equals("T-ESX-1")).allMatch(f -> f.status()
                == Status.SKIPPED && TreeAudit.notForRoles(f)), esxi.findings().toString());
        assertEquals(Status.FAIL, esxi.findings().stream().filter(f -> f.rule().equals("T-ESX-1")).findFirst()
                .orElseThrow().status());
    }

    @Test
    void aCheckThatThrowsGivesAnErrorFindingAndTheOtherRulesStillRun() {
        CheckRegistry registry = CheckRegistry.of(List.of(new BrokenCheck(), checkOfType("file")));
        String pack = """
                apiVersion: quiesce/v1
                kind: RulePack
                id: t
                version: "1"
                title: t
                rules:
                  - id: T-1
                    title: broken
                    severity: high
                    roles: [guest]
                    references: [test]
                    check: {type: broken, path: /x}
                  - id: T-2
                    title: root exists
                    severity: low
                    roles: [guest]
                    references: [test]
                    check: {type: file, paths: ["/"], kind: directory}
                """;
        List<RulePack> packs = new RulePackLoader(registry.signatures()).load(List.of(
                new RuleSource("t.yaml", pack.getBytes(StandardCharsets.UTF_8))));
        HostResult host = new Auditor(registry, packs, new Tool("q", "t"), Clock.systemUTC(), 1)
                .audit(TreeAudit.localHost(GuestTree.empty(root).root()));
        assertEquals(Status.ERROR, host.findings().get(0).status());
        assertTrue(host.findings().get(0).message().contains("boom"));
        assertEquals(Status.PASS, host.findings().get(1).status());
    }

    @Test
    void factsSharedByRulesAreRequestedOnce() throws Exception {
        CheckRegistry registry = CheckRegistry.standard();
        Auditor auditor = new Auditor(registry, TreeAudit.packs(registry, "freeze-thaw-scripts"), new Tool("q", "t"),
                Clock.systemUTC(), 1);
        GuestTree.passing(root);
        ProbeTranscript transcript = auditor.collect(TreeAudit.localHost(root));
        List<FactRequest<?>> plan = List.copyOf(transcript.stages().get(0).requests().values());
        assertEquals(plan.size(), Set.copyOf(plan).size());
        // QZ-FT-001, -003 and -004 all read /usr/sbin/pre-freeze-script: one stat.
        assertEquals(1, plan.stream().filter(r -> r.equals(new FactRequest.FileStat(GuestTree.FREEZE))).count());
        assertEquals(1, transcript.stages().size(), "the file rules need no second stage");
    }

    private static Check<?> checkOfType(String type) {
        List<Check<?>> found = new ArrayList<>();
        CheckRegistry.standard().checks().stream().filter(c -> c.type().equals(type)).forEach(found::add);
        return found.get(0);
    }
}
