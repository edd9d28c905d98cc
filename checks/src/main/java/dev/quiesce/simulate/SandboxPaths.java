package dev.quiesce.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Paths of the sandbox: as the mirror sees them, with this machine's directory links resolved. */
final class SandboxPaths {
    private SandboxPaths() {}

    /**
     * {@code path} normalised, with links in its directories resolved on this machine: a file added at
     * {@code /bin/csession} where {@code /bin} links to {@code usr/bin} is added at {@code /usr/bin/csession},
     * since the mirror recreates {@code /bin} as that link. The last name is kept as it is.
     */
    static String canonical(String path) {
        if (!path.startsWith("/") || path.indexOf('\0') >= 0 || Path.of(path).normalize().toString().equals("/")
                || Stream.of(path.split("/")).anyMatch(".."::equals)) {
            throw new IllegalArgumentException("not an absolute path below / without '..': " + path);
        }
        Path normal = Path.of(path).normalize();
        Path parent = normal.getParent();
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String resolved = normal.toString();
        if (existing != null) {
            try {
                Path real = existing.toRealPath();
                resolved = real.resolve(existing.relativize(normal)).normalize().toString();
            } catch (IOException e) {
                // Unreadable on the way: keep the path as written.
            }
        }
        String first = resolved.split("/")[1];
        if (first.equals("dev") || first.equals("proc")) {
            throw new IllegalArgumentException(path + ": /dev and /proc are the sandbox's own");
        }
        return resolved;
    }

    /** Refuses a path added inside an added file, and a file added twice over a tmpfs. */
    static void requireConsistent(Collection<String> paths, Collection<String> tmpfs) {
        for (String p : paths) {
            for (String q : paths) {
                if (q.startsWith(p + "/") && !tmpfs.contains(p)) {
                    throw new IllegalArgumentException(q + " lies inside the added file " + p);
                }
            }
        }
    }

    /**
     * The directories mirrored entry by entry: every directory above a mounted path, except those inside
     * a tmpfs (bwrap makes those inside the tmpfs itself).
     */
    static TreeSet<String> expanded(Map<String, ?> mounts) {
        TreeSet<String> tmpfs = new TreeSet<>();
        TreeSet<String> dirs = new TreeSet<>();
        for (String p : mounts.keySet()) {
            for (String d = parent(p); !d.equals("/"); d = parent(d)) {
                dirs.add(d);
            }
        }
        dirs.removeIf(d -> mounts.containsKey(d) || mounts.keySet().stream().anyMatch(m -> d.startsWith(m + "/")));
        return dirs;
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    /** The names in one directory of this machine, sorted; none when it is not a readable directory. */
    static List<String> entries(String dir) {
        Path path = Path.of(dir);
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(path)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }
}
