package dev.quiesce;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.quiesce.check.Check;
import dev.quiesce.check.CheckRegistry;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shape ARCHITECTURE.md gives the library: package arrows point down its table only, and a check
 * type keeps no state between hosts. {@code simulate} (running freeze/thaw scripts in a sandbox on the
 * auditing machine) sits beside {@code engine}: it may read captures and facts, and nothing in the
 * library depends on it.
 */
class ArchitectureTest {
    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.quiesce");

    @Test
    void packageArrowsPointDownTheArchitectureTableOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("dev.quiesce.model..")
                .layer("files").definedBy("dev.quiesce.files..")
                .layer("config").definedBy("dev.quiesce.config..")
                .layer("rules").definedBy("dev.quiesce.rules..")
                .layer("facts").definedBy("dev.quiesce.facts..")
                .layer("host").definedBy("dev.quiesce.host..")
                .layer("check").definedBy("dev.quiesce.check..")
                .layer("engine").definedBy("dev.quiesce.engine..")
                .layer("report").definedBy("dev.quiesce.report..")
                .layer("simulate").definedBy("dev.quiesce.simulate..")
                .whereLayer("engine").mayNotBeAccessedByAnyLayer()
                .whereLayer("simulate").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayNotBeAccessedByAnyLayer()
                .whereLayer("check").mayOnlyBeAccessedByLayers("engine")
                .whereLayer("host").mayOnlyBeAccessedByLayers("engine", "simulate")
                .whereLayer("facts").mayOnlyBeAccessedByLayers("host", "check", "engine", "simulate")
                .whereLayer("rules").mayOnlyBeAccessedByLayers("engine")
                .whereLayer("config").mayOnlyBeAccessedByLayers("rules", "host", "engine")
                .check(LIBRARY);
    }

    @Test
    void filesAreReadAndWrittenWithModelOnly() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAPackage("dev.quiesce.files..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quiesce.config..", "dev.quiesce.rules..",
                        "dev.quiesce.facts..", "dev.quiesce.host..", "dev.quiesce.check..", "dev.quiesce.engine..",
                        "dev.quiesce.report..")
                .check(LIBRARY);
    }

    @Test
    void everyCheckTypeKeepsNoState() {
        List<String> mutable = new ArrayList<>();
        for (Check<?> check : CheckRegistry.standard().checks()) {
            for (Class<?> type = check.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
                        mutable.add(type.getName() + "." + field.getName());
                    }
                }
            }
        }
        assertTrue(mutable.isEmpty(), "check types are shared by every host of an audit and must keep no state; "
                + "these fields are not final: " + mutable);
    }
}
