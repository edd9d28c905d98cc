package dev.quiesce.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.facts.CannedFacts;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.facts.ProbeScript;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.host.Host;
import dev.quiesce.host.HostException;
import dev.quiesce.host.HostSession;
import dev.quiesce.model.FileMode;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Status;
import dev.quiesce.model.Tool;
import dev.quiesce.testing.ExampleChecks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Probing one host over one session, when it goes wrong: a stage cut short, a second stage lost with the
 * connection, a host that throws. What arrived whole stands; the host is ERROR with the cause; what could
 * not be had is not collected, never passed.
 */
class HostProbeTest {
    private static final Tool TOOL = new Tool("quiesce", "test");
    private static final HostInfo DB1 = new HostInfo("db1", Set.of("guest"), Map.of());
    private static final String LIST = ExampleChecks.oneRule("T-LIST", "{type: listed-paths, list: /etc/instances}");
    private static final String DIR = ExampleChecks.oneRule("T-DIR", "{type: file, paths: [/etc], kind: directory}");

    private static Auditor auditor(String... rules) {
        List<RulePack> packs = new ArrayList<>();
        for (String rule : rules) {
            packs.addAll(ExampleChecks.packs(rule));
        }
        return new Auditor(ExampleChecks.registry(), packs, TOOL, Clock.systemUTC(), 2);
    }

    private static FileInfo directory(String path) {
        return new FileInfo(path, FileKind.DIRECTORY, new FileMode(0755), 0, 0, Optional.of("root"),
                Optional.of("root"), 4096, Optional.of(Instant.parse("2026-05-01T00:00:00Z")), Optional.empty());
    }

    /** /etc/instances names /usr/irissys (there) and /opt/cache (not there); /etc is a directory. */
    private static CannedFacts instances(String list) {
        return CannedFacts.builder().content(new FactRequest.FileContent("/etc/instances", 4096), list)
                .stat(directory("/etc")).stat(directory("/usr/irissys"))
                .missing(new FactRequest.FileStat("/opt/cache"));
    }

