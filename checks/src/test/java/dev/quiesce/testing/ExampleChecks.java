package dev.quiesce.testing;

import dev.quiesce.check.BaseCheck;
import dev.quiesce.check.Check;
import dev.quiesce.check.CheckRegistry;
import dev.quiesce.check.HostView;
import dev.quiesce.check.Needs;
import dev.quiesce.check.Param;
import dev.quiesce.check.Tally;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.model.DurationText;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Verdict;
import dev.quiesce.rules.RulePackLoader;
import dev.quiesce.rules.RuleSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Check types the engine's tests use to exercise what no built-in check needs yet: a second stage, a
 * linked ESXi host, time windows, and checks with bugs. Each is written as a third-party check would be.
 */
public final class ExampleChecks {
    private ExampleChecks() {}

    /** The built-in checks and these. */
    public static CheckRegistry registry() {
        List<Check<?>> checks = new ArrayList<>(CheckRegistry.standard().checks());
        checks.addAll(List.of(new ListedPaths(), new SameOnVmHost(), new RecentFile(), new Sneaky(),
                new BrokenFollowUp(), new BrokenPlan(), new Kinds(), new TwoLists(), new VmHostListedPaths(),
                new BrokenVmHostFollowUp()));
        return CheckRegistry.of(checks);
    }

    /** The packs of {@code yaml} (rule pack text) loaded against {@link #registry()}. */
    public static List<RulePack> packs(String yaml) {
        return new RulePackLoader(registry().signatures()).load(List.of(new RuleSource("test.yaml",
                yaml.getBytes(StandardCharsets.UTF_8))));
    }

    /** A rule pack of one rule of {@code check} (a YAML flow mapping) for hosts of role guest. */
    public static String oneRule(String id, String check) {
        return """
                apiVersion: quiesce/v1
                kind: RulePack
                id: %s-pack
                version: "1"
                title: test
                rules:
                  - id: %s
                    title: test rule
                    severity: high
                    roles: [guest]
                    references: [test]
                    check: %s
                """.formatted(id.toLowerCase(java.util.Locale.ROOT), id, check);
    }

    /**
     * {@code listed-paths}: every path named in a list file exists. The list is read in the first stage;
     * the paths it names can only be asked in a second, as instance directories come from iris qlist.
     */
    public static final class ListedPaths extends BaseCheck<ListedPaths.Parameters> {
        public record Parameters(@Param(value = "A file naming one absolute path per line.", path = true) String list) {
            FactRequest.FileContent listFile() {
                return new FactRequest.FileContent(list, 4096);
            }
        }

        public ListedPaths() {
            super("listed-paths", Parameters.class, "Every path the list file names exists.");
        }

        @Override
        public Needs needs(Parameters p, HostInfo host) {
            return Needs.of(p.listFile()).then(first -> stats(first.get(p.listFile())));
        }

        private static List<FactRequest<?>> stats(Fact<dev.quiesce.facts.Content> list) {
            if (!(list instanceof Fact.Present<dev.quiesce.facts.Content> present)) {
                return List.of();
            }
            return present.value().text().lines().filter(l -> l.startsWith("/"))
                    .<FactRequest<?>>map(FactRequest.FileStat::new).toList();
        }

        @Override
        public Verdict evaluate(Parameters p, HostView view) {
            Tally tally = new Tally();
            tally.read(p.list(), view.get(p.listFile()), content -> {
                for (FactRequest<?> stat : stats(view.get(p.listFile()))) {
                    FactRequest.FileStat s = (FactRequest.FileStat) stat;
                    tally.read(s.path(), view.get(s), info -> tally.observe(s.path() + ": " + info.summary()),
                            () -> {
                                tally.observe(s.path() + ": missing");
                                tally.fail(s.path() + " does not exist");
                            });
                }
            }, () -> tally.fail(p.list() + " does not exist"));
            return tally.verdict("every listed path exists", "every listed path exists");
        }
    }

    /** {@code same-on-vm-host}: a file on the guest and a file on the ESXi host it runs on hold the same text. */
    public static final class SameOnVmHost extends BaseCheck<SameOnVmHost.Parameters> {
        public record Parameters(@Param(value = "The file on the guest.", path = true) String path,
                                 @Param(value = "The file on its ESXi host.", path = true) String vmHostPath) {
            FactRequest.FileContent here() {
                return new FactRequest.FileContent(path, 4096);
            }

            FactRequest.FileContent there() {
                return new FactRequest.FileContent(vmHostPath, 4096);
            }
        }

        public SameOnVmHost() {
            super("same-on-vm-host", Parameters.class, "A guest file and its ESXi host's file hold the same text.");
        }

        @Override
        public Needs needs(Parameters p, HostInfo host) {
            return Needs.of(p.here()).onVmHost(List.of(p.there()));
        }

