package dev.quiesce.facts.iris;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QallParserTest {
    private static final String QALL = """
            Instance Name     Version ID        Port   Directory
            ----------------  ----------------  -----  ------------------------------
            up >IRIS              2023.1.0.235.1    1972   /usr/irissys
            dn  TEST              2022.1.0.209.0    51773  /opt/iris test
            up  AVERYLONGINSTANCENAME 2021.1.0.215.0 1973 /opt/long
            """;

    @Test
    void rowsAreReadAsWordsAfterTheStatusAndTheDefaultMark() {
        InstanceList list = QallParser.parse(QALL);
        assertEquals(List.of(), list.skipped());
        assertEquals(List.of("IRIS", "TEST", "AVERYLONGINSTANCENAME"), list.instances().stream().map(Instance::name).toList());
        assertEquals(List.of(Instance.State.RUNNING, Instance.State.DOWN, Instance.State.RUNNING),
                list.instances().stream().map(Instance::state).toList());
        assertEquals("/opt/iris test", list.instances().get(1).directory());
        assertEquals("2021.1.0.215.0", list.instances().get(2).version());
        assertEquals(3, list.instances().get(0).line());
    }

    @Test
    void withoutARuleOfDashesTheFirstTwoLinesAreTheHeader() {
        InstanceList list = QallParser.parse("Instance Name  Version  Port  Directory\n\nup >IRIS 2023.1 1972 /usr/irissys\n");
        assertEquals(List.of("IRIS"), list.instances().stream().map(Instance::name).toList());
    }

    @Test
    void rowsThatAreNotInstancesAreSkippedWithWhy() {
        InstanceList list = QallParser.parse(QALL.lines().limit(2).reduce("", (a, b) -> a + b + "\n")
                + "up >IRIS 2023.1 1972\nzz  IRIS 1 2 /d\nup  IRIS 1 2 relative\nup  IRIS 1 2 /d\nup  IRIS 1 2 /e\n");
        assertEquals(List.of("IRIS"), list.instances().stream().map(Instance::name).toList());
        assertEquals(Instance.State.UNKNOWN, list.instances().get(0).state());
        assertEquals(List.of(3, 5, 6, 7), list.skipped().stream().map(InstanceList.Skipped::line).toList());
    }
}
