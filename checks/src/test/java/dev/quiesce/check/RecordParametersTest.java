package dev.quiesce.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.FileMode;
import dev.quiesce.model.ParameterSpec;
import dev.quiesce.model.Version;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A check's parameter record is its one declaration: the specs the loader validates against and
 * {@code quiesce rules} prints, and the binding of a rule's values, defaults included.
 */
class RecordParametersTest {
    enum Flavour { PLAIN, EXTRA_HOT }

    record Parameters(
            @Param(value = "The directory.", path = true, example = "/etc") String directoryPath,
            @Param(value = "Its owner.", required = false, defaultValue = "root") String owner,
            @Param(value = "Patterns.", required = false, defaultValue = "*.bak, , *~ ,") List<String> forbiddenNames,
            @Param(value = "How many.", required = false, defaultValue = "30", min = 1, max = Long.MAX_VALUE)
            Integer count,
            @Param(value = "Whether.", required = false, defaultValue = "true") Boolean strict,
            @Param(value = "A window.", required = false, defaultValue = "1h30m") Duration window,
            @Param(value = "A least version.", required = false, defaultValue = "12.3") Version least,
            @Param(value = "A mode.", required = false) FileMode maxMode,
            @Param(value = "Names to values.", required = false) Map<String, String> labels,
            @Param(value = "A flavour.", required = false) Flavour flavour) {}

    private static ParameterSpec spec(String name) {
        return RecordParameters.specs(Parameters.class).stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void eachComponentIsAParameterNamedInSnakeCaseOfItsKind() {
        assertEquals(List.of("directory_path", "owner", "forbidden_names", "count", "strict", "window", "least",
                "max_mode", "labels", "flavour"), RecordParameters.specs(Parameters.class).stream()
                .map(ParameterSpec::name).toList());
        assertEquals(ParameterSpec.Kind.PATH, spec("directory_path").kind());
        assertTrue(spec("directory_path").required());
        assertEquals("/etc", spec("directory_path").example());
        assertEquals(ParameterSpec.Kind.STRING_LIST, spec("forbidden_names").kind());
        assertEquals(ParameterSpec.Kind.CHOICE, spec("flavour").kind());
        assertEquals(List.of("plain", "extra-hot"), spec("flavour").choices());
        assertEquals(List.of(), spec("owner").choices());
    }

    @Test
    void aDefaultIsNamedInTheDescriptionAndNoneIsNotMentioned() {
        assertEquals("Its owner. Default: root.", spec("owner").description());
        assertEquals("The directory.", spec("directory_path").description());
    }

    @Test
    void aWholeNumberIsBoundedWithinAnIntAndOtherKindsAreNot() {
        assertEquals(1, spec("count").min());
        assertEquals(Integer.MAX_VALUE, spec("count").max());
        assertEquals(Long.MIN_VALUE, spec("owner").min());
        assertEquals(Long.MAX_VALUE, spec("owner").max());
    }

    @Test
    void parametersNotGivenTakeTheirDefaultsAndOtherwiseNothing() {
        Parameters p = RecordParameters.bind(Parameters.class, Map.of("directory_path", "/etc"));
        assertEquals("root", p.owner());
        assertEquals(List.of("*.bak", "*~"), p.forbiddenNames());
        assertEquals(30, p.count());
        assertEquals(Boolean.TRUE, p.strict());
        assertEquals(Duration.ofMinutes(90), p.window());
        assertEquals(Version.parse("12.3").orElseThrow(), p.least());
        assertEquals(null, p.maxMode());
        assertEquals(Map.of(), p.labels());
        assertEquals(null, p.flavour());
    }

    @Test
    void givenValuesAreBoundAsTheirTypes() {
        Map<String, Object> values = new HashMap<>();
        values.put("directory_path", "/etc");
        values.put("count", 7L);
        values.put("max_mode", "0750");
        values.put("flavour", "extra-hot");
        values.put("forbidden_names", List.of("README*"));
        Parameters p = RecordParameters.bind(Parameters.class, values);
        assertEquals(7, p.count());
        assertEquals(new FileMode(0750), p.maxMode());
        assertEquals(Flavour.EXTRA_HOT, p.flavour());
        assertEquals(List.of("README*"), p.forbiddenNames());
        assertThrows(IllegalArgumentException.class, () -> RecordParameters.bind(Parameters.class,
                Map.of("directory_path", "/etc", "flavour", "EXTRA_HOT")));
    }

    record BadDefault(@Param(value = "A window.", required = false, defaultValue = "soon") Duration window) {}

    record BadVersion(@Param(value = "A version.", required = false, defaultValue = "new") Version least) {}

    @Test
    void aDefaultThatDoesNotParseIsTheCheckAuthorsBugAndSaysWhich() {
        IllegalStateException window = assertThrows(IllegalStateException.class, () -> RecordParameters.bind(
                BadDefault.class, Map.of()));
        assertEquals("bad default soon", window.getMessage());
        IllegalStateException version = assertThrows(IllegalStateException.class, () -> RecordParameters.bind(
                BadVersion.class, Map.of()));
        assertEquals("bad default new", version.getMessage());
    }

    record Validating(@Param("Names.") List<String> names) {
        Validating {
            if (names.contains("x")) {
                throw new IllegalArgumentException("'x' is not a name");
            }
        }
    }

    @Test
    void aRecordThatRefusesItsValuesGivesItsOwnMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordParameters.bind(
                Validating.class, Map.of("names", List.of("x"))));
        assertEquals("'x' is not a name", e.getMessage());
    }

    record Undeclared(String path) {}

    record Unsupported(@Param("A number.") Long count) {}

    record NumberList(@Param("Numbers.") List<Integer> counts) {}

    record NumberMap(@Param("Names to numbers.") Map<String, Integer> counts) {}

    @Test
    void aComponentWithoutParamOrOfAnUnsupportedTypeIsRefused() {
        assertTrue(assertThrows(IllegalStateException.class, () -> RecordParameters.specs(Undeclared.class))
                .getMessage().endsWith("Undeclared.path has no @Param"));
        assertTrue(assertThrows(IllegalStateException.class, () -> RecordParameters.specs(Unsupported.class))
                .getMessage().contains("not java.lang.Long"));
        assertTrue(assertThrows(IllegalStateException.class, () -> RecordParameters.specs(NumberList.class))
                .getMessage().contains("not java.util.List"), "a list holds strings");
        assertTrue(assertThrows(IllegalStateException.class, () -> RecordParameters.specs(NumberMap.class))
                .getMessage().contains("not java.util.Map"), "a mapping maps strings to strings");
    }
}
