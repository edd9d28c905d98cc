package dev.quiesce.facts.vmtools;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.Version;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ToolsVersionTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12.3.5.46049 (build-22544099)|12.3.5|22544099",
        "13.1.0.0.25218885|13.1.0|25218885", "10.3.10.10540 (build-12406962)|10.3.10|12406962",
        "  11.0.5.17716 (build-15389592)  |11.0.5|15389592"})
    void bothFormsGiveTheReleaseAndTheBuild(String output, String release, long build) {
        ToolsVersion version = ToolsVersion.parse(output + "\n").orElseThrow();
        assertEquals(Version.parse(release).orElseThrow(), version.release());
        assertEquals(Optional.of(build), version.build());
        assertEquals(output.strip(), version.shown());
    }

    @Test
    void theSameReleaseInBothFormsIsTheSameAndOnlyTheReleaseCountsAgainstAMinimum() {
        ToolsVersion legacy = ToolsVersion.parse("12.5.0.12345 (build-99999)").orElseThrow();
        ToolsVersion current = ToolsVersion.parse("12.5.0.0.99999").orElseThrow();
        assertEquals(legacy.release(), current.release());
        Version minimum = Version.parse("12.5.0").orElseThrow();
        assertTrue(legacy.atLeast(minimum) && current.atLeast(minimum));
        assertFalse(current.atLeast(Version.parse("12.5.1").orElseThrow()));
        assertTrue(ToolsVersion.parse("13.1.0.0.25218885").orElseThrow().atLeast(Version.parse("12.3.5").orElseThrow()));
    }

    @Test
    void aBareReleaseHasNoBuild() {
        assertEquals(Optional.empty(), ToolsVersion.parse("12.3.5").orElseThrow().build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "command not found", "12.3", "12.3.5 (build-)", "v12.3.5", "12.3.5.46049",
        "99999999999.1.1", "12.3.5.46049 (build-22544099) extra"})
    void whatIsInNeitherFormIsNoVersion(String output) {
        assertEquals(Optional.empty(), ToolsVersion.parse(output));
    }

    @Test
    void garbageNeverThrows() {
        Random random = new Random(3);
        for (int i = 0; i < 3_000; i++) {
            char[] text = new char[random.nextInt(40)];
            for (int j = 0; j < text.length; j++) {
                text[j] = "0123456789.() build-\n".charAt(random.nextInt(21));
            }
            String output = new String(text);
            assertDoesNotThrow(() -> ToolsVersion.parse(output), output);
        }
    }
}
