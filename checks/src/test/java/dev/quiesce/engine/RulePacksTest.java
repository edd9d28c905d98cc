package dev.quiesce.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.RulePack;
import dev.quiesce.testing.ExampleChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packs and roles of an audit, and the tool that reports name. */
class RulePacksTest {
    @TempDir
    Path dir;

    @Test
    void theUsersPacksComeWithOrWithoutTheBuiltIns() throws IOException {
        Path site = Files.writeString(dir.resolve("site.yaml"), ExampleChecks.oneRule("SITE-1",
                "{type: file, paths: [/etc], kind: directory}"));
        CheckRegistry registry = CheckRegistry.standard();
        List<RulePack> only = RulePacks.load(registry, false, List.of(site));
        assertEquals(List.of("site-1-pack"), only.stream().map(RulePack::id).toList());
        List<RulePack> both = RulePacks.load(registry, true, List.of(site));
        assertTrue(both.size() > 1 && both.stream().anyMatch(p -> p.id().equals("site-1-pack")), both.toString());
        assertFalse(RulePacks.load(registry, true, List.of()).isEmpty());
    }

    @Test
    void noPackAtAllIsAConfigurationErrorThatSaysWhatToGive() {
        QuiesceException e = assertThrows(QuiesceException.class, () -> RulePacks.load(CheckRegistry.standard(), false,
                List.of()));
        assertEquals("no rule packs to audit with: --no-builtin-rules needs --rules PATH", e.getMessage());
    }

    @Test
    void everyHostAndRoleNoRuleUsesIsNamedAtOnce() {
        List<RulePack> packs = ExampleChecks.packs(ExampleChecks.oneRule("T-1", "{type: file, paths: [/]}"));
        QuiesceException e = assertThrows(QuiesceException.class, () -> KnownRoles.require(packs, List.of(
                new HostInfo("db1", Set.of("gust"), Map.of()), new HostInfo("db2", Set.of("guest", "dbserver"),
                        Map.of()))));
        assertTrue(e.getMessage().startsWith("2 problems:\n  host 'db1': role 'gust' is used by no rule"),
                e.getMessage());
        assertTrue(e.getMessage().contains("\n  host 'db2': role 'dbserver' is used by no rule"), e.getMessage());
        KnownRoles.require(packs, List.of(new HostInfo("db3", Set.of("guest"), Map.of()), new HostInfo("db4",
                Set.of(), Map.of())));
    }

    @Test
    void reportsNameThisBuildOfQuiesce() {
        assertEquals("quiesce", ToolVersion.tool().name());
        assertTrue(ToolVersion.tool().version().matches("[0-9]+\\.[0-9]+.*"), ToolVersion.tool().version());
    }
}
