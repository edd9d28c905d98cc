package dev.quiesce.check;

import com.google.auto.service.AutoService;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.facts.ShellQuote;
import dev.quiesce.facts.ShownText;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ancestors}: every directory above each path is owned by the given owner and writable by no
 * group or other user. Whoever can write to a directory can replace the files in it, so a root-run
 * script is only as safe as the directories above it. A directory that does not exist is not judged
 * (its parent, which is, decides who may create it), and the finding says so.
 */
@AutoService(Check.class)
public final class AncestorsCheck extends BaseCheck<AncestorsCheck.Parameters> {

    public record Parameters(
            @Param(value = "The paths whose parent directories are inspected, up to /.", path = true,
                    example = "[/usr/sbin/pre-freeze-script]") List<String> paths,
            @Param(value = "Owner every directory must have (name or uid).", required = false,
                    defaultValue = "root") String owner) {

        List<FactRequest.FileStat> stats() {
            return ancestors(paths).stream().map(FactRequest.FileStat::new).toList();
        }
    }

    public AncestorsCheck() {
        super("ancestors", Parameters.class,
                "Every directory above each path is owned by the owner and not writable by group or others.");
    }

    @Override
    public Needs needs(Parameters p, HostInfo host) {
        return Needs.of(p.stats());
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
    public Verdict evaluate(Parameters p, HostView view) {
        Tally tally = new Tally();
        for (FactRequest.FileStat stat : p.stats()) {
            String directory = stat.path();
            tally.read(directory, view.get(stat), info -> inspect(info, p.owner(), tally),
                    () -> tally.notChecked(directory + " does not exist"));
        }
        return tally.verdict("every directory above owned by " + p.owner() + ", not writable by group or others",
                "every directory above is owned by " + p.owner() + " and writable by its owner only");
    }

    private static void inspect(FileInfo directory, String owner, Tally tally) {
        String path = directory.path();
        tally.observe(path + ": " + directory.mode() + " " + directory.ownerLabel() + ":" + directory.groupLabel()
                + (directory.kind() == FileKind.DIRECTORY ? "" : " (" + directory.kind().description() + ")"));
        if (directory.kind() == FileKind.SYMLINK) {
            tally.unknown(path + " is a symbolic link to " + directory.linkTarget().map(ShownText::escaped).orElse("?")
                    + "; quiesce does not follow it: check the directories above its target");
            return;
        }
        if (directory.kind() != FileKind.DIRECTORY) {
            tally.fail(path + " is a " + directory.kind().description() + ", not a directory");
            return;
        }
        Ownership.requireOwner(directory, owner, tally);
        if (directory.mode().groupOrOtherWritable()) {
            int bits = directory.mode().bits();
            tally.fail(path + " has mode " + directory.mode() + " and is writable by "
                    + ((bits & 0022) == 0022 ? "its group and others" : (bits & 0020) != 0 ? "its group" : "others")
                    + ", who could replace the script: chmod go-w " + ShellQuote.word(path));
        }
    }
}
