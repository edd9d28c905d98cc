package dev.quiesce.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.CannedFacts;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.iris.Instance;
import dev.quiesce.model.HostInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the instance lists of both products, their fallbacks and the inventory combine into one reading. */
class InstanceFactsTest {
    private static final FactRequest.CommandOutput IRIS_QLIST = new FactRequest.CommandOutput(AllowedCommand.IRIS_QLIST);
    private static final FactRequest.CommandOutput IRIS_QALL = new FactRequest.CommandOutput(AllowedCommand.IRIS_QALL);
    private static final FactRequest.CommandOutput CCONTROL_QLIST = new FactRequest.CommandOutput(
            AllowedCommand.CCONTROL_QLIST);
    private static final FactRequest.CommandOutput CCONTROL_QALL = new FactRequest.CommandOutput(
            AllowedCommand.CCONTROL_QALL);
    private static final String IRIS_LINE = "IRIS^/usr/irissys^2023.1.0.235.1^running, since x^iris.cpf^1972^52773^0^ok"
            + "^IRIS^Failover^Primary^/usr/irissys/mgr/\n";
    private static final String CACHE_LINE = "CACHE^/usr/cachesys^2018.1.4.505.0^down, last used x^cache.cpf^1972^57772^62972^ok\n";
    private static final String QALL = "Instance Name  Version ID  Port  Directory\n-----  -----  ----  -----\n"
            + "up >QALLONLY  2023.1.0.235.1  1972  /opt/qall\n";
    private static final HostInfo GUEST = new HostInfo("db1", Set.of("guest"), Map.of());

    @Test
    void bothProductsAreListedSideBySide() {
        Facts facts = CannedFacts.builder().command(IRIS_QLIST, 0, IRIS_LINE, "").command(CCONTROL_QLIST, 0, CACHE_LINE, "")
                .build();

        InstanceReading reading = InstanceFacts.read(GUEST, facts);

        InstanceReading.Known known = assertInstanceOf(InstanceReading.Known.class, reading);
        assertEquals(List.of("IRIS", "CACHE"), names(reading));
        assertEquals(List.of(InstanceSource.IRIS_QLIST, InstanceSource.CCONTROL_QLIST), known.sources());
        assertTrue(reading.complete());
        assertEquals(List.of(), reading.notes());
    }

    @Test
    void qallIsNotReadWhereQlistAnswered() {
        Facts facts = CannedFacts.builder().command(IRIS_QLIST, 0, IRIS_LINE, "").command(IRIS_QALL, 0, QALL, "")
                .missing(CCONTROL_QLIST).build();

        InstanceReading reading = InstanceFacts.read(GUEST, facts);

        assertEquals(List.of("IRIS"), names(reading));
        assertTrue(reading.evidence().stream().noneMatch(e -> e.source().contains("qall")), reading.evidence().toString());
    }

    @Test
    void qallIsReadWhereQlistFailedAndANoteSaysSo() {
        Facts facts = CannedFacts.builder().command(IRIS_QLIST, 1, "", "no qlist here").command(IRIS_QALL, 0, QALL, "")
                .missing(CCONTROL_QLIST).build();

        InstanceReading reading = InstanceFacts.read(GUEST, facts);

        InstanceReading.Known known = assertInstanceOf(InstanceReading.Known.class, reading);
        assertEquals(List.of(InstanceSource.IRIS_QALL), known.sources());
        assertEquals("/opt/qall", reading.instances().get(0).instance().directory());
        assertTrue(reading.notes().get(0).contains("iris qlist did not answer (iris qlist exited 1: no qlist here"),
                reading.notes().toString());
    }

    @Test
    void aFailedProductLeavesTheListUnknownAndKeepsTheOthersInstances() {
        Facts facts = CannedFacts.builder().command(IRIS_QLIST, 0, IRIS_LINE, "").command(CCONTROL_QLIST, 1, "", "locked")
                .command(CCONTROL_QALL, 1, "", "locked").build();

        InstanceReading reading = InstanceFacts.read(GUEST, facts);

        InstanceReading.Unknown unknown = assertInstanceOf(InstanceReading.Unknown.class, reading);
        assertEquals(Fact.Cause.COMMAND_FAILED, unknown.cause());
        assertTrue(unknown.reason().contains("ccontrol qlist exited 1: locked"), unknown.reason());
        assertEquals(List.of("IRIS"), names(reading));
        assertFalse(reading.complete());
    }

