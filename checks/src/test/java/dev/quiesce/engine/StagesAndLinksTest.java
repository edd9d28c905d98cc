package dev.quiesce.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeStage;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.host.Capture;
import dev.quiesce.host.CaptureFile;
import dev.quiesce.host.CapturedHost;
import dev.quiesce.host.Host;
import dev.quiesce.host.HostException;
import dev.quiesce.host.HostSession;
import dev.quiesce.host.LocalHost;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.RunVerdict;
import dev.quiesce.model.Severity;
import dev.quiesce.model.Status;
import dev.quiesce.model.Tool;
import dev.quiesce.model.VmLink;
import dev.quiesce.testing.ExampleChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's plan, stages, links, roles and clock, with the example checks a third party could write. */
class StagesAndLinksTest {
    private static final Tool TOOL = new Tool("quiesce", "test");

    @TempDir
    Path dir;

    private static Auditor auditor(List<RulePack> packs, Clock clock) {
        return new Auditor(ExampleChecks.registry(), packs, TOOL, clock, 4);
    }

    private static Auditor auditor(String... rules) {
        List<RulePack> packs = new ArrayList<>();
        for (String rule : rules) {
            packs.addAll(ExampleChecks.packs(rule));
        }
        return auditor(packs, Clock.systemUTC());
    }

