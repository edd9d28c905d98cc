package dev.quiesce.facts;

import dev.quiesce.model.FileMode;
import java.time.Instant;
import java.util.Optional;

/**
 * Parses one file status as the probe prints it: {@code stat -c '%f|%u|%g|%U|%G|%s|%Y'} (raw mode in
 * hex, ids, names, size, mtime in seconds since 1970) or, as fallback, an {@code ls -lnd} line; either may be followed by a
 * line {@code >target} for a symbolic link. Returns empty for text in neither form.
 */
final class StatParser {
    private StatParser() {}

    static Optional<FileInfo> parse(String path, String text) {
        String body = stripNewline(text);
        int link = body.indexOf("\n>");
        if (body.matches("(?s)[0-9a-f]+\\|.*")) {
            // stat -c prints one line, with no path in it: the first "\n>" starts the link target.
            return link < 0 ? fromStat(path, body, Optional.empty())
                    : fromStat(path, body.substring(0, link), Optional.of(body.substring(link + 2)));
        }
        // An ls line ends with the path, printed raw, so it may itself hold "\n>": the target line is the
        // one that repeats what the line shows after " -> ", and only a symbolic link has one.
        for (; link >= 0 && body.startsWith("l"); link = body.indexOf("\n>", link + 1)) {
            String target = body.substring(link + 2);
            if (body.substring(0, link).endsWith(" -> " + target)) {
                return fromLs(path, body.substring(0, link), Optional.of(target));
            }
        }
        // readlink gave nothing: its empty line is not part of the target ls shows.
        String line = body.startsWith("l") && body.endsWith("\n>") ? body.substring(0, body.length() - 2) : body;
        return fromLs(path, line, Optional.empty());
    }

    /** One {@code stat -c '...|%n'} record: the eight fields, the last being the path. */
    static Optional<FileInfo> parseWithName(String record) {
        String[] fields = record.split("\\|", 8);
        if (fields.length != 8) {
            return Optional.empty();
        }
        return fromStat(fields[7], String.join("|", java.util.Arrays.copyOf(fields, 7)), Optional.empty());
    }

    private static Optional<FileInfo> fromStat(String path, String line, Optional<String> target) {
        String[] f = line.split("\\|", -1);
        if (f.length != 7 || !f[0].matches("[0-9a-f]{1,8}") || !f[1].matches("[0-9]{1,10}")
                || !f[2].matches("[0-9]{1,10}") || !f[5].matches("[0-9]{1,18}") || !f[6].matches("-?[0-9]{1,12}")) {
            return Optional.empty();
        }
        int raw = (int) Long.parseLong(f[0], 16);
        return Optional.of(new FileInfo(path, FileKind.ofRawMode(raw), new FileMode(raw & 07777),
                Long.parseLong(f[1]), Long.parseLong(f[2]), name(f[3]), name(f[4]), Long.parseLong(f[5]),
                Optional.of(Instant.ofEpochSecond(Long.parseLong(f[6]))), target.filter(t -> !t.isEmpty())));
    }

    /** {@code -rwsr-x--- 1 0 0 123 Nov 25 11:22 /path}: the mode string, links, uid, gid, size. */
    static Optional<FileInfo> fromLs(String path, String line, Optional<String> target) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 5 || f[0].length() < 10 || !f[2].matches("[0-9]{1,10}") || !f[3].matches("[0-9]{1,10}")) {
            return Optional.empty();
        }
        Optional<FileMode> mode = modeOfLsString(f[0]);
        if (mode.isEmpty()) {
            return Optional.empty();
        }
        long size = f[4].matches("[0-9]{1,18}") ? Long.parseLong(f[4]) : -1;
        Optional<String> linkTarget = target;
        int arrow = line.indexOf(" -> ");
        if (linkTarget.isEmpty() && f[0].charAt(0) == 'l' && arrow >= 0) {
            linkTarget = Optional.of(line.substring(arrow + 4));
        }
        return Optional.of(new FileInfo(path, FileKind.ofLsType(f[0].charAt(0)), mode.get(), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Optional.empty(), Optional.empty(), size, Optional.empty(),
                linkTarget.filter(t -> !t.isEmpty())));
    }

    /** {@code rwsr-x--T} and friends to bits, including setuid, setgid and sticky. */
    static Optional<FileMode> modeOfLsString(String text) {
        String p = text.substring(1, 10);
        int bits = 0;
        int[] read = {0400, 040, 04};
        int[] special = {04000, 02000, 01000};
        for (int who = 0; who < 3; who++) {
            char r = p.charAt(who * 3);
            char w = p.charAt(who * 3 + 1);
            char x = p.charAt(who * 3 + 2);
            if (r != 'r' && r != '-' || w != 'w' && w != '-') {
                return Optional.empty();
            }
            if (r == 'r') {
                bits |= read[who];
            }
            if (w == 'w') {
                bits |= read[who] >> 1;
            }
            char specialLower = who == 2 ? 't' : 's';
            char specialUpper = who == 2 ? 'T' : 'S';
            if (x == 'x' || x == specialLower) {
                bits |= read[who] >> 2;
            } else if (x != '-' && x != specialUpper) {
                return Optional.empty();
            }
            if (x == specialLower || x == specialUpper) {
                bits |= special[who];
            }
        }
        return Optional.of(new FileMode(bits));
    }

    private static Optional<String> name(String field) {
        // GNU stat prints UNKNOWN for an id with no name; BusyBox may print nothing.
        return field.isEmpty() || field.equals("UNKNOWN") ? Optional.empty() : Optional.of(field);
    }

    private static String stripNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
