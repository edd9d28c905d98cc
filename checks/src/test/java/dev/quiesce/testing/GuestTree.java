package dev.quiesce.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A guest's file tree in a temporary directory, read by the probe with {@code --root}: owners and
 * modes are real, set with the same calls an administrator's chmod and chown make. Starts as a guest
 * that passes every freeze/thaw rule; tests then break one thing.
 */
public final class GuestTree {
    public static final String FREEZE = "/usr/sbin/pre-freeze-script";
    public static final String THAW = "/usr/sbin/post-thaw-script";
    public static final String SCRIPTS_D = "/etc/vmware-tools/backupScripts.d";

    private final Path root;

    private GuestTree(Path root) {
        this.root = root;
    }

    /** An empty tree: only the root directory, mode 0755, owned by root. */
    public static GuestTree empty(Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GuestTree tree = new GuestTree(root);
        tree.mode("/", "0755").owner("/", 0, 0);
        return tree;
    }

    /**
     * A guest that passes every rule of the freeze-thaw-scripts pack, and every rule of the vmware-tools pack
     * that a tree can answer: a VMware machine's DMI, vmtoolsd on disk, no tools.conf (the defaults). The
     * rules that need a command (a running process, an enabled unit, a version) are ERROR under --root:
     * {@link TreeAudit#needsRunningHost}.
     */
    public static GuestTree passing(Path root) {
        GuestTree tree = empty(root);
        for (String dir : new String[] {"/usr", "/usr/sbin", "/usr/local", "/usr/local/sbin", "/usr/local/bin", "/etc",
                "/etc/vmware-tools", SCRIPTS_D, "/opt"}) {
            tree.directory(dir, "0755");
        }
        tree.directory("/root", "0700");
        tree.file(FREEZE, "#!/bin/sh\nexit 0\n", "0700").file(THAW, "#!/bin/sh\nexit 0\n", "0700");
        tree.file(SCRIPTS_D + "/10-sync", "#!/bin/sh\nsync\n", "0700");
        tree.directory("/usr/bin", "0755");
        tree.file("/usr/bin/vmtoolsd", "\u007fELF", "0755");
        for (String dir : new String[] {"/sys", "/sys/class", "/sys/class/dmi", "/sys/class/dmi/id"}) {
            tree.directory(dir, "0755");
        }
        tree.file("/sys/class/dmi/id/sys_vendor", "VMware, Inc.\n", "0444");
        tree.file("/sys/class/dmi/id/product_name", "VMware Virtual Platform\n", "0444");
        return tree;
    }

    public Path root() {
        return root;
    }

    public Path resolve(String path) {
        return root.resolve(path.replaceFirst("^/+", ""));
    }

    public GuestTree directory(String path, String mode) {
        try {
            Files.createDirectories(resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mode(path, mode).owner(path, 0, 0);
    }

    public GuestTree file(String path, String content, String mode) {
        try {
            Files.createDirectories(resolve(path).getParent());
            Files.writeString(resolve(path), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mode(path, mode).owner(path, 0, 0);
    }

    public GuestTree symlink(String path, String target) {
        try {
            Files.createSymbolicLink(resolve(path), Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public GuestTree delete(String path) {
        try {
            Files.deleteIfExists(resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** chmod: the permission bits, and setuid/setgid/sticky through chmod(1) since NIO cannot set them. */
    public GuestTree mode(String path, String octal) {
        int bits = Integer.parseInt(octal, 8);
        try {
            if ((bits & 07000) != 0) {
                Process chmod = new ProcessBuilder("chmod", octal, resolve(path).toString()).inheritIO().start();
                if (chmod.waitFor() != 0) {
                    throw new IllegalStateException("chmod " + octal + " failed");
                }
            } else {
                Files.setPosixFilePermissions(resolve(path), PosixFilePermissions.fromString(rwx(bits)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** chown by number; needs root, as the test machines and CI run. */
    public GuestTree owner(String path, int uid, int gid) {
        try {
            Files.setAttribute(resolve(path), "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(resolve(path), "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static String rwx(int bits) {
        String letters = "rwxrwxrwx";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            out.append((bits & (0400 >> i)) != 0 ? letters.charAt(i) : '-');
        }
        return out.toString();
    }
}
