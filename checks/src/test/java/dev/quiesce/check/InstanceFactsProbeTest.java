package dev.quiesce.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.ShellProbe;
import dev.quiesce.facts.ShellQuote;
import dev.quiesce.model.HostInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both stages through the real probe script and /bin/sh, with stand-ins for iris (shell functions the
 * script finds before any program): the instance list in stage 1, then the CPF its listing names, at a
 * path with a blank and a quote, in stage 2.
 */
class InstanceFactsProbeTest {
    private static final HostInfo HOST = new HostInfo("db1", Set.of("guest", "iris"), Map.of());

    @TempDir
    Path dir;

    @Test
    void qlistNamesTheInstanceAndStageTwoReadsItsCpf() throws IOException {
        assumeTrue(ShellProbe.executable("ccontrol").isEmpty(), "ccontrol is installed here");
        Path install = Files.createDirectories(dir.resolve("it's irissys"));
        Files.writeString(install.resolve("iris.cpf"), "[MirrorMember]\nSystemName=MIRRORA/IRIS\n[Mirrors]\n"
                + "MIRRORA=guid,2,1,,12000,0\n[Journal]\nCurrentDirectory=/journal1/\n");
        String iris = "iris() { case \"$1\" in qlist) printf '%s\\n' " + ShellQuote.quote("IRIS^" + install
                + "^2023.1.0.235.1^running, since x^iris.cpf^1972^52773^0^ok^IRIS^Failover^Primary^/d/") + ";; "
                + "*) echo 'qall must not be needed' >&2; return 9;; esac; }\n";

        Facts first = ShellProbe.run(ShellProbe.sh().withPrelude(iris), "", InstanceFacts.commands()).facts();
        InstanceReading reading = InstanceFacts.read(HOST, first);

        InstanceReading.Known known = assertInstanceOf(InstanceReading.Known.class, reading, reading.toString());
        assertEquals(List.of(InstanceSource.IRIS_QLIST), known.sources(), "ccontrol is not installed: not a source");
        List<FactRequest<?>> second = InstanceFacts.needs(HOST).here().followUp().orElseThrow().from(first);
        assertEquals(List.of(new FactRequest.FileContent(install + "/iris.cpf", InstanceFacts.CPF_MAX_BYTES)), second);

        Facts stageTwo = ShellProbe.run(ShellProbe.sh(), "", second).facts();
        InstanceCpf cpf = ((Fact.Present<InstanceCpf>) assertInstanceOf(Fact.Present.class,
                InstanceFacts.cpf(stageTwo, known.instances().get(0)))).value();
        assertTrue(cpf.mirrorMember());
        assertEquals(Duration.ofMillis(12000), cpf.cpf().mirrors().get(0).qosTimeout().orElseThrow());
        assertEquals(List.of("/journal1/"), cpf.cpf().journalDirectories());
    }

    @Test
    void whereQlistFailsOnTheHostQallIsRead() {
        String iris = "iris() { case \"$1\" in qlist) echo 'no such command' >&2; return 1;; "
                + "qall) printf 'Instance Name  Version ID  Port  Directory\\n----  ----  ----  ----\\n"
                + "up >IRIS  2023.1.0.235.1  1972  /usr/irissys\\n';; esac; }\n"
                + "ccontrol() { echo 'ccontrol: registry locked' >&2; return 1; }\n";

        Facts first = ShellProbe.run(ShellProbe.sh().withPrelude(iris), "", InstanceFacts.commands()).facts();
        InstanceReading reading = InstanceFacts.read(HOST, first);

        InstanceReading.Unknown unknown = assertInstanceOf(InstanceReading.Unknown.class, reading, reading.toString());
        assertEquals(Fact.Cause.COMMAND_FAILED, unknown.cause());
        assertTrue(unknown.reason().contains("ccontrol qlist exited 1: ccontrol: registry locked"), unknown.reason());
        assertEquals(InstanceSource.IRIS_QALL, reading.instances().get(0).source());
        assertTrue(reading.notes().get(0).contains("iris qlist did not answer"), reading.notes().toString());
    }
}
