package dev.quiesce.check;

import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Facts;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lookalikes}: no file in the given directories has a name near an expected one, except the
 * expected name itself in its home directory. Catches {@code pre-freeze-script.sh},
 * {@code pre_freeze_script}, {@code Pre-Freeze-Script}, {@code pre-freeze-script.bak} and copies of
 * the script in the wrong directory.
 */
final class LookalikesCheck implements Check<LookalikesCheck.Parameters> {

    record Parameters(
            @Param(value = "The exact names expected.", example = "[pre-freeze-script, post-thaw-script]")
            List<String> names,
            @Param(value = "Directories to search for near misses.", path = true,
                    example = "[/usr/sbin, /usr/local/sbin]") List<String> directories,
            @Param(value = "The directory where the exact names belong; an exact name elsewhere is a misplaced "
                    + "copy.", path = true, required = false, example = "/usr/sbin") String home) {}

    @Override
    public String type() {
        return "lookalikes";
    }

    @Override
    public String description() {
        return "No file in the directories has a name close to an expected name, except the name itself in its "
                + "home directory.";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public List<String> crossCheck(Parameters p) {
        return p.names().stream().filter(n -> n.contains("/")).map(n -> "'names' holds file names, not paths: "
                + n).toList();
    }

    @Override
    public List<FactRequest> facts(Parameters p, HostInfo host) {
        return p.directories().stream().<FactRequest>map(FactRequest.DirectoryListing::new).toList();
    }

    @Override
    public Verdict evaluate(Parameters p, Facts facts, HostInfo host) {
        Tally tally = new Tally();
        List<String> found = new ArrayList<>();
        for (String directory : p.directories()) {
            Fact<List<FileInfo>> fact = facts.listing(directory);
            tally.evidence(fact.evidence());
            switch (fact) {
                case Fact.Unknown<List<FileInfo>> u -> tally.unknown(u.reason());
                case Fact.Absent<List<FileInfo>> a -> { }
                case Fact.Present<List<FileInfo>> present -> {
                    for (FileInfo entry : present.value()) {
                        for (String expected : p.names()) {
                            // The exact name is where it belongs in its home, or anywhere when no home is given.
                            boolean atHome = entry.name().equals(expected)
                                    && (p.home() == null || directory.equals(p.home()));
                            if (!atHome && LookalikeNames.looksLike(entry.name(), expected)) {
                                found.add(entry.path());
                                tally.fail(entry.path() + " looks like " + expected + " but vmtoolsd runs only "
                                        + (p.home() == null ? expected : p.home() + "/" + expected)
                                        + ": remove or rename it");
                                break;
                            }
                        }
                    }
                }
            }
        }
        tally.observe(found.isEmpty() ? "no lookalike" : String.join(", ", found));
        return tally.verdict("no file named like " + String.join(" or ", p.names()) + " outside "
                + (p.home() == null ? "the exact names" : p.home()), "no misnamed or misplaced copy found in "
                + p.directories().size() + " directories");
    }
}