    private static Finding finding(HostResult host, String rule) {
        return host.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void twoWholeStagesAuditTheHost() {
        ScriptedHost host = new ScriptedHost(DB1, instances("/usr/irissys\n/opt/cache\n"));
        HostResult result = auditor(LIST, DIR).audit(host);
        assertEquals(HostStatus.AUDITED, result.status());
        assertNull(result.error());
        assertEquals(Status.FAIL, finding(result, "T-LIST").status());
        assertEquals(2, host.probes.get());
    }

    @Test
    void aFirstStageCutShortLeavesTheHostInErrorWithWhatArrivedStanding() {
        ScriptedHost host = new ScriptedHost(DB1, instances("/usr/irissys\n"), ScriptedHost.Stage.CUT);
        HostResult result = auditor(LIST, DIR).audit(host);
        assertEquals(HostStatus.ERROR, result.status());
        assertEquals("the probe's answer is incomplete: the answer was cut short: the probe's final frame is missing",
                result.error());
        assertEquals(Status.PASS, finding(result, "T-DIR").status(), "its answer arrived whole");
        assertEquals(Status.ERROR, finding(result, "T-LIST").status(), "its second stage never ran");
        assertEquals(1, host.probes.get(), "no second stage after an incomplete first");
    }

    @Test
    void aSecondStageLostWithTheConnectionLeavesTheFirstStagesFactsStanding() {
        ScriptedHost host = new ScriptedHost(DB1, instances("/usr/irissys\n/opt/cache\n"), ScriptedHost.Stage.WHOLE,
                ScriptedHost.Stage.DROPPED);
        HostResult result = auditor(LIST, DIR).audit(host);
        assertEquals(HostStatus.ERROR, result.status());
        assertEquals("the second stage of the probe failed: connection reset by peer", result.error());
        assertEquals(Status.PASS, finding(result, "T-DIR").status());
        Finding list = finding(result, "T-LIST");
        assertEquals(Status.ERROR, list.status());
        assertTrue(list.message().contains("/usr/irissys was not collected: the stage did not run")
                && list.message().contains("/opt/cache was not collected: the stage did not run"), list.message());
        assertEquals(1, host.opened.get());
        assertTrue(result.capture().contains("\"stages\""), "the capture keeps the stage that ran");
    }

    @Test
    void aSecondStageThatNeverRanIsRecordedWithTheRequestsAndIdsItsScriptWouldHaveHad() throws Exception {
        ScriptedHost host = new ScriptedHost(DB1, instances("/usr/irissys\n/opt/cache\n"), ScriptedHost.Stage.WHOLE,
                ScriptedHost.Stage.DROPPED);
        ProbeTranscript transcript = auditor(LIST, DIR).collect(host);
        assertEquals(2, transcript.stages().size());
        assertEquals(new ProbeScript("0123456789abcdef", "", List.of(new FactRequest.FileStat("/usr/irissys"),
                new FactRequest.FileStat("/opt/cache"))).requestsById(), transcript.stages().get(1).requests());
        assertEquals("", transcript.stages().get(1).token(), "never ran");
    }

    @Test
    void aSecondStageCutShortIsNamedAsStageTwoAndWhatArrivedOfItStands() {
        ScriptedHost host = new ScriptedHost(DB1, instances("/usr/irissys\n/opt/cache\n"), ScriptedHost.Stage.WHOLE,
                ScriptedHost.Stage.CUT);
        HostResult result = auditor(LIST, DIR).audit(host);
        assertEquals(HostStatus.ERROR, result.status());
        assertEquals("the probe's answer is incomplete: stage 2: the answer was cut short: the probe's final frame is "
                + "missing", result.error());
        Finding list = finding(result, "T-LIST");
        assertEquals(Status.FAIL, list.status(), list.toString());
        assertTrue(list.message().contains("/opt/cache does not exist"), list.message());
    }

    @Test
    void aFollowUpNamingOnlyWhatTheFirstStageAskedNeedsNoSecondStage() {
        ScriptedHost host = new ScriptedHost(DB1, instances("/etc\n"));
        HostResult result = auditor(LIST, DIR).audit(host);
        assertEquals(Status.PASS, finding(result, "T-LIST").status());
        assertEquals(1, host.probes.get());
        assertEquals(HostStatus.AUDITED, result.status());
    }

    /** A host whose transport has a bug, or a configuration error only found when connecting. */
    private record Throwing(HostInfo info, RuntimeException failure) implements Host {
        @Override
        public String transport() {
            return "test";
        }

        @Override
        public HostSession open() throws HostException {
            throw failure;
        }
    }

    @Test
    void aHostThatThrowsFailsThatHostWithTheCauseAndNotTheAudit() {
        Host broken = new Throwing(DB1, new IllegalStateException("inventory variable 'instance' is not set"));
        Host silent = new Throwing(new HostInfo("db2", Set.of("guest"), Map.of()), new NullPointerException());
        ScriptedHost good = new ScriptedHost(new HostInfo("db3", Set.of("guest"), Map.of()), instances("/etc\n"));
        List<HostResult> hosts = auditor(LIST, DIR).audit(List.of(broken, silent, good)).hosts();

        assertEquals(HostStatus.ERROR, hosts.get(0).status());
        assertEquals("inventory variable 'instance' is not set", hosts.get(0).error());
        assertEquals(HostStatus.ERROR, hosts.get(1).status());
        assertEquals("java.lang.NullPointerException", hosts.get(1).error());
        assertTrue(hosts.get(1).findings().stream().allMatch(f -> f.status() == Status.ERROR
                && f.message().equals("host not audited: java.lang.NullPointerException")), hosts.get(1).findings()
                .toString());
        assertEquals(HostStatus.AUDITED, hosts.get(2).status());
    }
}