        @Override
        public Verdict evaluate(Parameters p, HostView view) {
            Tally tally = new Tally();
            String[] texts = new String[2];
            tally.read(p.path(), view.get(p.here()), c -> texts[0] = c.text().strip(),
                    () -> tally.fail(p.path() + " is missing on the guest"));
            tally.read(p.vmHostPath(), view.vmHost().get(p.there()), c -> texts[1] = c.text().strip(),
                    () -> tally.fail(p.vmHostPath() + " is missing on the ESXi host"));
            if (texts[0] != null && texts[1] != null) {
                tally.observe("guest: " + texts[0] + "; ESXi host: " + texts[1]);
                if (!texts[0].equals(texts[1])) {
                    tally.fail("the guest says " + texts[0] + " but its ESXi host says " + texts[1]);
                }
            }
            return tally.verdict("the same text on both", "both say " + texts[0]);
        }
    }

    /** {@code recent-file}: a file was modified within a window, by the host's clock when it was probed. */
    public static final class RecentFile extends BaseCheck<RecentFile.Parameters> {
        public record Parameters(@Param(value = "The file.", path = true) String path,
                                 @Param(value = "How recent it must be.", example = "26h") Duration within) {
            FactRequest.FileStat stat() {
                return new FactRequest.FileStat(path);
            }
        }

        public RecentFile() {
            super("recent-file", Parameters.class, "The file was modified within the window.");
        }

        @Override
        public Needs needs(Parameters p, HostInfo host) {
            return Needs.of(p.stat());
        }

        @Override
        public Verdict evaluate(Parameters p, HostView view) {
            Tally tally = new Tally();
            tally.read(p.path(), view.get(p.stat()), info -> {
                Duration age = Duration.between(info.modified().orElseThrow(), view.asOf());
                tally.observe(p.path() + " modified " + DurationText.format(age.withNanos(0)) + " before " + view.asOf());
                if (age.compareTo(p.within()) > 0) {
                    tally.fail(p.path() + " is older than " + DurationText.format(p.within()));
                }
            }, () -> tally.fail(p.path() + " does not exist"));
            return tally.verdict("modified within " + DurationText.format(p.within()), "recent enough");
        }
    }

    /** {@code sneaky}: asks for one file's status and reads another's: a check whose plan and reading drifted. */
    public static final class Sneaky extends BaseCheck<Sneaky.Parameters> {
        public record Parameters(@Param(value = "The file it asks for.", path = true) String path) {}

        public Sneaky() {
            super("sneaky", Parameters.class, "Reads a fact it did not ask for.");
        }

        @Override
        public Needs needs(Parameters p, HostInfo host) {
            return Needs.of(new FactRequest.FileStat(p.path()));
        }

        @Override
        public Verdict evaluate(Parameters p, HostView view) {
            Fact<?> other = view.get(new FactRequest.FileStat(p.path() + ".other"));
            return Verdict.pass("", "", "read " + other, List.of());
        }
    }

    /** {@code broken-plan}: cannot even name its facts (needs throws). */
    public static final class BrokenPlan extends BaseCheck<BrokenPlan.Parameters> {
        public record Parameters(@Param(value = "A file.", path = true) String path) {}

        public BrokenPlan() {
            super("broken-plan", Parameters.class, "Its needs throw.");
        }

        @Override
        public Needs needs(Parameters p, HostInfo host) {
            throw new IllegalStateException("no plan for " + p.path());
        }

        @Override
        public Verdict evaluate(Parameters p, HostView view) {
            return Verdict.pass("", "", "never reached", List.of());
        }
    }

    /** {@code kinds}: a parameter of every kind a check can declare, for tests of loading and binding. */
    public static final class Kinds extends BaseCheck<Kinds.Parameters> {
        public record Parameters(
                @Param(value = "A count.", required = false, min = 1) Integer count,
                @Param(value = "A window.", required = false, defaultValue = "8d") Duration window,
                @Param(value = "A least version.", required = false) dev.quiesce.model.Version minVersion,
                @Param(value = "A pattern.", required = false) java.util.regex.Pattern pattern,
                @Param(value = "Names to values.", required = false) java.util.Map<String, String> labels) {}

        public Kinds() {
            super("kinds", Parameters.class, "Declares every parameter kind.");
        }

        @Override
        public Needs needs(Parameters p, HostInfo host) {
            return Needs.NONE;
        }

        @Override
        public Verdict evaluate(Parameters p, HostView view) {
            return Verdict.pass(String.valueOf(p), "", "bound", List.of());
        }
    }

    /** {@code broken-follow-up}: its second stage cannot be named (the follow-up throws). */
    public static final class BrokenFollowUp extends BaseCheck<BrokenFollowUp.Parameters> {
        public record Parameters(@Param(value = "A file.", path = true) String path) {}

