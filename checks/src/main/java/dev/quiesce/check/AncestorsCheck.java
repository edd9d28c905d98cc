package dev.quiesce.check;

import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ancestors}: every directory above each path is owned by the given owner and writable by no
 * group or other user. Whoever can write to a directory can replace the files in it, so a root-run
 * script is only as safe as the directories above it.
 */
final class AncestorsCheck implements Check<AncestorsCheck.Parameters> {

    record Parameters(
            @Param(value = "The paths whose parent directories are inspected, up to /.", path = true,
                    example = "[/usr/sbin/pre-freeze-script]") List<String> paths,
            @Param(value = "Owner every directory must have (name or uid).", required = false,
                    defaultValue = "root") String owner) {}

    @Override
    public String type() {
        return "ancestors";
    }

    @Override
    public String description() {
        return "Every directory above each path is owned by the owner and not writable by group or others.";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public List<FactRequest> facts(Parameters p, HostInfo host) {
        return ancestors(p.paths()).stream().<FactRequest>map(FactRequest.FileStat::new).toList();
    }

    /** The directories above each path, nearest first, each once: /usr/sbin/x gives /usr/sbin, /usr, /. */
    static List<String> ancestors(List<String> paths) {
        Set<String> directories = new LinkedHashSet<>();
        for (String path : paths) {
            String current = path.replaceAll("/+$", "");
            while (current.lastIndexOf('/') > 0) {
                current = current.substring(0, current.lastIndexOf('/'));
                directories.add(current);
            }
            directories.add("/");
        }
        return new ArrayList<>(directories);
    }

    @Override
    public Verdict evaluate(Parameters p, Facts facts, HostInfo host) {
        Tally tally = new Tally();
        for (String directory : ancestors(p.paths())) {
            Fact<FileInfo> fact = facts.stat(directory);
            tally.evidence(fact.evidence());
            switch (fact) {
                case Fact.Unknown<FileInfo> u -> {
                    tally.observe(directory + ": unknown");
                    tally.unknown(u.reason());
                }
                case Fact.Absent<FileInfo> a -> tally.observe(directory + ": does not exist");
                case Fact.Present<FileInfo> present -> inspect(present.value(), p.owner(), tally);
            }
        }
        return tally.verdict("every directory above owned by " + p.owner() + ", not writable by group or others",
                "every directory above is owned by " + p.owner() + " and writable by its owner only");
    }

    private static void inspect(FileInfo directory, String owner, Tally tally) {
        String path = directory.path();
        tally.observe(path + ": " + directory.mode() + " " + directory.ownerLabel() + ":" + directory.groupLabel()
                + (directory.kind() == FileKind.DIRECTORY ? "" : " (" + directory.kind().description() + ")"));
        if (directory.kind() == FileKind.SYMLINK) {
            tally.unknown(path + " is a symbolic link to " + directory.linkTarget().orElse("?")
                    + "; quiesce does not follow it: check the directories above its target");
            return;
        }
        if (directory.kind() != FileKind.DIRECTORY) {
            tally.fail(path + " is a " + directory.kind().description() + ", not a directory");
            return;
        }
        Ownership.requireOwner(directory, owner, tally);
        if (directory.mode().groupOrOtherWritable()) {
            tally.fail(path + " has mode " + directory.mode() + " and is writable by "
                    + ((directory.mode().bits() & 0020) != 0 ? "its group" : "others")
                    + ", who could replace the script: chmod go-w " + path);
        }
    }
}
