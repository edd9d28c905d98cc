package dev.quiesce.facts;

import java.util.List;

/**
 * The entries of a directory, sorted by path. {@code vanished} entries were there when the directory was
 * read but gone when their status was asked (a directory that changes while it is listed);
 * {@code omitted} entries were left out because the directory held more than the request's cap.
 */
public record Listing(List<FileInfo> entries, int vanished, int omitted) {
    public Listing {
        entries = List.copyOf(entries);
        if (vanished < 0 || omitted < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** True when entries beyond the cap were left out: nothing may be concluded from what is missing. */
    public boolean cut() {
        return omitted > 0;
    }
}
