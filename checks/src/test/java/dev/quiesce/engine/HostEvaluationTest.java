package dev.quiesce.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.facts.CannedFacts;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.host.CannedHost;
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
import dev.quiesce.rules.RulePackLoader;
import dev.quiesce.rules.RuleSource;
import dev.quiesce.testing.ExampleChecks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rules evaluated on one host from what was collected of it and of its ESXi host: second stages on either,
 * a follow-up on the ESXi host that throws, a check that throws, a host no rule reaches.
 */
class HostEvaluationTest {
    private static final Tool TOOL = new Tool("quiesce", "test");
    private static final VmLink ON_ESX1 = new VmLink("esx1", Optional.of("db1"), Optional.empty());

    private static Auditor auditor(String... rules) {
        List<RulePack> packs = new ArrayList<>();
        for (String rule : rules) {
            packs.addAll(ExampleChecks.packs(rule));
        }
        return new Auditor(ExampleChecks.registry(), packs, TOOL, Clock.systemUTC(), 2);
    }

    private static FileInfo file(String path) {
        return new FileInfo(path, FileKind.REGULAR, new FileMode(0700), 0, 0, Optional.of("root"), Optional.of("root"),
                10, Optional.of(Instant.parse("2026-05-01T00:00:00Z")), Optional.empty());
    }

