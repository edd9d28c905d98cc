package dev.quiesce.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.HostInfo;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.Verdict;
import dev.quiesce.rules.RulePackLoader;
import dev.quiesce.rules.RuleSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Check types as rule packs meet them: described, one per type, and their own validation reported at load. */
class CheckRegistryTest {
    /** A check whose parameter record refuses a value no parameter kind can: a rule between items. */
    static final class Distinct extends BaseCheck<Distinct.Parameters> {
        record Parameters(@Param("Names, each once.") List<String> names) {
            Parameters {
                if (names.size() != names.stream().distinct().count()) {
                    throw new IllegalArgumentException("'names' lists a name twice: give each once");
                }
            }
        }

        Distinct() {
            super("distinct", Parameters.class, "Names, each once.");
        }

        @Override
        public Needs needs(Parameters p, HostInfo host) {
            return Needs.NONE;
        }

        @Override
        public Verdict evaluate(Parameters p, HostView view) {
            return Verdict.pass("", "", "", List.of());
        }
    }

    private static void load(CheckRegistry registry, String check) {
        String pack = """
                apiVersion: quiesce/v1
                kind: RulePack
                id: t
                version: "1"
                title: t
                rules:
                  - id: T-1
                    title: t
                    severity: low
                    references: [test]
                    check: %s
                """.formatted(check);
        new RulePackLoader(registry.signatures()).load(List.of(new RuleSource("t.yaml",
                pack.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void everyCheckTypeDescribesItselfForQuiesceRules() {
        for (Check<?> check : CheckRegistry.standard().checks()) {
            assertFalse(check.description().isBlank(), check.type());
            assertTrue(check.description().endsWith("."), check.type() + ": " + check.description());
        }
    }

    @Test
    void aParameterRecordThatRefusesItsValuesIsAProblemOfThePackWithItsMessage() {
        CheckRegistry registry = CheckRegistry.of(List.of(new Distinct()));
        load(registry, "{type: distinct, names: [a, b]}");
        QuiesceException e = assertThrows(QuiesceException.class, () -> load(registry,
                "{type: distinct, names: [a, a]}"));
        assertTrue(e.getMessage().contains("'names' lists a name twice: give each once"), e.getMessage());
    }

    @Test
    void twoChecksClaimingOneTypeAreAStartupErrorNamingBoth() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CheckRegistry.of(List.of(
                new Distinct(), new Distinct())));
        assertTrue(e.getMessage().contains("check type 'distinct' is claimed by both"), e.getMessage());
    }
}
