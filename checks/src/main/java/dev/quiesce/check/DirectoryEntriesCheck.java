package dev.quiesce.check;

import com.google.auto.service.AutoService;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.facts.Listing;
import dev.quiesce.facts.ShellQuote;
import dev.quiesce.facts.ShownText;
import dev.quiesce.model.FileMode;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.Verdict;
import java.util.List;

/**
 * {@code directory-entries}: every regular file in a directory is owned by the owner, has no more than
 * the given mode, and is not named like a backup or a note. Made for {@code backupScripts.d}, where
 * vmtoolsd runs every regular file as root, whatever its name; a missing directory passes.
 */
@AutoService(Check.class)
public final class DirectoryEntriesCheck extends BaseCheck<DirectoryEntriesCheck.Parameters> {

    public record Parameters(
            @Param(value = "The directory whose entries are inspected.", path = true,
                    example = "/etc/vmware-tools/backupScripts.d") String path,
            @Param(value = "Owner every regular file must have.", required = false, defaultValue = "root")
            String owner,
            @Param(value = "The most a file's mode may grant.", required = false, defaultValue = "0700")
            FileMode maxMode,
            @Param(value = "Name patterns (* and ?) of files that must not be there, matched in any case.",
                    required = false, defaultValue = "*.bak, *~, *.orig, *.old, *.save, *.swp, *.tmp, *.rpmsave, "
                            + "*.rpmnew, *.rpmorig, *.dpkg-*, *.disabled, *.off, README*, .*") List<String> forbiddenNames) {

        FactRequest.DirectoryListing listing() {
            return new FactRequest.DirectoryListing(path);
        }
    }

    public DirectoryEntriesCheck() {
        super("directory-entries", Parameters.class,
                "Every regular file in the directory has the owner, at most the mode, and no backup or notes name.");
    }

    @Override
    public Needs needs(Parameters p, HostInfo host) {
        return Needs.of(p.listing());
    }

    @Override
    public Verdict evaluate(Parameters p, HostView view) {
        String expected = "every regular file owned by " + p.owner() + ", mode " + p.maxMode()
                + " or stricter, no backup or notes file";
        Tally tally = new Tally();
        boolean[] missing = {false};
        Fact<Listing> listing = view.get(p.listing());
        if (listing instanceof Fact.Unknown<Listing> u && u.cause() == Fact.Cause.WRONG_KIND) {
            // vmtoolsd lists the scripts directory only if it is a directory: a file there runs nothing.
            tally.evidence(listing.evidence());
            tally.observe(p.path() + " is not a directory");
            return tally.verdict(expected, p.path() + " is not a directory, so vmtoolsd runs no script from it");
        }
        tally.read(p.path(), listing, entries -> inspect(p, entries, tally), () -> {
            tally.observe(p.path() + " does not exist");
            missing[0] = true;
        });
        return tally.verdict(expected, missing[0] ? p.path() + " does not exist, so no script runs from it"
                : "every file in " + p.path() + " is root-run safe");
    }

    private static void inspect(Parameters p, Listing listing, Tally tally) {
        listing.entries().forEach(entry -> inspect(p, entry, tally));
        if (listing.entries().isEmpty() && !listing.cut()) {
            tally.observe(p.path() + " is empty");
        }
        if (listing.vanished() > 0) {
            tally.observe(listing.vanished() + " entries vanished while " + p.path() + " was read (not judged)");
        }
        if (listing.cut()) {
            tally.unknown(p.path() + " holds more entries than a listing takes: " + listing.omitted()
                    + " were not listed, so the directory cannot be passed; clear it out, then audit again");
        }
    }

    private static void inspect(Parameters p, FileInfo entry, Tally tally) {
        String path = entry.path();
        String shown = ShownText.escaped(path);
        tally.observe(ShownText.escaped(entry.name()) + ": " + entry.summary());
        if (entry.kind() == FileKind.SYMLINK) {
            tally.fail(shown + " is a symbolic link to " + entry.linkTarget().map(ShownText::escaped).orElse("?") + "; "
                    + LinkFix.advice(entry));
            return;
        }
        if (entry.kind() != FileKind.REGULAR) {
            return; // vmtoolsd skips subdirectories and anything else that is not a regular file
        }
        // Case does not matter to vmtoolsd (readme.txt runs like README.txt), so it does not here.
        String name = entry.name().toLowerCase(java.util.Locale.ROOT);
        p.forbiddenNames().stream().filter(glob -> Glob.matches(glob.toLowerCase(java.util.Locale.ROOT), name))
                .findFirst().ifPresent(glob ->
                tally.fail(shown + " is named like a backup or notes file (" + glob + "), yet vmtoolsd runs it as "
                        + "root at every snapshot: move it out of " + p.path()));
        Ownership.requireOwner(entry, p.owner(), tally);
        if (!entry.mode().noMoreThan(p.maxMode())) {
            tally.fail(shown + " has mode " + entry.mode() + ", more than " + p.maxMode() + ": chmod " + p.maxMode()
                    + " " + ShellQuote.word(path));
        }
    }
}
