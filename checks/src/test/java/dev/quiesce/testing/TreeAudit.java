package dev.quiesce.testing;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.engine.Auditor;
import dev.quiesce.engine.RulePacks;
import dev.quiesce.host.LocalHost;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.Tool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Audits a {@link GuestTree} with the built-in packs through a real local probe. The script-content pack
 * (freeze-thaw-content) is left out of tree audits: under {@code --root} no command runs (no syntax check,
 * no qlist) and the tree holds no /bin/sh, so its rules cannot pass on a tree; its fixtures and
 * ScriptContentEndToEndTest (a live guest) cover it.
 */
public final class TreeAudit {
    private TreeAudit() {}

    /** The built-in packs a tree audit can judge: all but freeze-thaw-content. */
    public static List<dev.quiesce.model.RulePack> treePacks(CheckRegistry registry) {
        return RulePacks.load(registry, true, List.of()).stream().filter(p -> !p.id().equals("freeze-thaw-content"))
                .toList();
    }

    public static HostResult audit(GuestTree tree) {
        CheckRegistry registry = CheckRegistry.standard();
        Auditor auditor = new Auditor(registry, treePacks(registry), new Tool("quiesce", "test"),
                Clock.systemUTC(), 1);
        return auditor.audit(localHost(tree.root()));
    }

    /** Audits the tree with the named built-in packs only (a pack's rules that need commands say so). */
    public static HostResult audit(GuestTree tree, String... packs) {
        CheckRegistry registry = CheckRegistry.standard();
        Auditor auditor = new Auditor(registry, packs(registry, packs), new Tool("quiesce", "test"), Clock.systemUTC(),
                1);
        return auditor.audit(localHost(tree.root()));
    }

    /** The built-in packs of these ids. */
    public static List<dev.quiesce.model.RulePack> packs(CheckRegistry registry, String... ids) {
        List<String> wanted = List.of(ids);
        return RulePacks.load(registry, true, List.of()).stream().filter(p -> wanted.contains(p.id())).toList();
    }

    /**
     * Audits the tree as a live guest: the probe's shell runs where the tree is laid over this machine's
     * {@code /} (scripts/guest-sandbox.sh), so commands run (the tree's stand-ins) and owners read as set.
     */
    public static HostResult auditLive(GuestTree tree, Set<String> roles) {
        CheckRegistry registry = CheckRegistry.standard();
        Auditor auditor = new Auditor(registry, RulePacks.load(registry, true, List.of()), new Tool("quiesce", "test"),
                Clock.systemUTC(), 1);
        List<String> shell = List.of("bash", Path.of("..", "scripts", "guest-sandbox.sh").toAbsolutePath().normalize()
                .toString(), tree.root().toString(), "guest", "--", "/bin/sh", "-s");
        return auditor.audit(new LocalHost(new HostInfo("guest", roles, Map.of()), Optional.empty(),
                Duration.ofSeconds(60), Clock.systemUTC(), shell));
    }

    /** The tree as a local host; it runs no IRIS or Caché instance, and says so as an inventory would. */
    public static LocalHost localHost(Path root) {
        return new LocalHost(new HostInfo("guest", Set.of("guest"), Map.of("instances", "none")), Optional.of(root),
                Duration.ofSeconds(60), Clock.systemUTC());
    }

    /**
     * Whether a finding is ERROR only because the rule needs a command, which is not run on a tree
     * ({@code --root}): a running process, an enabled unit, a version.
     */
    public static boolean needsRunningHost(Finding finding) {
        return finding.status() == dev.quiesce.model.Status.ERROR
                && finding.message().contains("commands are not run when auditing a directory tree");
    }

    /** Whether a finding is SKIPPED because the rule is for other roles (the database rules on a plain guest). */
    public static boolean notForRoles(Finding finding) {
        return finding.status() == dev.quiesce.model.Status.SKIPPED && finding.message().startsWith("not applicable");
    }

    public static Finding finding(HostResult host, String rule) {
        return host.findings().stream().filter(f -> f.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + rule));
    }
}
