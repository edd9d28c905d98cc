package dev.quiesce.facts.iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InventoryInstancesTest {
    @Test
    void entriesGiveNamedInstancesWhoseStateAndVersionAreNotKnown() {
        InventoryInstances.Parsed parsed = InventoryInstances.parse("IRIS=/usr/irissys, TEST = /opt/test/ ");

        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of(new Instance("IRIS", "/usr/irissys", "", Instance.State.UNKNOWN, "named in the inventory",
                Optional.empty(), Optional.empty(), Optional.empty(), 1), new Instance("TEST", "/opt/test", "",
                Instance.State.UNKNOWN, "named in the inventory", Optional.empty(), Optional.empty(), Optional.empty(),
                2)), parsed.instances());
    }

    @Test
    void noneSaysThereIsNoInstanceAndAnEmptyValueIsAProblem() {
        assertEquals(new InventoryInstances.Parsed(List.of(), List.of()), InventoryInstances.parse(" none"));
        InventoryInstances.Parsed empty = InventoryInstances.parse("  ");
        assertEquals(List.of(), empty.instances());
        assertTrue(empty.problems().get(0).contains("it is empty"), empty.problems().toString());
    }

    @Test
    void everyWrongEntryIsNamedAndNoInstanceIsTakenFromAWrongValue() {
        InventoryInstances.Parsed parsed = InventoryInstances.parse(
                "IRIS=/usr/irissys,,TEST,A=B=/x,bad name=/x,X=opt,Y=/opt/../etc,Z=,=/z,IRIS=/again,C=/a\u001b[2J,D=/./d");

        assertEquals(List.of(), parsed.instances());
        assertEquals(List.of(
                "entry 2: is empty (two commas in a row, or one at an end)",
                "entry 3 'TEST': has no '=': write NAME=DIR",
                "entry 4 'A=B=/x': has more than one '=': write NAME=DIR, one instance per entry",
                "entry 5 'bad name=/x': 'bad name' is not an instance name (letters, digits, _ % . -, at most 64)",
                "entry 6 'X=opt': the directory 'opt' is not absolute",
                "entry 7 'Y=/opt/../etc': the directory /opt/../etc holds a '..' name: write the directory itself",
                "entry 8 'Z=': has no directory after '='",
                "entry 9 '=/z': has no instance name before '='",
                "entry 10 'IRIS=/again': instance IRIS is named twice",
                "entry 11 'C=/a?[2J': holds a control character",
                "entry 12 'D=/./d': the directory /./d holds a '.' name: write the directory itself"),
                parsed.problems());
    }

    @Test
    void aTrailingCommaIsAnEmptyEntryAndTheRootDirectoryStaysARoot() {
        assertEquals(List.of("entry 2: is empty (two commas in a row, or one at an end)"),
                InventoryInstances.parse("IRIS=/usr/irissys,").problems());
        assertEquals("/", InventoryInstances.parse("IRIS=//").instances().get(0).directory());
    }
}
