package dev.quiesce.check;

import com.google.auto.service.AutoService;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.Listing;
import dev.quiesce.facts.ShownText;
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
@AutoService(Check.class)
public final class LookalikesCheck extends BaseCheck<LookalikesCheck.Parameters> {

    public record Parameters(
            @Param(value = "The exact names expected.", example = "[pre-freeze-script, post-thaw-script]")
            List<String> names,
            @Param(value = "Directories to search for near misses.", path = true,
                    example = "[/usr/sbin, /usr/local/sbin]") List<String> directories,
            @Param(value = "The directory where the exact names belong; an exact name elsewhere is a misplaced "
                    + "copy.", path = true, required = false, example = "/usr/sbin") String home) {

        List<FactRequest.DirectoryListing> listings() {
            return directories.stream().map(FactRequest.DirectoryListing::new).toList();
        }
    }

    public LookalikesCheck() {
        super("lookalikes", Parameters.class, "No file in the directories has a name close to an expected name, "
                + "except the name itself in its home directory.");
    }

    @Override
    public List<String> crossCheck(Parameters p) {
        return p.names().stream().filter(n -> n.contains("/")).map(n -> "'names' holds file names, not paths: "
                + n).toList();
    }

    @Override
    public Needs needs(Parameters p, HostInfo host) {
        return Needs.of(p.listings());
    }

    @Override
    public Verdict evaluate(Parameters p, HostView view) {
        Tally tally = new Tally();
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (FactRequest.DirectoryListing listing : p.listings()) {
            String directory = listing.path();
            tally.read(directory, view.get(listing), entries -> inspect(p, directory, entries, found, tally),
                    () -> missing.add(directory));
        }
        tally.observe((found.isEmpty() ? "no lookalike" : String.join(", ", found.stream().map(ShownText::escaped)
                .toList())) + (missing.isEmpty() ? "" : " (not there: " + String.join(", ", missing) + ")"));
        return tally.verdict("no file named like " + String.join(" or ", p.names()) + " outside "
                + (p.home() == null ? "the exact names" : p.home()), "no misnamed or misplaced copy found in "
                + (p.directories().size() - missing.size()) + " directories");
    }

    private static void inspect(Parameters p, String directory, Listing listing, List<String> found, Tally tally) {
        for (FileInfo entry : listing.entries()) {
            for (String expected : p.names()) {
                // The exact name is where it belongs in its home, or anywhere when no home is given.
                boolean atHome = entry.name().equals(expected) && (p.home() == null || directory.equals(p.home()));
                if (!atHome && LookalikeNames.looksLike(entry.name(), expected)) {
                    found.add(entry.path());
                    tally.fail(ShownText.escaped(entry.path()) + " looks like " + expected + " but vmtoolsd runs only "
                            + (p.home() == null ? expected : p.home() + "/" + expected) + ": remove or rename it");
                    break;
                }
            }
        }
        if (listing.cut()) {
            tally.unknown(directory + " holds more entries than a listing takes: " + listing.omitted()
                    + " were not listed, and a lookalike may be among them");
        }
    }
}
