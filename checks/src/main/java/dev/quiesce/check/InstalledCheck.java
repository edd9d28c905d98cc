package dev.quiesce.check;

import com.google.auto.service.AutoService;
import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.CommandResult;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.facts.ShownText;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code installed}: a piece of software is installed, by its package ({@code dpkg-query}, {@code rpm -q})
 * or by one of its programs on disk (software installed without a package manager). One source that
 * finds it passes. A missing package manager says nothing, and neither does a command that could not run
 * here ({@code --root}): the programs then decide alone. Nothing found with every source known fails; a
 * source that could not be read (a stat denied, a package query that failed), with nothing found, is ERROR.
 */
@AutoService(Check.class)
public final class InstalledCheck extends BaseCheck<InstalledCheck.Parameters> {
    /** dpkg's third status word when the package's files are on disk. */
    private static final Set<String> DPKG_INSTALLED = Set.of("installed", "triggers-awaited", "triggers-pending");

    public record Parameters(
            @Param(value = "The package name, for dpkg-query and rpm.", example = "open-vm-tools") String packageName,
            @Param(value = "Paths where an installed program would be; any one there (a file or a link) passes.",
                    path = true, example = "[/usr/bin/vmtoolsd, /usr/sbin/vmtoolsd]") List<String> programs) {

        FactRequest.CommandOutput dpkg() {
            return new FactRequest.CommandOutput(AllowedCommand.DPKG_QUERY_STATUS, List.of(packageName)).meaning(1);
        }

        FactRequest.CommandOutput rpm() {
            return new FactRequest.CommandOutput(AllowedCommand.RPM_QUERY, List.of(packageName)).meaning(1);
        }

        List<FactRequest.FileStat> stats() {
            return programs.stream().map(FactRequest.FileStat::new).toList();
        }
    }

    @Override
    public List<String> crossCheck(Parameters p) {
        return AllowedCommand.DPKG_QUERY_STATUS.accepts(List.of(p.packageName()))
                && AllowedCommand.RPM_QUERY.accepts(List.of(p.packageName())) ? List.of()
                : List.of("'package_name' is not a package name dpkg-query and rpm take: " + p.packageName());
    }

    public InstalledCheck() {
        super("installed", Parameters.class,
                "The software is installed: its package, or one of its programs on disk.");
    }

    @Override
    public Needs needs(Parameters p, HostInfo host) {
        List<FactRequest<?>> all = new ArrayList<>(List.of(p.dpkg(), p.rpm()));
        all.addAll(p.stats());
        return Needs.of(all);
    }

    @Override
    public Verdict evaluate(Parameters p, HostView view) {
        Tally tally = new Tally();
        List<String> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        query(view.get(p.dpkg()), "dpkg-query", tally, unknown, result -> {
            // One status line per installed architecture (multi-arch): any one installed is enough.
            List<String> lines = result.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (result.exitStatus() != 0) {
                tally.observe("dpkg: no package " + p.packageName());
                return;
            }
            String shown = "dpkg: " + p.packageName() + " " + ShownText.escaped(String.join(" / ", lines));
            tally.observe(shown);
            if (lines.isEmpty() || lines.stream().anyMatch(l -> l.split("\\s+").length != 3)) {
                unknown.add("unexpected answer for " + p.dpkg().describe() + ": '"
                        + ShownText.escaped(String.join(" / ", lines)) + "'");
            } else if (lines.stream().anyMatch(l -> DPKG_INSTALLED.contains(l.split("\\s+")[2]))) {
                found.add(shown);
            }
        });
        query(view.get(p.rpm()), "rpm", tally, unknown, result -> {
            String first = result.stdout().strip().lines().findFirst().orElse("");
            tally.observe("rpm: " + (result.exitStatus() == 0 ? ShownText.escaped(first) : p.packageName()
                    + " is not installed"));
            if (result.exitStatus() == 0) {
                found.add("rpm: " + ShownText.escaped(first));
            }
        });
        for (FactRequest.FileStat stat : p.stats()) {
            Fact<FileInfo> fact = view.get(stat);
            tally.evidence(fact.evidence());
            switch (fact) {
                case Fact.Present<FileInfo> f -> {
                    FileInfo file = f.value();
                    tally.observe(stat.path() + ": " + file.kind().description()
                            + file.linkTarget().map(t -> " -> " + ShownText.escaped(t)).orElse(""));
                    if (file.kind() == FileKind.REGULAR || file.kind() == FileKind.SYMLINK) {
                        found.add(stat.path());
                    }
                }
                case Fact.Absent<FileInfo> a -> tally.observe(stat.path() + ": missing");
                case Fact.Unknown<FileInfo> u -> {
                    tally.observe(stat.path() + ": unknown");
                    unknown.add(u.reason());
                }
            }
        }
        String expected = p.packageName() + " installed (package, or one of " + String.join(", ", p.programs()) + ")";
        if (found.isEmpty() && !unknown.isEmpty()) {
            unknown.forEach(tally::unknown);
        } else if (found.isEmpty()) {
            tally.fail(p.packageName() + " is not installed: no package and none of " + String.join(", ", p.programs())
                    + "; install it (apt-get install " + p.packageName() + ", or dnf install " + p.packageName() + ")");
        }
        return tally.verdict(expected, p.packageName() + " is installed (" + String.join("; ", found) + ")");
    }

    /**
     * A package query: its result, or nothing when the manager is not installed or commands cannot run here
     * ({@code --root}); any other unknown is kept, to make ERROR if nothing is found.
     */
    private static void query(Fact<CommandResult> fact, String manager, Tally tally, List<String> unknown,
                              java.util.function.Consumer<CommandResult> present) {
        tally.evidence(fact.evidence());
        switch (fact) {
            case Fact.Present<CommandResult> r -> present.accept(r.value());
            case Fact.Absent<CommandResult> a -> tally.observe(manager + ": not installed");
            case Fact.Unknown<CommandResult> u when u.cause() == Fact.Cause.UNAVAILABLE ->
                    tally.observe(manager + ": not run (" + u.reason() + ")");
            case Fact.Unknown<CommandResult> u -> {
                tally.observe(manager + ": unknown");
                unknown.add(u.reason());
            }
        }
    }
}
