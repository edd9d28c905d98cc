package dev.quiesce.cli;

import dev.quiesce.model.Sha256;
import dev.quiesce.model.ShardMark;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * {@code --shard i/n}: a stable part of the hosts, chosen by a hash of each host's name, so that n
 * scheduler jobs each audit their own hosts with no list to share, and a host stays in the same shard
 * when others are added or removed.
 */
record Shard(int index, int count) {
    static Shard parse(String text) {
        ShardMark mark = ShardMark.require(text, "--shard");
        return new Shard(mark.index(), mark.count());
    }

    boolean contains(String hostName) {
        // The first 60 bits of the name's SHA-256: positive as a long, and the same on every machine.
        long value = Long.parseLong(Sha256.hex(hostName.getBytes(StandardCharsets.UTF_8)).substring(0, 15), 16);
        return value % count == index - 1;
    }

    <T> List<T> of(List<T> hosts, Function<T, String> name) {
        return hosts.stream().filter(h -> contains(name.apply(h))).toList();
    }
}
