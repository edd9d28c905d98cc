package dev.quiesce.check;

import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.model.FileMode;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.ArrayList;
import java.util.List;

/** {@code file}: each path exists, and has the kind, owner, group and mode the rule asks for. */
final class FileCheck implements Check<FileCheck.Parameters> {

    /** The kinds a rule can require. */
    enum Kind {
        REGULAR(FileKind.REGULAR), DIRECTORY(FileKind.DIRECTORY), SYMLINK(FileKind.SYMLINK);

        private final FileKind fileKind;

        Kind(FileKind fileKind) {
            this.fileKind = fileKind;
        }
    }

    record Parameters(
            @Param(value = "The paths to inspect; each must meet every condition given.", path = true,
                    example = "[/usr/sbin/pre-freeze-script]") List<String> paths,
            @Param(value = "The kind each path must be (a symbolic link is not followed).", required = false,
                    example = "regular") Kind kind,
            @Param(value = "Owner name or uid.", required = false, example = "root") String owner,
            @Param(value = "Group name or gid.", required = false, example = "root") String group,
            @Param(value = "The exact permission mode.", required = false, example = "\"0700\"") FileMode mode,
            @Param(value = "The most the mode may grant: no permission bit outside it.", required = false,
                    example = "\"0750\"") FileMode maxMode,
            @Param(value = "The owner must be able to execute the file.", required = false, example = "true")
            Boolean ownerExecutable) {}

    @Override
    public String type() {
        return "file";
    }

    @Override
    public String description() {
        return "Each path exists and has the required kind, owner, group and mode.";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public List<String> crossCheck(Parameters p) {
        return p.mode() != null && p.maxMode() != null
                ? List.of("give either 'mode' (exact) or 'max_mode' (no more than), not both") : List.of();
    }

    @Override
    public List<FactRequest> facts(Parameters p, HostInfo host) {
        return p.paths().stream().<FactRequest>map(FactRequest.FileStat::new).toList();
    }

    @Override
    public Verdict evaluate(Parameters p, Facts facts, HostInfo host) {
        Tally tally = new Tally();
        for (String path : p.paths()) {
            Fact<FileInfo> fact = facts.stat(path);
            tally.evidence(fact.evidence());
            switch (fact) {
                case Fact.Unknown<FileInfo> u -> {
                    tally.observe(path + ": unknown");
                    tally.unknown(u.reason());
                }
                case Fact.Absent<FileInfo> a -> {
                    tally.observe(path + ": missing");
                    tally.fail(path + " does not exist");
                }
                case Fact.Present<FileInfo> present -> inspect(p, present.value(), tally);
            }
        }
        return tally.verdict(expected(p), "every path is as required");
    }

    private static void inspect(Parameters p, FileInfo file, Tally tally) {
        String path = file.path();
        List<String> seen = new ArrayList<>();
        if (p.kind() != null) {
            seen.add(file.kind().description() + file.linkTarget().map(t -> " -> " + t).orElse(""));
            if (file.kind() != p.kind().fileKind) {
                tally.fail(path + " is a " + file.kind().description()
                        + file.linkTarget().map(t -> " to " + t).orElse("") + ", not a "
                        + p.kind().fileKind.description() + ": replace it with the " + p.kind().fileKind.description()
                        + " itself");
            }
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
            tally.fail(path + " has mode " + file.mode() + ", expected " + p.mode() + ": chmod " + p.mode() + " "
                    + path);
        }
        if (p.maxMode() != null && !file.mode().noMoreThan(p.maxMode())) {
            tally.fail(path + " has mode " + file.mode() + ", which grants more than " + p.maxMode() + ": chmod "
                    + p.maxMode() + " " + path);
        }
        if (Boolean.TRUE.equals(p.ownerExecutable()) && !file.mode().ownerExecutable()) {
            tally.fail(path + " is not executable by its owner (mode " + file.mode() + "): chmod u+x " + path);
        }
        tally.observe(path + ": " + (seen.isEmpty() ? file.kind().description() : String.join(" ", seen)));
    }


    private static String expected(Parameters p) {
        List<String> parts = new ArrayList<>();
        parts.add(p.kind() != null ? p.kind().fileKind.description() : "exists");
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
        return String.join(", ", parts);
    }
}
