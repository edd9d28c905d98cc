package dev.quiesce.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The mount options, read as a list (no bwrap needed), against this machine's own {@code /}. */
class MirroredRootTest {
    private static int at(List<String> args, String... sequence) {
        int i = Collections.indexOfSubList(args, List.of(sequence));
        assertTrue(i >= 0, "missing " + List.of(sequence));
        return i;
    }

    @Test
    void parentsComeBeforeChildrenAndTheRootIsRemountedReadOnlyLast() {
        Map<String, MirroredRoot.Mount> mounts = new TreeMap<>();
        mounts.put("/usr/irissys/bin/csession", new MirroredRoot.Mount.Bind(Path.of("/tmp/s1"), false));
        mounts.put("/root", new MirroredRoot.Mount.Tmpfs());
        mounts.put("/root/x/y", new MirroredRoot.Mount.Bind(Path.of("/tmp/s2"), true));
        List<String> args = new MirroredRoot(mounts, 4096).arguments();
        assertTrue(at(args, "--dir", "/usr") < at(args, "--dir", "/usr/irissys"));
        assertTrue(at(args, "--dir", "/usr/irissys") < at(args, "--dir", "/usr/irissys/bin"));
        assertTrue(at(args, "--dir", "/usr/irissys/bin") < at(args, "--ro-bind", "/tmp/s1", "/usr/irissys/bin/csession"));
        assertTrue(at(args, "--size", "4096", "--tmpfs", "/root") < at(args, "--bind", "/tmp/s2", "/root/x/y"));
        assertEquals(List.of("--remount-ro", "/"), args.subList(args.size() - 2, args.size()));
        assertEquals(0, at(args, "--dev", "/dev", "--proc", "/proc"));
        assertFalse(Collections.indexOfSubList(args, List.of("--ro-bind", "/proc", "/proc")) >= 0);
        assertFalse(Collections.indexOfSubList(args, List.of("--ro-bind", "/usr", "/usr")) >= 0, "/usr is mirrored, not bound");
        at(args, "--ro-bind", "/etc", "/etc");
    }

    @Test
    void aLargeDirectoryIsBoundOnceAndLinkedEntryByEntry() throws Exception {
        Map<String, MirroredRoot.Mount> mounts = new TreeMap<>();
        mounts.put("/usr/bin/iris", new MirroredRoot.Mount.Bind(Path.of("/tmp/s1"), false));
        List<String> args = new MirroredRoot(mounts, 4096).arguments();
        long entries;
        try (var list = Files.list(Path.of("/usr/bin"))) {
            entries = list.count();
        }
        if (entries > MirroredRoot.MAX_BOUND_ENTRIES) {
            at(args, "--ro-bind", "/usr/bin", MirroredRoot.HOST_VIEW + "/usr/bin");
            at(args, "--symlink", MirroredRoot.HOST_VIEW + "/usr/bin/env", "/usr/bin/env");
            assertTrue(args.stream().filter("--ro-bind"::equals).count() < 40, "binds: " + args.stream()
                    .filter("--ro-bind"::equals).count());
        } else {
            at(args, "--ro-bind", "/usr/bin/env", "/usr/bin/env");
        }
    }

    @Test
    void pathsAreCheckedAndResolvedThroughThisMachinesDirectoryLinks() throws Exception {
        if (Files.isSymbolicLink(Path.of("/bin")) && Files.readSymbolicLink(Path.of("/bin")).toString().equals("usr/bin")) {
            assertEquals("/usr/bin/csession", SandboxPaths.canonical("/bin/csession"));
        }
        assertEquals("/opt/none-such/bin/iris", SandboxPaths.canonical("/opt/none-such/bin/iris"));
        for (String bad : List.of("relative/iris", "/x/../etc/passwd", "/", "/dev/iris", "/proc/1/x", "/a\0b")) {
            assertThrows(IllegalArgumentException.class, () -> SandboxPaths.canonical(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> SandboxPaths.requireConsistent(List.of("/a", "/a/b"), List.of()));
        SandboxPaths.requireConsistent(List.of("/a", "/a/b"), List.of("/a"));
    }
}