    @Test
    void aProgramNotOnThePathIsAProductNotInstalledWhateverItsQallSays() {
        // qall was not collected (a capture made before it was asked): the missing program already answers.
        Facts facts = CannedFacts.builder().missing(IRIS_QLIST).missing(CCONTROL_QLIST).build();

        InstanceReading.Known known = assertInstanceOf(InstanceReading.Known.class, InstanceFacts.read(GUEST, facts));

        assertEquals(List.of(), known.instances());
        assertEquals(List.of(), known.sources());
    }

    @Test
    void skippedLinesKeepTheirCommandAndMakeTheListIncomplete() {
        Facts facts = CannedFacts.builder().command(IRIS_QLIST, 0, IRIS_LINE + "garbage\n", "").missing(CCONTROL_QLIST)
                .build();

        InstanceReading reading = InstanceFacts.read(GUEST, facts);

        assertInstanceOf(InstanceReading.Known.class, reading);
        assertEquals(InstanceSource.IRIS_QLIST, reading.skipped().get(0).source());
        assertEquals(2, reading.skipped().get(0).line().line());
        assertFalse(reading.complete());
    }

    @Test
    void whereCommandsCannotRunTheInventoryNamesTheInstances() {
        Facts unavailable = Facts.unknown(Fact.Cause.UNAVAILABLE, "commands are not run (--root /mnt)",
                Instant.parse("2026-01-01T00:00:00Z"));
        HostInfo host = new HostInfo("db1", Set.of("guest"), Map.of("instances", "IRIS=/usr/irissys"));

        InstanceReading.Known known = assertInstanceOf(InstanceReading.Known.class, InstanceFacts.read(host, unavailable));

        assertEquals(List.of(InstanceSource.INVENTORY), known.sources());
        assertEquals(List.of("/usr/irissys/iris.cpf", "/usr/irissys/cache.cpf"), known.instances().get(0).cpfPaths());
        assertTrue(known.evidence().stream().anyMatch(e -> e.fact().equals("inventory")
                && e.collected().equals(Instant.parse("2026-01-01T00:00:00Z"))));

        InstanceReading.Unknown without = assertInstanceOf(InstanceReading.Unknown.class, InstanceFacts.read(GUEST,
                unavailable));
        assertEquals(Fact.Cause.UNAVAILABLE, without.cause());
        assertTrue(without.reason().contains("inventory variable instances"), without.reason());
    }

    @Test
    void onALiveHostTheInventoryVariableIsNotUsed() {
        Facts facts = CannedFacts.builder().command(IRIS_QLIST, 0, IRIS_LINE, "").missing(CCONTROL_QLIST).build();
        HostInfo host = new HostInfo("db1", Set.of("guest"), Map.of("instances", "OTHER=/opt/other"));

        InstanceReading reading = InstanceFacts.read(host, facts);

        assertEquals(List.of("IRIS"), names(reading));
        assertTrue(reading.notes().get(0).contains("is not used"), reading.notes().toString());
    }

    @Test
    void theSecondStageAsksEachInstancesCpfWhereItsListingSaysItIs() {
        Facts first = CannedFacts.builder().command(IRIS_QLIST, 1, "", "").command(IRIS_QALL, 0, QALL, "")
                .command(CCONTROL_QLIST, 0, CACHE_LINE + "ABS^/opt/abs^1^running^/etc/abs.cpf\n"
                        + "UP^/opt/up^1^running^../x.cpf\n", "").build();

        Needs needs = InstanceFacts.needs(GUEST);

        assertEquals(InstanceFacts.commands(), needs.here().first());
        List<String> paths = needs.here().followUp().orElseThrow().from(first).stream()
                .map(r -> ((FactRequest.FileContent) r).path()).toList();
        assertEquals(List.of("/opt/qall/iris.cpf", "/usr/cachesys/cache.cpf", "/etc/abs.cpf", "/opt/up/cache.cpf"), paths);
    }

