package dev.quiesce.facts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a directory listing. The body is a sequence of records, each starting with {@code <token>@} at
 * the start of a line, so that a file name holding a newline stays one record:
 * <ul>
 *   <li>a {@code stat -c} line ending in the entry's path, or an {@code ls -lnd} line under the fallback;
 *   <li>{@code L<n>|<path><target>} for each symbolic link, the path given by its byte count {@code n};
 *   <li>{@code N<found>|<listed>|<gone>} last: how many names the directory's globs found, how many of
 *       them were asked for (the rest are over the cap), and how many of those were gone afterwards.
 * </ul>
 * Records are taken at the byte level, so names that are not UTF-8 keep their length. Anything malformed
 * makes the whole listing unknown: a listing that is only partly understood is not evidence. An entry
 * whose status is missing counts as vanished only when the probe saw it gone; any other failure to read
 * it makes the listing unknown.
 */
final class ListingParser {
    private ListingParser() {}

    static Fact<Listing> read(FactRequest.DirectoryListing request, Answer answer, AnswerContext context) {
        if (!answer.status().matches("[01]")) {
            return Failures.of(request, answer, context);
        }
        // Under a root the probe lists from inside the directory it resolved in the tree, so names start "./";
        // a capture made before it did names them by the root and the path, as a live host's are.
        Optional<Listing> listing = parse(context.token(), context.root().isEmpty() ? request.path() : ".",
                request.path(), answer.body());
        if (listing.isEmpty() && !context.root().isEmpty()) {
            listing = parse(context.token(), context.root() + request.path(), request.path(), answer.body());
        }
        if (listing.isEmpty()) {
            return Failures.unexpected(request, answer, context);
        }
        if (answer.status().equals("1") && listing.get().vanished() == 0) {
            // stat failed for something it was given, and nothing was seen gone: an error it did not explain.
            return new Fact.Unknown<>(Fact.Cause.UNEXPECTED, "listing " + request.path() + " failed: "
                    + Failures.firstLine(answer.stderrText()), context.evidence(request, Failures.excerpt(answer)));
        }
        return new Fact.Present<>(listing.get(), context.evidence(request, excerpt(listing.get(), answer)));
    }

    /**
     * @param directory the directory as the host saw it (with the --root prefix), the prefix of every path
     * @param shownDirectory the directory as reports show it
     */
    static Optional<Listing> parse(String token, String directory, String shownDirectory, byte[] body) {
        byte[] marker = (token + "@").getBytes(StandardCharsets.US_ASCII);
        String prefix = directory.replaceAll("/+$", "") + "/";
        Map<String, FileInfo> entries = new HashMap<>();
        Map<String, String> targets = new HashMap<>();
        List<String> lsLinks = new ArrayList<>();
        int[] counts = null;
        for (byte[] record : records(body, marker)) {
            if (counts != null) {
                return Optional.empty(); // the count record comes last
            }
            if (record.length > 0 && record[0] == 'L') {
                Optional<String[]> link = link(record);
                if (link.isEmpty()) {
                    return Optional.empty();
                }
                if (targets.putIfAbsent(link.get()[0], link.get()[1]) != null) {
                    return Optional.empty(); // one target per link
                }
            } else if (record.length > 0 && record[0] == 'N') {
                counts = counts(new String(record, 1, record.length - 1, StandardCharsets.US_ASCII));
                if (counts == null) {
                    return Optional.empty();
                }
            } else {
                String line = HostText.decode(record);
                if (line.startsWith("l")) {
                    lsLinks.add(line); // read once every link's own record is known
                    continue;
                }
                if (!add(entries, prefix, line.matches("(?s)[0-9a-f]+\\|.*") ? StatParser.parseWithName(line)
                        : lsEntry(prefix, line, targets))) {
                    return Optional.empty();
                }
            }
        }
        for (String line : lsLinks) {
            if (!add(entries, prefix, lsEntry(prefix, line, targets))) {
                return Optional.empty();
            }
        }
        // Entries missing from the records must have been seen gone (an entry may also go after its stat);
        // a target belongs to a link (under the ls fallback a name ls mangled has none, and is ignored).
        if (counts == null || counts[1] > counts[0] || entries.size() > counts[1]
                || counts[1] - entries.size() > counts[2]
                || targets.keySet().stream().anyMatch(p -> entries.get(p) instanceof FileInfo e
                && e.kind() != FileKind.SYMLINK)) {
            return Optional.empty();
        }
        List<FileInfo> shown = new ArrayList<>();
        String shownPrefix = shownDirectory.replaceAll("/+$", "") + "/";
        for (FileInfo info : entries.values()) {
            String name = info.path().substring(prefix.length());
            Optional<String> target = Optional.ofNullable(targets.get(info.path())).or(info::linkTarget)
                    .filter(t -> !t.isEmpty()); // readlink failed: the target is unknown, as StatParser has it
            shown.add(info.at(shownPrefix + name, target));
        }
        shown.sort(Comparator.comparing(FileInfo::path));
        return Optional.of(new Listing(shown, counts[1] - entries.size(), counts[0] - counts[1]));
    }