        public BrokenFollowUp() {
            super("broken-follow-up", Parameters.class, "Its follow-up throws.");
        }

        @Override
        public Needs needs(Parameters p, HostInfo host) {
            return Needs.of(new FactRequest.FileStat(p.path())).then((Facts first) -> {
                throw new IllegalStateException("no instance list to read");
            });
        }

        @Override
        public Verdict evaluate(Parameters p, HostView view) {
            return Verdict.pass("", "", "never reached", List.of());
        }
    }

    /**
     * {@code two-lists}: every path named in either of two list files exists, each list with its own
     * follow-up (as a check reading both {@code iris qlist} and {@code ccontrol qlist} would name both).
     */
    public static final class TwoLists extends BaseCheck<TwoLists.Parameters> {
        public record Parameters(@Param(value = "A list file.", path = true) String list,
                                 @Param(value = "Another list file.", path = true) String otherList) {
            FactRequest.FileContent first() {
                return new FactRequest.FileContent(list, 4096);
            }

            FactRequest.FileContent second() {
                return new FactRequest.FileContent(otherList, 4096);
            }
        }

        public TwoLists() {
            super("two-lists", Parameters.class, "Every path either list file names exists.");
        }

        @Override
        public Needs needs(Parameters p, HostInfo host) {
            return Needs.of(p.first(), p.second()).then(first -> ListedPaths.stats(first.get(p.first())))
                    .then(first -> ListedPaths.stats(first.get(p.second())));
        }

        @Override
        public Verdict evaluate(Parameters p, HostView view) {
            Tally tally = new Tally();
            for (FactRequest.FileContent list : List.of(p.first(), p.second())) {
                tally.read(list.path(), view.get(list), content -> exist(view.facts(), ListedPaths.stats(
                        view.get(list)), tally), () -> tally.fail(list.path() + " does not exist"));
            }
            return tally.verdict("every listed path exists", "every listed path exists");
        }
    }

    /** {@code vm-host-listed-paths}: every path a list file on the guest's ESXi host names exists there. */
    public static final class VmHostListedPaths extends BaseCheck<VmHostListedPaths.Parameters> {
        public record Parameters(@Param(value = "A list file on the ESXi host.", path = true) String list) {
            FactRequest.FileContent listFile() {
                return new FactRequest.FileContent(list, 4096);
            }
        }

        public VmHostListedPaths() {
            super("vm-host-listed-paths", Parameters.class, "Every path the ESXi host's list file names exists there.");
        }

        @Override
        public Needs needs(Parameters p, HostInfo host) {
            return Needs.NONE.onVmHost(List.of(p.listFile())).thenOnVmHost(first -> ListedPaths.stats(
                    first.get(p.listFile())));
        }

        @Override
        public Verdict evaluate(Parameters p, HostView view) {
            Tally tally = new Tally();
            tally.read(p.list(), view.vmHost().get(p.listFile()), content -> exist(view.vmHost(), ListedPaths.stats(
                    view.vmHost().get(p.listFile())), tally), () -> tally.fail(p.list() + " does not exist"));
            return tally.verdict("every listed path exists on the ESXi host", "every listed path exists");
        }
    }

    /** {@code broken-vm-host-follow-up}: its second stage on the ESXi host cannot be named (the follow-up throws). */
    public static final class BrokenVmHostFollowUp extends BaseCheck<BrokenVmHostFollowUp.Parameters> {
        public record Parameters(@Param(value = "A file on the ESXi host.", path = true) String path) {}

        public BrokenVmHostFollowUp() {
            super("broken-vm-host-follow-up", Parameters.class, "Its follow-up on the ESXi host throws.");
        }

        @Override
        public Needs needs(Parameters p, HostInfo host) {
            return Needs.NONE.onVmHost(List.of(new FactRequest.FileStat(p.path()))).thenOnVmHost((Facts first) -> {
                throw new IllegalStateException("no VM list to read");
            });
        }

        @Override
        public Verdict evaluate(Parameters p, HostView view) {
            Tally tally = new Tally();
            tally.read(p.path(), view.vmHost().get(new FactRequest.FileStat(p.path())), info -> tally.observe(p.path()),
                    () -> tally.fail(p.path() + " does not exist"));
            return tally.verdict("the file on the ESXi host", "found");
        }
    }

    private static void exist(Facts facts, List<FactRequest<?>> stats, Tally tally) {
        for (FactRequest<?> stat : stats) {
            FactRequest.FileStat s = (FactRequest.FileStat) stat;
            tally.read(s.path(), facts.get(s), info -> tally.observe(s.path() + ": " + info.summary()), () -> {
                tally.observe(s.path() + ": missing");
                tally.fail(s.path() + " does not exist");
            });
        }
    }
}
