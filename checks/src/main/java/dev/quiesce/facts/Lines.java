package dev.quiesce.facts;

import java.util.List;

/**
 * What a line scan found: every regular file it read (as from {@code /}, without a --root prefix), the
 * matching lines in file order, and whether the lines were cut at the request's byte cap. Files read
 * with no line matched is an empty {@code lines}; no file to read at all is {@link Fact.Absent}.
 */
public record Lines(List<String> files, List<Line> lines, boolean truncated) {
    public Lines {
        files = List.copyOf(files);
        lines = List.copyOf(lines);
    }

    /** One matching line: the file it is in, its 1-based number there, and its text. */
    public record Line(String file, long number, String text) {}
}
