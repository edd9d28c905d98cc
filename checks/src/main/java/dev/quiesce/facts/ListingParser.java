package dev.quiesce.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses a directory listing: one record per entry, each starting with {@code <token>@}, so that a
 * file name holding a newline stays one record. Records are {@code stat -c} lines ending in the path,
 * or {@code ls -lnd} lines under the fallback; then, for each symbolic link, {@code L<n>|<target>}
 * gives the target of the n-th entry.
 */
final class ListingParser {
    private ListingParser() {}

    /**
     * @param directory the directory as the host saw it (with the --root prefix), to cut names out of
     *                  {@code ls} lines
     * @param shownDirectory the directory as reports show it
     */
    static Optional<List<FileInfo>> parse(String token, String directory, String shownDirectory, String body) {
        List<FileInfo> entries = new ArrayList<>();
        String marker = token + "@";
        if (body.isEmpty()) {
            return Optional.of(entries);
        }
        if (!body.startsWith(marker)) {
            return Optional.empty();
        }
        List<String> targets = new ArrayList<>();
        for (String record : body.substring(marker.length()).split(java.util.regex.Pattern.quote(marker), -1)) {
            String line = record.endsWith("\n") ? record.substring(0, record.length() - 1) : record;
            if (line.matches("(?s)L[0-9]+\\|.*")) {
                int bar = line.indexOf('|');
                int index = Integer.parseInt(line.substring(1, bar)) - 1;
                while (targets.size() <= index) {
                    targets.add(null);
                }
                targets.set(index, line.substring(bar + 1));
                continue;
            }
            Optional<FileInfo> entry = line.matches("(?s)[0-9a-f]+\\|.*") ? StatParser.parseWithName(line)
                    : lsEntry(directory, line);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            entries.add(entry.get());
        }
        for (int i = 0; i < entries.size(); i++) {
            FileInfo info = entries.get(i);
            String name = info.path().substring(info.path().lastIndexOf('/') + 1);
            Optional<String> target = i < targets.size() && targets.get(i) != null ? Optional.of(targets.get(i))
                    : info.linkTarget();
            entries.set(i, new FileInfo(join(shownDirectory, name), info.kind(), info.mode(), info.uid(), info.gid(),
                    info.owner(), info.group(), info.size(), target));
        }
        entries.sort(java.util.Comparator.comparing(FileInfo::path));
        return Optional.of(entries);
    }

    private static Optional<FileInfo> lsEntry(String directory, String line) {
        String prefix = " " + join(directory, "");
        int at = line.indexOf(prefix);
        if (at < 0) {
            return Optional.empty();
        }
        String rest = line.substring(at + 1);
        int arrow = rest.indexOf(" -> ");
        String path = line.charAt(0) == 'l' && arrow >= 0 ? rest.substring(0, arrow) : rest;
        return StatParser.fromLs(path, line, Optional.empty());
    }

    static String join(String directory, String name) {
        return directory.endsWith("/") ? directory + name : directory + "/" + name;
    }
}