    /** The records of the body: the bytes after each marker that starts a line, without the final newline. */
    private static List<byte[]> records(byte[] body, byte[] marker) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + marker.length <= body.length; i++) {
            if ((i == 0 || body[i - 1] == '\n') && Arrays.equals(body, i, i + marker.length, marker, 0, marker.length)) {
                starts.add(i);
            }
        }
        List<byte[]> records = new ArrayList<>();
        if (starts.isEmpty() || starts.get(0) != 0) {
            records.add(new byte[] {'?'}); // text before the first record, or no record at all: malformed
        }
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k) + marker.length;
            int to = k + 1 < starts.size() ? starts.get(k + 1) : body.length;
            // to lies past this record's marker, so the byte before it is the record's own
            if (body[to - 1] == '\n') {
                to--;
            }
            records.add(Arrays.copyOfRange(body, from, to));
        }
        return records;
    }

    /** {@code L<n>|<path of n bytes><target>}: the path and the target, or empty when malformed. */
    private static Optional<String[]> link(byte[] record) {
        int bar = 1;
        while (bar < record.length && record[bar] >= '0' && record[bar] <= '9') {
            bar++;
        }
        if (bar == 1 || bar > 10 || bar >= record.length || record[bar] != '|') {
            return Optional.empty();
        }
        long length = Long.parseLong(new String(record, 1, bar - 1, StandardCharsets.US_ASCII));
        if (length > record.length - bar - 1) {
            return Optional.empty();
        }
        int pathEnd = bar + 1 + (int) length;
        return Optional.of(new String[] {HostText.decode(record, bar + 1, (int) length),
                HostText.decode(record, pathEnd, record.length - pathEnd)});
    }

    private static int[] counts(String text) {
        if (!text.matches("[0-9]{1,9}\\|[0-9]{1,9}\\|[0-9]{1,9}")) {
            return null;
        }
        String[] parts = text.split("\\|");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }

    /**
     * Adds an entry of the listed directory, once: its path is the directory's, then one name, which no host's
     * directory can give with a slash in it or as {@code .} or {@code ..} (the probe's globs leave those
     * out); an entry that is not so was forged, and makes the listing unreadable.
     */
    private static boolean add(Map<String, FileInfo> entries, String prefix, Optional<FileInfo> entry) {
        if (entry.isEmpty() || !entry.get().path().startsWith(prefix)) {
            return false;
        }
        String name = entry.get().path().substring(prefix.length());
        return !name.isEmpty() && name.indexOf('/') < 0 && !name.equals(".") && !name.equals("..")
                && entries.putIfAbsent(entry.get().path(), entry.get()) == null;
    }

    /**
     * An {@code ls -lnd} line: its path starts at the directory prefix. A link's line shows
     * {@code path -> target}, and either may hold " -> ": the link's own record, which gives the path by
     * its length, tells where one ends; without it the first " -> " is taken.
     */
    private static Optional<FileInfo> lsEntry(String prefix, String line, Map<String, String> targets) {
        int at = line.indexOf(" " + prefix);
        if (at <= 0) {
            return Optional.empty();
        }
        String rest = line.substring(at + 1);
        if (line.charAt(0) == 'l') {
            for (Map.Entry<String, String> link : targets.entrySet()) {
                if (rest.equals(link.getKey() + " -> " + link.getValue())) {
                    return StatParser.fromLs(link.getKey(), line, Optional.of(link.getValue()));
                }
            }
        }
        int arrow = rest.indexOf(" -> ");
        String path = line.charAt(0) == 'l' && arrow >= 0 ? rest.substring(0, arrow) : rest;
        return StatParser.fromLs(path, line, Optional.empty());
    }

    private static String excerpt(Listing listing, Answer answer) {
        List<String> lines = new ArrayList<>();
        for (FileInfo entry : listing.entries()) {
            lines.add(entry.summary() + "  " + ShownText.escaped(entry.name()));
        }
        if (lines.isEmpty()) {
            lines.add("(empty)");
        }
        if (listing.vanished() > 0) {
            lines.add("(" + listing.vanished() + " entries vanished while the directory was read"
                    + (answer.stderr().length == 0 ? "" : ": " + ShownText.escaped(Failures.firstLine(
                    answer.stderrText()))) + ")");
        }
        if (listing.cut()) {
            lines.add("(" + listing.omitted() + " more entries not listed: over the cap)");
        }
        return String.join("\n", lines);
    }
}
