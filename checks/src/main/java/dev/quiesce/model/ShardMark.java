package dev.quiesce.model;

import java.util.Optional;

/**
 * Which part of how many a report is ({@code --shard i/n}, a report's {@code run.shard}): 1 ≤ i ≤ n ≤
 * {@value #MAX_COUNT}. Merging needs all n parts, so n is bounded: a report saying {@code 1/2147483647}
 * must not make merge list two billion missing shards.
 */
public record ShardMark(int index, int count) {
    /** More shards than any scheduler runs; beyond it the mark is a mistake or a forgery. */
    public static final int MAX_COUNT = 10_000;

    public ShardMark {
        if (count < 1 || count > MAX_COUNT || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " out of range");
        }
    }

    /** The mark {@code text} gives; else a {@link QuiesceException} saying why, after {@code what} ("--shard"). */
    public static ShardMark require(String text, String what) {
        problem(text).ifPresent(why -> {
            throw new QuiesceException(what + " " + why);
        });
        return of(text);
    }

    /** Why {@code text} is not a shard mark, or empty when it is one. */
    public static Optional<String> problem(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[0-9]{1,18}")) {
            return Optional.of("'" + text + "' is not i/n (for example 2/5)");
        }
        long index = Long.parseLong(parts[0]);
        long count = Long.parseLong(parts[1]);
        if (count < 1 || count > MAX_COUNT) {
            return Optional.of(text + ": n must be from 1 to " + MAX_COUNT);
        }
        if (index < 1 || index > count) {
            return Optional.of(text + ": i must be from 1 to n");
        }
        return Optional.empty();
    }

    private static ShardMark of(String text) {
        String[] parts = text.split("/");
        return new ShardMark(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
