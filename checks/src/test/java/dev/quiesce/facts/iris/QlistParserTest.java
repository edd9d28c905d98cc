package dev.quiesce.facts.iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QlistParserTest {
    private static final String IRIS_MIRROR = "IRIS^/usr/irissys^2023.1.0.235.1^running, since Mon Jan  1 02:00:00 2024"
            + "^iris.cpf^1972^52773^0^ok^IRIS^Failover^Primary^/usr/irissys/mgr/\n";
    private static final String CACHE_OLD = "CACHE^/usr/cachesys^2015.2.2.805.0^down, last used Fri Mar  3 10:00:00 2023"
            + "^cache.cpf^1972^57772^62972\r\n";

    @Test
    void aCurrentLineGivesEveryFieldAndAnOldCacheLineTheFirstNine() {
        InstanceList list = QlistParser.parse(IRIS_MIRROR + CACHE_OLD);

        assertEquals(List.of(), list.skipped());
        Instance iris = list.instances().get(0);
        assertEquals(new Instance("IRIS", "/usr/irissys", "2023.1.0.235.1", Instance.State.RUNNING,
                "running, since Mon Jan  1 02:00:00 2024", Optional.of("iris.cpf"), Optional.of("Failover"),
                Optional.of("Primary"), 1), iris);
        Instance cache = list.instances().get(1);
        assertEquals(Instance.State.DOWN, cache.state());
        assertEquals(Optional.empty(), cache.mirrorMember());
        assertEquals("/usr/cachesys", cache.directory());
    }

    @Test
    void anEmptyMirrorFieldIsNoMirrorAndAnUnknownStatusIsNeitherRunningNorDown() {
        InstanceList list = QlistParser.parse("TEST^/opt/test^2024.1^sign-on inhibited^iris.cpf^1^2^3^ok^IRIS^^^\n");
        Instance test = list.instances().get(0);
        assertEquals(Instance.State.UNKNOWN, test.state());
        assertEquals(Optional.empty(), test.mirrorMember());
        assertEquals(Optional.empty(), test.mirrorStatus());
    }

    @Test
    void linesThatAreNotInstancesAreSkippedWithWhy() {
        InstanceList list = QlistParser.parse("\nUsage: iris qlist\nIRIS^relative/dir^1^running\n"
                + "bad name^/d^1^running\nIRIS^/usr/irissys^1^running\nIRIS^/other^1^down\n");
        assertEquals(List.of("IRIS"), list.instances().stream().map(Instance::name).toList());
        assertEquals(List.of(2, 3, 4, 6), list.skipped().stream().map(InstanceList.Skipped::line).toList());
        assertTrue(list.skipped().get(0).why().contains("fewer than 4"), list.skipped().get(0).why());
        assertTrue(list.skipped().get(1).why().contains("absolute directory"));
        assertTrue(list.skipped().get(2).why().contains("instance name"));
        assertTrue(list.skipped().get(3).why().contains("listed twice"));
    }

    @Test
    void aSkippedLineKeepsAtMost200CharactersOfItsText() {
        InstanceList list = QlistParser.parse("x".repeat(10_000));
        assertEquals(203, list.skipped().get(0).text().length());
    }
}