    @Test
    void aDirectoryNoRequestCanNameGetsNoRequestAndAnUnknownCpf() {
        ListedInstance odd = new ListedInstance(new Instance("ODD", "/opt/a\0b", "1", Instance.State.RUNNING, "running",
                Optional.empty(), Optional.empty(), Optional.empty(), 1), InstanceSource.IRIS_QLIST);

        assertEquals(List.of(), InstanceFacts.cpfRequests(odd));
        assertInstanceOf(Fact.Unknown.class, InstanceFacts.cpf(CannedFacts.builder().build(), odd));
    }

    @Test
    void stageTwoReadsTheCpfsOfTheFirstHundredInstancesOnly() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            many.append("I").append(i).append("^/opt/i").append(i).append("^1^running^iris.cpf\n");
        }
        Facts first = CannedFacts.builder().command(IRIS_QLIST, 0, many.toString(), "").missing(CCONTROL_QLIST).build();

        List<FactRequest<?>> second = InstanceFacts.needs(GUEST).here().followUp().orElseThrow().from(first);

        assertEquals(5_000, InstanceFacts.read(GUEST, first).instances().size());
        assertEquals(InstanceFacts.MAX_CPF_INSTANCES, second.size());
        assertEquals(new FactRequest.FileContent("/opt/i99/iris.cpf", InstanceFacts.CPF_MAX_BYTES), second.get(99));
    }

    @Test
    void finalSlashesGoInOnePassAndTheRootStaysARoot() {
        ListedInstance root = new ListedInstance(new Instance("R", "///", "1", Instance.State.RUNNING, "running",
                Optional.empty(), Optional.empty(), Optional.empty(), 1), InstanceSource.IRIS_QLIST);
        assertEquals(List.of("/iris.cpf"), root.cpfPaths());
        ListedInstance hostile = new ListedInstance(new Instance("H", "/".repeat(300_000) + "x/", "1",
                Instance.State.RUNNING, "running", Optional.empty(), Optional.empty(), Optional.empty(), 1),
                InstanceSource.CCONTROL_QLIST);
        List<String> paths = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                hostile::cpfPaths);
        assertTrue(paths.get(0).endsWith("x/cache.cpf"));
    }

    @Test
    void theCpfIsTheFirstThatExistsAndOneCutAtTheCapIsUnknown() {
        ListedInstance named = new ListedInstance(new Instance("TEST", "/opt/test", "", Instance.State.UNKNOWN, "",
                Optional.empty(), Optional.empty(), Optional.empty(), 1), InstanceSource.INVENTORY);
        FactRequest.FileContent iris = new FactRequest.FileContent("/opt/test/iris.cpf", InstanceFacts.CPF_MAX_BYTES);
        FactRequest.FileContent cache = new FactRequest.FileContent("/opt/test/cache.cpf", InstanceFacts.CPF_MAX_BYTES);

        Fact<InstanceCpf> found = InstanceFacts.cpf(CannedFacts.builder().missing(iris)
                .content(cache, "[MirrorMember]\nSystemName=M/TEST\n").build(), named);
        InstanceCpf cpf = assertInstanceOf(Fact.Present.class, found).value() instanceof InstanceCpf c ? c : null;
        assertEquals("/opt/test/cache.cpf", cpf.path());
        assertTrue(cpf.mirrorMember());

        assertInstanceOf(Fact.Absent.class, InstanceFacts.cpf(CannedFacts.builder().missing(iris).missing(cache).build(),
                named));
        Fact<InstanceCpf> denied = InstanceFacts.cpf(CannedFacts.builder().denied(iris).missing(cache).build(), named);
        assertEquals(Fact.Cause.DENIED, assertInstanceOf(Fact.Unknown.class, denied).cause());
        Fact<InstanceCpf> cut = InstanceFacts.cpf(CannedFacts.builder()
                .content(iris, "x".repeat(InstanceFacts.CPF_MAX_BYTES + 1)).build(), named);
        assertTrue(assertInstanceOf(Fact.Unknown.class, cut).reason().contains("not read whole"));
    }

    private static List<String> names(InstanceReading reading) {
        return reading.instances().stream().map(i -> i.instance().name()).toList();
    }
}
