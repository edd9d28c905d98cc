package dev.quiesce.check;

import dev.quiesce.facts.Content;
import dev.quiesce.facts.Fact;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.facts.Listing;
import dev.quiesce.facts.ShownText;
import dev.quiesce.facts.script.ScriptRun;
import dev.quiesce.facts.script.ShellScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the freeze and thaw scripts are and how they are read: the legacy scripts by path (first stage),
 * and every regular file of the scripts directory (second stage, from its listing); of the directory's
 * files, only those that call ExternalFreeze or ExternalThaw (or Epic's wrappers) are freeze scripts,
 * and vmtoolsd calls them for both sides. Scripts are root's 0700 files: reading them needs root, and a
 * refusal says so. With {@code everyDirectoryScript} every regular file of the directory is read, whatever
 * it calls: vmtoolsd runs them all (QZ-VT-006 reads what any of them freezes with {@code fsfreeze}).
 */
record ScriptSources(List<String> freezeScripts, List<String> thawScripts, String directory,
                     List<ScriptSide> sides, boolean everyDirectoryScript) {
    ScriptSources {
        freezeScripts = sides.contains(ScriptSide.FREEZE) ? List.copyOf(freezeScripts) : List.of();
        thawScripts = sides.contains(ScriptSide.THAW) ? List.copyOf(thawScripts) : List.of();
        sides = List.copyOf(sides);
    }

    /** The database's freeze scripts: of the directory, only those that call ExternalFreeze or ExternalThaw. */
    ScriptSources(List<String> freezeScripts, List<String> thawScripts, String directory, List<ScriptSide> sides) {
        this(freezeScripts, thawScripts, directory, sides, false);
    }

    static FactRequest.FileContent content(String path) {
        return new FactRequest.FileContent(path, FactRequest.DEFAULT_MAX_BYTES);
    }

    Optional<FactRequest.DirectoryListing> listing() {
        return Optional.ofNullable(directory).filter(d -> !d.isEmpty()).map(FactRequest.DirectoryListing::new);
    }

    /** The first-stage requests: the legacy scripts and the directory's listing. */
    List<FactRequest<?>> first() {
        List<FactRequest<?>> all = new ArrayList<>();
        freezeScripts.forEach(p -> all.add(content(p)));
        thawScripts.forEach(p -> all.add(content(p)));
        listing().ifPresent(all::add);
        return all;
    }

    /** The second stage: the content of every regular file the listing shows. */
    List<FactRequest<?>> second(dev.quiesce.facts.Facts facts) {
        return listing().map(l -> facts.get(l) instanceof Fact.Present<Listing> p ? regular(p.value()).stream()
                .<FactRequest<?>>map(f -> content(f.path())).toList() : List.<FactRequest<?>>of()).orElse(List.of());
    }

    Needs needs(List<? extends FactRequest<?>> more) {
        List<FactRequest<?>> all = new ArrayList<>(first());
        all.addAll(more);
        return Needs.of(all).then(this::second);
    }

    private static List<FileInfo> regular(Listing listing) {
        return listing.entries().stream().filter(e -> e.kind() == FileKind.REGULAR).toList();
    }

    /** Every script to judge, each with its side; what cannot be read goes to the tally. */
    List<ScriptTarget> read(HostView view, Tally tally) {
        List<ScriptTarget> targets = new ArrayList<>();
        for (String path : freezeScripts) {
            read(path, view, tally, s -> targets.add(new ScriptTarget(path, ScriptSide.FREEZE, s, false)), true);
        }
        for (String path : thawScripts) {
            read(path, view, tally, s -> targets.add(new ScriptTarget(path, ScriptSide.THAW, s, false)), true);
        }
        listing().ifPresent(request -> tally.read(request.path(), view.get(request), listing -> {
            if (listing.cut()) {
                tally.unknown(request.path() + " holds more entries than a listing takes: " + listing.omitted()
                        + " were not listed, so not every script could be read");
            }
            for (FileInfo entry : listing.entries()) {
                if (entry.kind() == FileKind.SYMLINK) {
                    tally.notChecked(ShownText.escaped(entry.path()) + " is a symbolic link (not read; "
                            + "the directory rule reports it)");
                }
            }
            for (FileInfo entry : regular(listing)) {
                read(entry.path(), view, tally, s -> {
                    if (everyDirectoryScript || ScriptRun.callsBackupGeneral(s.text())) {
                        sides.forEach(side -> targets.add(new ScriptTarget(entry.path(), side, s, true)));
                    } else {
                        tally.notChecked(ShownText.escaped(entry.path()) + " calls neither ExternalFreeze nor "
                                + "ExternalThaw (not a database freeze script)");
                    }
                }, false);
            }
        }, () -> { }));
        return targets;
    }

    private static void read(String path, HostView view, Tally tally, Consumer<ShellScript> present, boolean legacy) {
        Fact<Content> fact = view.get(content(path));
        if (fact instanceof Fact.Unknown<Content> u && u.cause() == Fact.Cause.DENIED) {
            tally.evidence(fact.evidence());
            tally.observe(ShownText.escaped(path) + ": unknown");
            tally.unknown(u.reason() + " (freeze and thaw scripts are root's, mode 0700: reading them needs root)");
            return;
        }
        tally.read(ShownText.escaped(path), fact, content -> {
            if (content.truncated()) {
                tally.observe(ShownText.escaped(path) + ": longer than " + FactRequest.DEFAULT_MAX_BYTES + " bytes");
                tally.unknown(ShownText.escaped(path) + " is longer than " + FactRequest.DEFAULT_MAX_BYTES
                        + " bytes; only its start was read, so it cannot be judged");
                return;
            }
            present.accept(ShellScript.parse(content.text()));
        }, () -> {
            if (legacy) {
                tally.notChecked(ShownText.escaped(path) + " is missing (QZ-FT-001/002 report it)");
            }
        });
    }
}
