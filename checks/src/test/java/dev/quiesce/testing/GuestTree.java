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

    /**
     * A VMware guest running one Caché instance, as a live host shows it once the tree is laid over {@code /}:
     * {@link #passing}'s DMI and vmtoolsd, open-vm-tools 12.3.5 installed, enabled and running, a tools.conf, the
     * instance {@code CACHE} up in {@code /usr/cachesys} with its CPF, the guest's own users, and stand-ins
     * for the commands the probe runs. The freeze and thaw scripts are the article's pair.
     */
    public static GuestTree vmwareCacheGuest(Path root, String freeze, String thaw) {
        GuestTree tree = passing(root).file(FREEZE, freeze, "0700").file(THAW, thaw, "0700");
        tree.directory("/usr/cachesys", "0755").directory("/usr/cachesys/bin", "0755");
        tree.file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\ncacheusr:x:51773:51773::/home/cacheusr:/bin/false\n"
                + "dbadmin:x:1000:1000:DBA:/home/dbadmin:/bin/bash\n", "0644");
        tree.file("/etc/group", "root:x:0:\ncacheusr:x:51773:\ndbadmin:x:1000:\n", "0644");
        tree.file("/etc/vmware-tools/tools.conf", "[vmbackup]\nenableSyncDriver=true\n", "0644");
        tree.standIn("/usr/bin/systemd-detect-virt", "echo vmware\n");
        tree.standIn("/usr/bin/vmware-toolbox-cmd", "[ \"$1\" = -v ] && { echo '12.3.5.46049 (build-22544099)'; exit 0; }\n"
                + "exit 64\n");
        tree.standIn("/usr/bin/dpkg-query", "for last do :; done\n"
                + "[ \"$last\" = open-vm-tools ] && { echo 'install ok installed'; exit 0; }\n"
                + "echo \"dpkg-query: no packages found matching $last\" >&2; exit 1\n");
        tree.standIn("/usr/bin/systemctl", "for unit do :; done\ncase \"$1 $unit\" in\n"
                + "  'is-enabled open-vm-tools.service') echo enabled ;;\n"
                + "  'is-enabled vmtoolsd.service') echo alias ;;\n"
                + "  'is-active open-vm-tools.service'|'is-active vmtoolsd.service') echo active ;;\n"
                + "  *) echo \"Failed to get unit file state for $unit: No such file or directory\" >&2; exit 1 ;;\nesac\n");
        tree.standIn("/usr/bin/ps", "cat <<'PS'\nroot     /sbin/init\nroot     /usr/bin/vmtoolsd\n"
                + "cacheusr /usr/cachesys/bin/cache -s/usr/cachesys/mgr -cc\n"
                + "dbadmin  /usr/bin/vmtoolsd -n vmusr --blockFd 3\nPS\n");
        tree.standIn("/usr/cachesys/bin/ccontrol", "case \"$1\" in\n"
                + "  qlist) echo 'CACHE^/usr/cachesys^2018.1.4.505.0^running, since Tue Dec  1 02:00:00 2026^cache.cpf^1972^57772^62972^ok' ;;\n"
                + "  qall) printf 'Instance Name     Version ID        Port   Directory\\n"
                + "-------------     ----------        ----   ---------\\nup >CACHE         2018.1.4.505.0    1972   /usr/cachesys\\n' ;;\n"
                + "  *) exit 1 ;;\nesac\n");
        tree.symlink("/usr/bin/ccontrol", "/usr/cachesys/bin/ccontrol");
        tree.file("/usr/cachesys/cache.cpf", "[ConfigFile]\nProduct=Cache\n[Journal]\n"
                + "AlternateDirectory=/usr/cachesys/mgr/journal/\nCurrentDirectory=/usr/cachesys/mgr/journal/\n"
                + "[MirrorMember]\n[Mirrors]\n", "0644");
        return tree;
    }

    /** An executable POSIX {@code sh} script at {@code path} that stands in for a command of the guest. */
    public GuestTree standIn(String path, String body) {
        return file(path, "#!/bin/sh\n# a stand-in for the guest's own command\n" + body, "0755");
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
