package dev.quiesce.check;

import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.model.FileMode;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.List;

/**
 * {@code directory-entries}: every regular file in a directory is owned by the owner, has no more than
 * the given mode, and is not named like a backup or a note. Made for {@code backupScripts.d}, where
 * vmtoolsd runs every regular file as root, whatever its name; a missing directory passes.
 */
final class DirectoryEntriesCheck implements Check<DirectoryEntriesCheck.Parameters> {

    record Parameters(
            @Param(value = "The directory whose entries are inspected.", path = true,
                    example = "/etc/vmware-tools/backupScripts.d") String path,
            @Param(value = "Owner every regular file must have.", required = false, defaultValue = "root")
            String owner,
            @Param(value = "The most a file's mode may grant.", required = false, defaultValue = "0700")
            FileMode maxMode,
            @Param(value = "Name patterns (* and ?) of files that must not be there.", required = false,
                    defaultValue = "*.bak, *~, *.orig, *.old, *.save, *.swp, *.tmp, *.rpmsave, *.rpmnew, "
                            + "*.rpmorig, *.dpkg-*, README*, .*") List<String> forbiddenNames) {}

    @Override
    public String type() {
        return "directory-entries";
    }

    @Override
    public String description() {
        return "Every regular file in the directory has the owner, at most the mode, and no backup or notes name.";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public List<FactRequest> facts(Parameters p, HostInfo host) {
        return List.of(new FactRequest.DirectoryListing(p.path()));
    }

    @Override
    public Verdict evaluate(Parameters p, Facts facts, HostInfo host) {
        String expected = "every regular file owned by " + p.owner() + ", mode " + p.maxMode()
                + " or stricter, no backup or notes file";
        Fact<List<FileInfo>> fact = facts.listing(p.path());
        Tally tally = new Tally();
        tally.evidence(fact.evidence());
        switch (fact) {
            case Fact.Unknown<List<FileInfo>> u -> tally.unknown(u.reason());
            case Fact.Absent<List<FileInfo>> a -> {
                tally.observe(p.path() + " does not exist");
                return tally.verdict(expected, p.path() + " does not exist, so no script runs from it");
            }
            case Fact.Present<List<FileInfo>> present -> {
                present.value().forEach(entry -> inspect(p, entry, tally));
                if (present.value().isEmpty()) {
                    tally.observe(p.path() + " is empty");
                }
            }
        }
        return tally.verdict(expected, "every file in " + p.path() + " is root-run safe");
    }

    private static void inspect(Parameters p, FileInfo entry, Tally tally) {
        String path = entry.path();
        tally.observe(entry.name() + ": " + entry.summary());
        if (entry.kind() == FileKind.SYMLINK) {
            tally.fail(path + " is a symbolic link to " + entry.linkTarget().orElse("?") + "; vmtoolsd runs its target "
                    + "as root, whoever owns it: put the script itself in the directory");
            return;
        }
        if (entry.kind() != FileKind.REGULAR) {
            return; // vmtoolsd skips subdirectories and anything else that is not a regular file
        }
        p.forbiddenNames().stream().filter(glob -> Glob.matches(glob, entry.name())).findFirst().ifPresent(glob ->
                tally.fail(path + " is named like a backup or notes file (" + glob + "), yet vmtoolsd runs it as "
                        + "root at every snapshot: move it out of " + p.path()));
        Ownership.requireOwner(entry, p.owner(), tally);
        if (!entry.mode().noMoreThan(p.maxMode())) {
            tally.fail(path + " has mode " + entry.mode() + ", more than " + p.maxMode() + ": chmod " + p.maxMode()
                    + " " + path);
        }
    }
}