    private static Finding finding(HostResult host, String rule) {
        return host.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    private static HostResult host(AuditRun run, String name) {
        return run.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    private static ScriptedHost guest(CannedFacts answers) {
        return new ScriptedHost(new HostInfo("db1", Set.of("guest"), Map.of(), Optional.of(ON_ESX1)), answers);
    }

    private static ScriptedHost esx(CannedFacts answers) {
        return new ScriptedHost(new HostInfo("esx1", Set.of(), Map.of()), answers);
    }

    @Test
    void aSecondStageOnTheEsxiHostAsksWhatItsFirstRevealed() throws Exception {
        ScriptedHost esx = esx(CannedFacts.builder().content(new FactRequest.FileContent("/etc/vms", 4096),
                "/vmfs/volumes/ds1/db1/db1.vmx\n/vmfs/volumes/ds1/gone/gone.vmx\n")
                .stat(file("/vmfs/volumes/ds1/db1/db1.vmx"))
                .missing(new FactRequest.FileStat("/vmfs/volumes/ds1/gone/gone.vmx")));
        ScriptedHost guest = guest(CannedFacts.builder());

        AuditRun run = auditor(ExampleChecks.oneRule("T-VMS", "{type: vm-host-listed-paths, list: /etc/vms}"))
                .start(List.of(guest), List.of(esx), AuditListener.NONE).await();

        Finding vms = finding(host(run, "db1"), "T-VMS");
        assertEquals(Status.FAIL, vms.status(), vms.toString());
        assertTrue(vms.message().contains("/vmfs/volumes/ds1/gone/gone.vmx does not exist"), vms.message());
        assertTrue(vms.observed().contains("/vmfs/volumes/ds1/db1/db1.vmx: regular file"), vms.observed());
        assertEquals(2, esx.probes.get(), "two stages on the ESXi host");
        assertEquals(1, esx.opened.get());
    }

    @Test
    void aFollowUpThatThrowsOnTheEsxiHostIsTheLinkedRulesErrorAndTheGuestsOwnRulesStand() throws Exception {
        ScriptedHost esx = esx(CannedFacts.builder().stat(file("/etc/vmware/hostd/vmInventory.xml")));
        ScriptedHost guest = guest(CannedFacts.builder().stat(file("/usr/sbin/pre-freeze-script")));

        AuditRun run = auditor(ExampleChecks.oneRule("T-BROKEN", "{type: broken-vm-host-follow-up, "
                + "path: /etc/vmware/hostd/vmInventory.xml}"), ExampleChecks.oneRule("T-FILE",
                "{type: file, paths: [/usr/sbin/pre-freeze-script], kind: regular}"))
                .start(List.of(guest), List.of(esx), AuditListener.NONE).await();

        HostResult db1 = host(run, "db1");
        Finding broken = finding(db1, "T-BROKEN");
        assertEquals(Status.ERROR, broken.status());
        assertEquals("could not decide: on the ESXi host esx1: could not name the second-stage facts: "
                + "java.lang.IllegalStateException: no VM list to read", broken.message());
        assertEquals(Status.PASS, finding(db1, "T-FILE").status());
        assertEquals(HostStatus.AUDITED, db1.status());
    }

    @Test
    void followUpsOfOneCheckAreAllAskedInTheSecondStage() {
        CannedFacts answers = CannedFacts.builder()
                .content(new FactRequest.FileContent("/etc/iris-instances", 4096), "/usr/irissys\n")
                .content(new FactRequest.FileContent("/etc/cache-instances", 4096), "/opt/cache\n")
                .stat(file("/usr/irissys")).missing(new FactRequest.FileStat("/opt/cache"));
        ScriptedHost host = new ScriptedHost(new HostInfo("db1", Set.of("guest"), Map.of()), answers);

        HostResult result = auditor(ExampleChecks.oneRule("T-TWO", "{type: two-lists, list: /etc/iris-instances, "
                + "other_list: /etc/cache-instances}")).audit(host);

        Finding two = finding(result, "T-TWO");
        assertEquals(Status.FAIL, two.status(), two.toString());
        assertTrue(two.message().contains("/opt/cache does not exist"), two.message());
        assertTrue(two.observed().contains("/usr/irissys: regular file"), two.observed());
        assertEquals(2, host.probes.get());
    }

    @Test
    void aCheckThatThrowsNamesTheExceptionAndOneThatReadsAnUnaskedFactSaysJustThat() {
        CheckRegistry registry = CheckRegistry.of(List.of(new AuditorTest.BrokenCheck(), new ExampleChecks.Sneaky()));
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
                    title: sneaky
                    severity: high
                    roles: [guest]
                    references: [test]
                    check: {type: sneaky, path: /x}
                """;
        List<RulePack> packs = new RulePackLoader(registry.signatures()).load(List.of(new RuleSource("t.yaml",
                pack.getBytes(StandardCharsets.UTF_8))));
        HostResult host = new Auditor(registry, packs, TOOL, Clock.systemUTC(), 1).audit(new CannedHost(
                new HostInfo("db1", Set.of("guest"), Map.of()), CannedFacts.builder().stat(file("/x"))));

        assertEquals("the check 'broken' failed: java.lang.IllegalStateException: boom", host.findings().get(0)
                .message());
        assertEquals("the check 'sneaky' failed: read a fact it did not ask for (stat /x.other): a bug in the check",
                host.findings().get(1).message());
    }

    @Test
    void aHostNoRuleReachesHasEveryRuleSkippedAndTheReasonAsItsError() {
        Host roleless = new CannedHost(new HostInfo("db9", Set.of(), Map.of()), CannedFacts.builder());
        HostResult result = auditor(ExampleChecks.oneRule("T-A", "{type: file, paths: [/a]}"),
                ExampleChecks.oneRule("T-B", "{type: file, paths: [/b]}")).audit(roleless);
        assertEquals(HostStatus.ERROR, result.status());
        assertEquals(List.of("T-A", "T-B"), result.findings().stream().map(Finding::rule).toList());
        assertTrue(result.findings().stream().allMatch(f -> f.status() == Status.SKIPPED
                && f.message().equals("not applicable: the host has none of the roles [guest]")), result.findings()
                .toString());
        assertTrue(result.error().contains("no loaded rule applies to this host (roles: none)"), result.error());
    }

    @Test
    void anEsxiHostNoRuleReadsIsNotProbedForTheGuest() throws Exception {
        ScriptedHost esx = esx(CannedFacts.builder());
        ScriptedHost guest = guest(CannedFacts.builder().stat(file("/usr/sbin/pre-freeze-script")));
        AuditRun run = auditor(ExampleChecks.oneRule("T-FILE", "{type: file, paths: [/usr/sbin/pre-freeze-script]}"))
                .start(List.of(guest), List.of(esx), AuditListener.NONE).await();
        assertEquals(Status.PASS, finding(host(run, "db1"), "T-FILE").status());
        assertEquals(0, esx.opened.get());
        assertFalse(run.hosts().stream().anyMatch(h -> h.name().equals("esx1")));
    }
}
