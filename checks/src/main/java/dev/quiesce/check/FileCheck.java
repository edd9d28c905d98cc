package dev.quiesce.check;

import com.google.auto.service.AutoService;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.facts.ShellQuote;
import dev.quiesce.facts.ShownText;
import dev.quiesce.model.FileMode;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code file}: each path exists, and has the kind, owner, group and mode the rule asks for. With
 * {@code only_if}, a path that is missing or of another kind is not judged here (the rule that
 * requires its kind reports it once), instead of failing every rule about the same file.
 */
@AutoService(Check.class)
public final class FileCheck extends BaseCheck<FileCheck.Parameters> {

    /** The kinds a rule can require. */
    public enum Kind {
        REGULAR(FileKind.REGULAR), DIRECTORY(FileKind.DIRECTORY), SYMLINK(FileKind.SYMLINK);

        private final FileKind fileKind;

        Kind(FileKind fileKind) {
            this.fileKind = fileKind;
        }
    }

    public record Parameters(
            @Param(value = "The paths to inspect; each must meet every condition given.", path = true,
                    example = "[/usr/sbin/pre-freeze-script]") List<String> paths,
            @Param(value = "The kind each path must be (a symbolic link is not followed).", required = false,
                    example = "regular") Kind kind,
            @Param(value = "Judge only paths of this kind: a missing path, or one of another kind, is not checked "
                    + "by this rule (another rule requires the kind).", required = false, example = "regular")
            Kind onlyIf,
            @Param(value = "Owner name or uid.", required = false, example = "root") String owner,
            @Param(value = "Group name or gid.", required = false, example = "root") String group,
            @Param(value = "The exact permission mode.", required = false, example = "\"0700\"") FileMode mode,
            @Param(value = "The most the mode may grant: no permission bit outside it.", required = false,
                    example = "\"0750\"") FileMode maxMode,
            @Param(value = "The owner must be able to execute the file.", required = false, example = "true")
            Boolean ownerExecutable) {

        List<FactRequest.FileStat> stats() {
            return paths.stream().map(FactRequest.FileStat::new).toList();
        }
    }

    public FileCheck() {
        super("file", Parameters.class, "Each path exists and has the required kind, owner, group and mode.");
    }

    @Override
    public List<String> crossCheck(Parameters p) {
        List<String> problems = new ArrayList<>();
        if (p.mode() != null && p.maxMode() != null) {
            problems.add("give either 'mode' (exact) or 'max_mode' (no more than), not both");
        }
        if (p.kind() != null && p.onlyIf() != null) {
            problems.add("give either 'kind' (the path must be of it) or 'only_if' (judge only paths of it), not both");
        }
        return problems;
    }

    @Override
    public Needs needs(Parameters p, HostInfo host) {
        return Needs.of(p.stats());
    }

    @Override
    public Verdict evaluate(Parameters p, HostView view) {
        Tally tally = new Tally();
        for (FactRequest.FileStat stat : p.stats()) {
            String path = stat.path();
            tally.read(path, view.get(stat), file -> {
                if (p.onlyIf() != null && file.kind() != p.onlyIf().fileKind) {
                    tally.notChecked(path + " is a " + file.kind().description()
                            + file.linkTarget().map(t -> " to " + ShownText.escaped(t)).orElse(""));
                } else {
                    inspect(p, file, tally);
                }
            }, () -> {
                if (p.onlyIf() != null) {
                    tally.notChecked(path + " is missing");
                } else {
                    tally.observe(path + ": missing");
                    tally.fail(path + " does not exist");
                }
            });
        }
        return tally.verdict(expected(p), "every path is as required");
    }

    private static void inspect(Parameters p, FileInfo file, Tally tally) {
        String path = file.path();
        String word = ShellQuote.word(path);
        List<String> seen = new ArrayList<>();
        if (p.kind() != null) {
            seen.add(file.kind().description() + file.linkTarget().map(t -> " -> " + ShownText.escaped(t)).orElse(""));
            if (file.kind() != p.kind().fileKind) {
                tally.fail(path + " is a " + file.kind().description()
                        + file.linkTarget().map(t -> " to " + ShownText.escaped(t)).orElse("") + ", not a "
                        + p.kind().fileKind.description() + ": " + (file.kind() == FileKind.SYMLINK
                        ? LinkFix.advice(file) : "replace it with the " + p.kind().fileKind.description() + " itself"));
            }
        }
        boolean judgesMode = p.owner() != null || p.group() != null || p.mode() != null || p.maxMode() != null
                || p.ownerExecutable() != null;
        if (file.kind() == FileKind.SYMLINK && p.kind() != Kind.SYMLINK && judgesMode) {
            // A link's own mode is always 0777 and chmod or chown follow it: neither says anything of the script.
            if (p.kind() == null) {
                tally.fail(path + " is a symbolic link to " + file.linkTarget().map(ShownText::escaped).orElse("?") + ": "
                        + LinkFix.advice(file));
            }
            tally.observe(path + ": symbolic link" + file.linkTarget().map(t -> " -> " + ShownText.escaped(t)).orElse(""));
            return;
        }
        if (p.owner() != null || p.group() != null) {
            seen.add(file.ownerLabel() + ":" + file.groupLabel());
            if (p.owner() != null) {
                Ownership.requireOwner(file, p.owner(), tally);
            }
            if (p.group() != null) {
                Ownership.requireGroup(file, p.group(), tally);
            }
        }
        if (p.mode() != null || p.maxMode() != null || p.ownerExecutable() != null) {
            seen.add(file.mode().toString());
        }
        if (p.mode() != null && !file.mode().equals(p.mode())) {
            tally.fail(path + " has mode " + file.mode() + ", expected " + p.mode() + ": chmod " + p.mode() + " " + word);
        }
        if (p.maxMode() != null && !file.mode().noMoreThan(p.maxMode())) {
            tally.fail(path + " has mode " + file.mode() + ", which grants more than " + p.maxMode() + ": chmod "
                    + p.maxMode() + " " + word);
        }
        if (Boolean.TRUE.equals(p.ownerExecutable()) && !file.mode().ownerExecutable()) {
            tally.fail(path + " is not executable by its owner (mode " + file.mode() + "): chmod u+x " + word);
        }
        tally.observe(path + ": " + (seen.isEmpty() ? file.kind().description() : String.join(" ", seen)));
    }

    private static String expected(Parameters p) {
        List<String> parts = new ArrayList<>();
        if (p.onlyIf() == null) {
            parts.add(p.kind() != null ? p.kind().fileKind.description() : "exists");
        }
        if (p.owner() != null || p.group() != null) {
            parts.add("owner " + (p.owner() == null ? "any" : p.owner()) + ", group "
                    + (p.group() == null ? "any" : p.group()));
        }
        if (p.mode() != null) {
            parts.add("mode " + p.mode());
        }
        if (p.maxMode() != null) {
            parts.add("mode " + p.maxMode() + " or stricter");
        }
        if (Boolean.TRUE.equals(p.ownerExecutable())) {
            parts.add("executable by owner");
        }
        return (p.onlyIf() == null ? "" : "if a " + p.onlyIf().fileKind.description() + ": ") + String.join(", ", parts);
    }
}
