package dev.quiesce.check;

import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.Listing;
import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.freezelog.Freeze;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * QZ-JM-006: the journal file the marker of each instance's last freeze names still exists: a restore of the
 * newest snapshot rolls forward from it. Older freezes' journals go with the instance's purge settings and are
 * not judged. The file is looked up in the listing of its directory, made in the same stage as the log scans
 * (each instance's {@code mgr/journal} and the inventory's {@code journal_dirs}); a marker naming another
 * directory cannot be checked, and says how to have it listed.
 */
final class JournalFilesJudge implements FreezeJudge {
    @Override
    public String expected(FreezeLogCheck.Parameters p) {
        return "the journal file of each instance's last freeze marker exists";
    }

    @Override
    public String passMessage(FreezeLogCheck.Parameters p) {
        return "the journal a restore rolls forward from is there";
    }

    @Override
    public void judge(FreezeLogReading reading, FreezeLogCheck.Parameters p, Tally tally) {
        if (FreezeTable.noFreeze(reading, tally)) {
            return;
        }
        Map<Optional<String>, Freeze> last = new LinkedHashMap<>();
        reading.history().freezes().stream().sorted(Comparator.comparing(Freeze::start))
                .forEach(f -> last.put(f.instance(), f));
        for (Freeze freeze : last.values()) {
            Optional<String> journal = freeze.markerFile().or(freeze::journalFile);
            if (journal.isEmpty()) {
                tally.notChecked("the last freeze of " + FreezeTable.instance(freeze) + " names no journal file "
                        + "(QZ-JM-001 reports a freeze without a marker)");
                continue;
            }
            check(reading, freeze, journal.get(), tally);
        }
    }

    private static void check(FreezeLogReading reading, Freeze freeze, String journal, Tally tally) {
        String shown = ShownText.escaped(journal);
        int slash = journal.lastIndexOf('/');
        String directory = slash <= 0 ? "/" : journal.substring(0, slash);
        Optional<FactRequest.DirectoryListing> listing = reading.plan().journals().stream()
                .filter(l -> l.path().replaceAll("/+$", "").equals(directory)).findFirst();
        if (!journal.startsWith("/") || listing.isEmpty()) {
            tally.observe(shown + ": not checked");
            tally.unknown("the last freeze of " + FreezeTable.instance(freeze) + " names " + shown + ", outside the "
                    + "journal directories this audit lists (add its directory to the inventory variable "
                    + FreezeLogSources.JOURNALS_VARIABLE + ")");
            return;
        }
        Fact<Listing> fact = reading.view().get(listing.get());
        tally.read(ShownText.escaped(directory), fact, entries -> {
            boolean there = entries.entries().stream().anyMatch(e -> e.path().equals(journal));
            if (there) {
                tally.observe(shown + ": exists");
            } else if (entries.cut()) {
                tally.observe(shown + ": unknown");
                tally.unknown(ShownText.escaped(directory) + " holds more entries than a listing takes, and "
                        + shown + " is not among those listed");
            } else {
                tally.observe(shown + ": missing");
                tally.fail(shown + ", where the last freeze of " + FreezeTable.describe(freeze) + " set its marker, "
                        + "is gone: a restore of that snapshot cannot roll the journal forward");
            }
        }, () -> {
            tally.observe(ShownText.escaped(directory) + ": missing");
            tally.fail("the journal directory " + ShownText.escaped(directory) + " of the last freeze of "
                    + FreezeTable.describe(freeze) + " is gone, and " + shown + " with it");
        });
    }
}
