package dev.quiesce.facts.vmtools;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code [vmbackup] excludedFileSystems} as vmtoolsd applies it (lib/syncDriver/syncDriverPosix.c,
 * SyncDriverUpdateExcludedFS and SyncDriverIsExcludedFS): the value split at every comma, nothing trimmed,
 * empty items dropped, each item a GLib pattern ({@code g_pattern_spec_new}: {@code *} any run of
 * characters, {@code /} included, {@code ?} any one character, nothing else special, no escapes), matched
 * against the whole mount point as the mount table lists it. A mount point that any pattern matches is
 * left out of vmtoolsd's own freeze.
 *
 * @param patterns the patterns, in the order written
 */
public record ExcludedFileSystems(List<String> patterns) {
    public ExcludedFileSystems {
        patterns = List.copyOf(patterns);
    }

    /** The setting's value (after GLib's string reading, {@link ToolsConf#asString}); never throws. */
    public static ExcludedFileSystems parse(String value) {
        return new ExcludedFileSystems(Arrays.stream(value.split(",", -1)).filter(p -> !p.isEmpty()).toList());
    }

    /** The first pattern that matches {@code mountPoint} whole, if any. */
    public Optional<String> matching(String mountPoint) {
        return patterns.stream().filter(p -> matches(p, mountPoint)).findFirst();
    }

    /** Whether a pattern has a blank at either end, which vmtoolsd keeps (so {@code " /data"} never matches). */
    public static boolean padded(String pattern) {
        return !pattern.equals(pattern.strip());
    }

    /** GLib's pattern match, by code points: {@code *} any run, {@code ?} one, any other character itself. */
    static boolean matches(String pattern, String text) {
        int[] p = pattern.codePoints().toArray();
        int[] t = text.codePoints().toArray();
        int pi = 0;
        int ti = 0;
        int star = -1;
        int resume = 0;
        while (ti < t.length) {
            if (pi < p.length && (p[pi] == '?' || (p[pi] != '*' && p[pi] == t[ti]))) {
                pi++;
                ti++;
            } else if (pi < p.length && p[pi] == '*') {
                star = pi++;
                resume = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++resume;
            } else {
                return false;
            }
        }
        while (pi < p.length && p[pi] == '*') {
            pi++;
        }
        return pi == p.length;
    }
}
