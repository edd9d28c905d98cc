package dev.quiesce.facts;

import java.util.List;

/**
 * What a line scan found: every regular file it read (as from {@code /}, without a --root prefix), the
 * matching lines in file order, whether the lines were cut at the request's byte cap, and the matching
 * files it left unread and why. Files read with no line matched is an empty {@code lines}; every matching
 * file left unread is no file read and a non-empty {@code skipped}; no file to read at all is
 * {@link Fact.Absent}.
 */
public record Lines(List<String> files, List<Line> lines, boolean truncated, List<Skipped> skipped) {
    public Lines {
        files = List.copyOf(files);
        lines = List.copyOf(lines);
        skipped = List.copyOf(skipped);
    }

    /** A scan that left no matching file unread. */
    public Lines(List<String> files, List<Line> lines, boolean truncated) {
        this(files, lines, truncated, List.of());
    }

    /** One matching line: the file it is in, its 1-based number there, and its text. */
    public record Line(String file, long number, String text) {}

    /** A matching file the scan did not read, and why. */
    public record Skipped(String path, Reason reason) {}

    public enum Reason {
        /** Its mtime is older than the request's window, by the host's clock: it cannot hold a line of the window. */
        OLDER_THAN_WINDOW("older than the window"),
        /** A {@code .gz} file on a host with neither a working {@code gzip} nor {@code zcat}. */
        NO_DECOMPRESSOR("no gzip or zcat to read it");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        /** The reason in words, as evidence shows it. */
        public String words() {
            return words;
        }
    }
}