    private Path tree(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private static Host local(String name, Path root, Optional<VmLink> vm, String... roles) {
        return new LocalHost(new HostInfo(name, Set.of(roles), Map.of(), vm), Optional.of(root), Duration.ofSeconds(30),
                Clock.systemUTC());
    }

    private static Finding finding(HostResult host, String rule) {
        return host.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    private static HostResult host(AuditRun run, String name) {
        return run.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aSecondStageAsksWhatTheFirstRevealedOverTheSameSession() throws IOException {
        Path root = tree("guest");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/instances"), "/usr/irissys\n/opt/cache\n");
        Files.createDirectories(root.resolve("usr/irissys"));
        Counting guest = new Counting(local("db1", root, Optional.empty(), "guest"));

        HostResult result = auditor(ExampleChecks.oneRule("T-LIST", "{type: listed-paths, list: /etc/instances}"))
                .audit(guest);

        Finding listed = finding(result, "T-LIST");
        assertEquals(Status.FAIL, listed.status(), listed.toString());
        assertTrue(listed.message().contains("/opt/cache does not exist"), listed.message());
        assertTrue(listed.observed().contains("/usr/irissys: directory"), listed.observed());
        assertEquals(1, guest.opened.get(), "one session");
        assertEquals(2, guest.probes.get(), "two stages on it");
        assertTrue(result.capture().contains("\"stages\""), "the capture holds both stages");
    }

    @Test
    void aCaptureReplaysBothStagesAndGivesTheSameVerdict() throws Exception {
        Path root = tree("guest");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/instances"), "/etc\n/missing\n");
        Auditor auditor = auditor(ExampleChecks.oneRule("T-LIST", "{type: listed-paths, list: /etc/instances}"));
        Host live = local("db1", root, Optional.empty(), "guest");
        ProbeTranscript transcript = auditor.collect(live);
        assertEquals(2, transcript.stages().size());
        Path file = dir.resolve("db1.capture.json");
        CaptureFile.write(new Capture("db1", Set.of("guest"), TOOL, transcript), file);

        Finding replayed = finding(auditor.audit(CapturedHost.open(file)), "T-LIST");
        Finding direct = finding(auditor.audit(live), "T-LIST");
        assertEquals(direct.status(), replayed.status());
        assertEquals(direct.message(), replayed.message());
        assertEquals(Status.FAIL, replayed.status());
    }

    @Test
    void aFollowUpThatThrowsIsThatRulesErrorAndTheOthersStand() throws IOException {
        Path root = tree("guest");
        Files.createDirectories(root.resolve("etc"));
        Auditor auditor = auditor(ExampleChecks.oneRule("T-BROKEN", "{type: broken-follow-up, path: /etc}"),
                ExampleChecks.oneRule("T-FILE", "{type: file, paths: [/etc], kind: directory}"));
        HostResult result = auditor.audit(local("db1", root, Optional.empty(), "guest"));
        Finding broken = finding(result, "T-BROKEN");
        assertEquals(Status.ERROR, broken.status());
        assertTrue(broken.message().contains("could not name the second-stage facts")
                && broken.message().contains("no instance list to read"), broken.message());
        assertEquals(Status.PASS, finding(result, "T-FILE").status());
        assertEquals(HostStatus.AUDITED, result.status());
    }

    /** Fails before facts were scoped to the rule: an unasked fact read as "not collected", like a gap in a capture. */
    @Test
    void aCheckThatReadsAFactItDidNotAskForIsAnErrorThatSaysSo() throws IOException {
        Path root = tree("guest");
        Finding sneaky = finding(auditor(ExampleChecks.oneRule("T-SNEAKY", "{type: sneaky, path: /etc}"))
                .audit(local("db1", root, Optional.empty(), "guest")), "T-SNEAKY");
        assertEquals(Status.ERROR, sneaky.status());
        assertTrue(sneaky.message().contains("read a fact it did not ask for (stat /etc.other): a bug in the check"),
                sneaky.message());
    }

    @Test
    void aGuestRuleReadsItsLinkedEsxiHostAndTheVerdictUsesBoth() throws IOException {
        Path guestRoot = tree("guest");
        Path esxRoot = tree("esx");
        Files.writeString(guestRoot.resolve("qos"), "8000\n");
        Files.writeString(esxRoot.resolve("qos"), "2000\n");
        Host esx = local("esx1", esxRoot, Optional.empty(), "guest");
        Host guest = local("db1", guestRoot, Optional.of(new VmLink("esx1", Optional.of("db1"), Optional.empty())),
                "guest");
        Auditor auditor = auditor(ExampleChecks.oneRule("T-LINK", "{type: same-on-vm-host, path: /qos, "
                + "vm_host_path: /qos}"));

        AuditRun run = auditor.audit(List.of(guest, esx));

        Finding linked = finding(host(run, "db1"), "T-LINK");
        assertEquals(Status.FAIL, linked.status(), linked.toString());
        assertTrue(linked.message().contains("the guest says 8000 but its ESXi host says 2000"), linked.message());
        assertTrue(linked.evidence().stream().anyMatch(e -> e.source().contains(guestRoot.toString()))
                && linked.evidence().stream().anyMatch(e -> e.source().contains(esxRoot.toString())),
                "evidence from both hosts: " + linked.evidence());
    }

    @Test
    void aGuestWithNoLinkOrAnUnreachableLinkIsAnErrorForTheLinkedRulesOnly() throws IOException {
        Path root = tree("guest");
        Files.writeString(root.resolve("qos"), "8000\n");
        Auditor auditor = auditor(ExampleChecks.oneRule("T-LINK", "{type: same-on-vm-host, path: /qos, "
                + "vm_host_path: /qos}"), ExampleChecks.oneRule("T-FILE", "{type: file, paths: [/qos], kind: regular}"));
        Host unlinked = local("db1", root, Optional.empty(), "guest");
        Host linkedToDown = local("db2", root, Optional.of(new VmLink("esx-down", Optional.of("db2"),
                Optional.empty())), "guest");
        Host down = new Down(new HostInfo("esx-down", Set.of("guest"), Map.of()));

        AuditRun run = auditor.audit(List.of(unlinked, linkedToDown, down));

        Finding noLink = finding(host(run, "db1"), "T-LINK");
        assertEquals(Status.ERROR, noLink.status());
        assertTrue(noLink.message().contains("no ESXi host is linked to db1"), noLink.message());
        Finding downLink = finding(host(run, "db2"), "T-LINK");
        assertEquals(Status.ERROR, downLink.status());
        assertTrue(downLink.message().contains("the ESXi host esx-down could not be audited: connection refused"),
                downLink.message());
        for (String name : List.of("db1", "db2")) {
            assertEquals(Status.PASS, finding(host(run, name), "T-FILE").status(), name);
            assertEquals(HostStatus.AUDITED, host(run, name).status(), name);
        }
        assertEquals(HostStatus.UNREACHABLE, host(run, "esx-down").status());
    }

    @Test
    void aLinkedHostOfAnotherShardIsProbedForTheGuestButNotReported() throws Exception {
        Path guestRoot = tree("guest");
        Path esxRoot = tree("esx");
        Files.writeString(guestRoot.resolve("qos"), "8000\n");
        Files.writeString(esxRoot.resolve("qos"), "8000\n");
        Counting esx = new Counting(local("esx1", esxRoot, Optional.empty(), "guest"));
        Host guest = local("db1", guestRoot, Optional.of(new VmLink("esx1", Optional.of("db1"), Optional.empty())),
                "guest");
        Auditor auditor = auditor(ExampleChecks.oneRule("T-LINK", "{type: same-on-vm-host, path: /qos, "
                + "vm_host_path: /qos}"));

        AuditRun run = auditor.start(List.of(guest), List.of(esx), AuditListener.NONE).await();

        assertEquals(List.of("db1"), run.hosts().stream().map(HostResult::name).toList());
        assertEquals(Status.PASS, finding(run.hosts().get(0), "T-LINK").status());
        assertEquals(1, esx.opened.get(), "probed once, for the guest's rule only");
    }

    /** Fails before roles were checked: a typo in a role skipped every rule and the run passed. */
    @Test
    void aRoleNoLoadedRuleUsesIsAConfigurationErrorWithTheNearestKnownRole() throws IOException {
        Auditor auditor = auditor(ExampleChecks.oneRule("T-FILE", "{type: file, paths: [/], kind: directory}"));
        Host typo = local("db1", tree("guest"), Optional.empty(), "gust");
        QuiesceException e = assertThrows(QuiesceException.class, () -> auditor.start(List.of(typo), AuditListener.NONE));
        assertTrue(e.getMessage().contains("host 'db1': role 'gust' is used by no rule of the loaded rule packs")
                && e.getMessage().contains("did you mean 'guest'?") && e.getMessage().contains("known roles: guest"),
                e.getMessage());
    }

    /** Fails before: a host with no role skipped every rule, and a run of nothing but SKIPPED passed. */
    @Test
    void aHostNoRuleReachesIsNotAudited() throws IOException {
        Auditor auditor = auditor(ExampleChecks.oneRule("T-FILE", "{type: file, paths: [/], kind: directory}"));
        AuditRun run = auditor.audit(List.of(local("db1", tree("guest"), Optional.empty())));
        HostResult host = run.hosts().get(0);
        assertEquals(HostStatus.ERROR, host.status());
        assertTrue(host.error().contains("no loaded rule applies to this host (roles: none)"), host.error());
        assertEquals(RunVerdict.INCOMPLETE, RunVerdict.of(run, Optional.of(Severity.HIGH)));
    }

    @Test
    void aCaptureAuditedThirtyDaysLaterGivesTheSameVerdicts() throws Exception {
        Path root = tree("guest");
        Files.createDirectories(root.resolve("var/log"));
        Path log = Files.writeString(root.resolve("var/log/iris-freeze.log"), "System suspended\n");
        Files.setLastModifiedTime(log, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        List<RulePack> packs = ExampleChecks.packs(ExampleChecks.oneRule("T-RECENT",
                "{type: recent-file, path: /var/log/iris-freeze.log, within: 26h}"));
        Host live = local("db1", root, Optional.empty(), "guest");
        Path file = dir.resolve("db1.capture.json");
        CaptureFile.write(new Capture("db1", Set.of("guest"), TOOL, auditor(packs, Clock.systemUTC()).collect(live)),
                file);

        Clock now = Clock.systemUTC();
        Clock later = Clock.offset(now, Duration.ofDays(30));
        HostResult today = auditor(packs, now).audit(CapturedHost.open(file));
        HostResult nextMonth = auditor(packs, later).audit(CapturedHost.open(file));

        assertEquals(Status.PASS, finding(today, "T-RECENT").status(), finding(today, "T-RECENT").toString());
        assertEquals(finding(today, "T-RECENT"), finding(nextMonth, "T-RECENT"));
        assertEquals(today.asOf(), nextMonth.asOf());
        assertTrue(Duration.between(today.asOf(), Instant.now()).abs().toMinutes() < 5, "as of the host's clock");
        // The auditing machine's clock says the log is a month old; the host's clock, which decides, says 2 h.
        assertTrue(finding(nextMonth, "T-RECENT").observed().contains("modified 2h"), finding(nextMonth,
                "T-RECENT").observed());
    }

    @Test
    void theHostsClockDecidesWindowsEvenWhenTheAuditorsClockIsWrong() throws IOException {
        Path root = tree("guest");
        Path log = Files.writeString(root.resolve("freeze.log"), "x\n");
        Files.setLastModifiedTime(log, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        List<RulePack> packs = ExampleChecks.packs(ExampleChecks.oneRule("T-RECENT",
                "{type: recent-file, path: /freeze.log, within: 26h}"));
        Clock stopped = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);
        HostResult result = auditor(packs, stopped).audit(local("db1", root, Optional.empty(), "guest"));
        assertEquals(Status.FAIL, finding(result, "T-RECENT").status(), "3 days old by the host's clock");
        assertNull(finding(result, "T-RECENT").evidence().stream().filter(e -> e.collected() == null).findAny()
                .orElse(null), "every piece of evidence says when it was collected");
    }

    /** Fails before: a pack whose rules name no role made every host role, even guest, an error. */
    @Test
    void rulesThatNameNoRoleAuditHostsOfAnyRole() throws IOException {
        String roleless = ExampleChecks.oneRule("T-ANY", "{type: file, paths: [/], kind: directory}")
                .replace("    roles: [guest]\n", "");
        Auditor auditor = auditor(roleless);
        HostResult result = auditor.audit(local("web1", tree("web"), Optional.empty(), "webserver"));
        assertEquals(Status.PASS, finding(result, "T-ANY").status());
    }

    /** Fails before: a listener that threw lost every host's result and the report with them. */
    @Test
    void aListenerThatThrowsCostsNoResult() throws Exception {
        Auditor auditor = auditor(ExampleChecks.oneRule("T-FILE", "{type: file, paths: [/], kind: directory}"));
        AuditListener throwing = new AuditListener() {
            @Override
            public void hostFinished(HostResult result) {
                throw new IllegalStateException("the terminal went away");
            }
        };
        AuditRun run = auditor.start(List.of(local("db1", tree("a"), Optional.empty(), "guest"),
                local("db2", tree("b"), Optional.empty(), "guest")), throwing).await();
        assertEquals(List.of(Status.PASS, Status.PASS), run.hosts().stream().map(h -> finding(h, "T-FILE").status())
                .toList());
    }

    /** Fails before: a host whose only rule could not plan was reported as "the audit was stopped". */
    @Test
    void aRuleThatCannotPlanIsThatRulesErrorWithItsCause() throws IOException {
        HostResult result = auditor(ExampleChecks.oneRule("T-PLAN", "{type: broken-plan, path: /etc}"))
                .audit(local("db1", tree("guest"), Optional.empty(), "guest"));
        Finding plan = finding(result, "T-PLAN");
        assertEquals(Status.ERROR, plan.status());
        assertTrue(plan.message().contains("could not plan its facts") && plan.message().contains("no plan for /etc"),
                plan.message());
        assertEquals(HostStatus.AUDITED, result.status(), result.error());
    }

    /** Fails before: with stage 1 cut short, a rule with a second stage was blamed as "a bug in the check". */
    @Test
    void aFirstStageCutShortSaysTheSecondStageDidNotRun() throws IOException {
        Path root = tree("guest");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/instances"), "/etc\n");
        Host cut = new CutShort(local("db1", root, Optional.empty(), "guest"));
        HostResult result = auditor(ExampleChecks.oneRule("T-LIST", "{type: listed-paths, list: /etc/instances}"))
                .audit(cut);
        Finding listed = finding(result, "T-LIST");
        assertEquals(Status.ERROR, listed.status());
        assertTrue(listed.message().contains("the second stage was not run: the first stage's answer is incomplete"),
                listed.message());
        assertEquals(HostStatus.ERROR, result.status());
    }

    /** A host whose stage-1 answer loses its final frame, as when the connection drops at the end. */
    private record CutShort(Host host) implements Host {
        @Override
        public HostInfo info() {
            return host.info();
        }

        @Override
        public String transport() {
            return host.transport();
        }

        @Override
        public HostSession open() throws HostException {
            HostSession session = host.open();
            return HostSession.of(requests -> {
                ProbeStage stage = session.probe(requests);
                String answer = new String(stage.answer(), java.nio.charset.StandardCharsets.ISO_8859_1);
                int end = answer.lastIndexOf(stage.token() + " B end");
                return new ProbeStage(stage.token(), stage.requests(), answer.substring(0, end)
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), stage.received());
            }, session.root(), session::note, session::close);
        }
    }

    /** A host that counts its sessions and stages. */
    private static final class Counting implements Host {
        private final Host host;
        private final AtomicInteger opened = new AtomicInteger();
        private final AtomicInteger probes = new AtomicInteger();

        Counting(Host host) {
            this.host = host;
        }

        @Override
        public HostInfo info() {
            return host.info();
        }

        @Override
        public String transport() {
            return host.transport();
        }

        @Override
        public HostSession open() throws HostException {
            opened.incrementAndGet();
            HostSession session = host.open();
            return HostSession.of(requests -> {
                probes.incrementAndGet();
                return session.probe(requests);
            }, session.root(), session::note, session::close);
        }
    }

    /** A host that refuses connections. */
    private record Down(HostInfo info) implements Host {
        @Override
        public String transport() {
            return "test";
        }

        @Override
        public HostSession open() throws HostException {
            throw new HostException(HostStatus.UNREACHABLE, "connection refused");
        }
    }
}
