package dev.quiesce.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * bwrap's mount options for a {@link Sandbox}: this machine's {@code /} mirrored read-only on bwrap's
 * tmpfs root, entry by entry along the paths where something is added, the additions, then the root
 * remounted read-only. A mirrored directory of more than {@value #MAX_BOUND_ENTRIES} entries is bound
 * once under {@link #HOST_VIEW} and its entries made links there.
 */
final class MirroredRoot {
    /** Where a large mirrored directory is bound whole, for the links that stand for its entries. */
    static final String HOST_VIEW = "/.sandbox-host";
    /** A mirrored directory with more entries than this is bound whole under {@link #HOST_VIEW}. */
    static final int MAX_BOUND_ENTRIES = 64;

    /** A path of the sandbox, and what is mounted there. */
    sealed interface Mount {
        record Bind(Path source, boolean writable) implements Mount {}

        record Tmpfs() implements Mount {}
    }

    private final Map<String, Mount> mounts;
    private final long tmpfsBytes;

    MirroredRoot(Map<String, Mount> mounts, long tmpfsBytes) {
        this.mounts = mounts;
        this.tmpfsBytes = tmpfsBytes;
    }

    /** bwrap's mount options, parents before children, ending with the root remounted read-only. */
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--dev", "/dev", "--proc", "/proc"));
        mirror("/", SandboxPaths.expanded(mounts), args);
        args.addAll(List.of("--remount-ro", "/"));
        return args;
    }

    private void mirror(String dir, TreeSet<String> expanded, List<String> args) {
        if (!dir.equals("/")) {
            args.addAll(List.of("--dir", dir));
        }
        TreeSet<String> own = new TreeSet<>();
        Stream.concat(mounts.keySet().stream(), expanded.stream())
                .filter(p -> SandboxPaths.parent(p).equals(dir)).forEach(own::add);
        List<String> entries = SandboxPaths.entries(dir);
        // bwrap rescans its mount table for every bind (quadratic: 1,100 binds for /usr/bin took 6 s on a loaded
        // machine), so a large directory is bound once, read-only, under HOST_VIEW, and its entries are links there.
        boolean large = !dir.equals("/") && entries.size() > MAX_BOUND_ENTRIES;
        if (large) {
            args.addAll(List.of("--ro-bind", dir, HOST_VIEW + dir));
        }
        for (String entry : entries) {
            String path = SandboxPaths.child(dir, entry);
            if (own.contains(path) || (dir.equals("/") && (entry.equals("dev") || entry.equals("proc")))) {
                continue;
            }
            try {
                BasicFileAttributes a = Files.readAttributes(Path.of(path), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (a.isSymbolicLink()) {
                    args.addAll(List.of("--symlink", Files.readSymbolicLink(Path.of(path)).toString(), path));
                } else if ((a.isDirectory() || a.isRegularFile()) && large) {
                    args.addAll(List.of("--symlink", HOST_VIEW + path, path));
                } else if (a.isDirectory() || a.isRegularFile()) {
                    args.addAll(List.of("--ro-bind", path, path));
                }
            } catch (IOException e) {
                // Gone since it was listed, or unreadable: it is simply not in the sandbox.
            }
        }
        for (String path : own) {
            Mount mount = mounts.get(path);
            if (mount == null) {
                mirror(path, expanded, args);
            } else {
                mount(path, mount, args);
                if (mount instanceof Mount.Tmpfs) {
                    // What lies inside a tmpfs is bound after it; bwrap makes the directories on the way.
                    mounts.forEach((inner, m) -> {
                        if (inner.startsWith(path + "/")) {
                            mount(inner, m, args);
                        }
                    });
                }
            }
        }
    }

    private void mount(String path, Mount mount, List<String> args) {
        switch (mount) {
            case Mount.Bind b -> args.addAll(List.of(b.writable() ? "--bind" : "--ro-bind", b.source().toString(), path));
            case Mount.Tmpfs t -> args.addAll(List.of("--size", Long.toString(tmpfsBytes), "--tmpfs", path));
        }
    }
}
