package dev.quiesce.files;

import dev.quiesce.model.QuiesceException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Writes a file quiesce produces (a report, a capture, a bundle) so that what was at its name cannot
 * redirect the write: the bytes go to a new temporary file in the same directory (created, never opened
 * if it exists, so no link is followed), which is then renamed over the target. A rename replaces a
 * symbolic link at the target instead of writing through it, and a reader never sees half a file.
 *
 * <p>Run as root, quiesce refuses a directory that another user could have planted something in: one
 * writable by group or others without the sticky bit, or owned by someone else.
 */
public final class OutputFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private OutputFile() {}

    /** Something that writes the file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    public static void write(Path target, Content content) throws IOException {
        Path directory = directory(target);
        Path temporary = directory.resolve("." + target.getFileName() + "."
                + HexFormat.of().toHexDigits(RANDOM.nextLong()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                // A writer may close what it is given (PDF's stamper does): the channel stays open to be forced.
                OutputStream out = new java.io.FilterOutputStream(Channels.newOutputStream(channel)) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        this.out.write(bytes, offset, length);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                content.writeTo(out);
                out.flush();
                channel.force(true); // on disk before the rename makes it the report: a crash leaves old or new
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The target's directory, made if missing, and checked as {@link OutputFile} says. */
    public static Path directory(Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new QuiesceException(target + " is a directory; give a file name to write");
        }
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException e) {
            throw new QuiesceException(directory + " is not a directory; cannot write " + target.getFileName()
                    + " in it");
        }
        requireSafeForRoot(directory);
        return directory;
    }

    private static void requireSafeForRoot(Path directory) throws IOException {
        if (!RunningUser.isRoot()) {
            return;
        }
        Map<String, Object> unix;
        try {
            unix = Files.readAttributes(directory, "unix:mode,uid,owner,permissions");
        } catch (UnsupportedOperationException e) {
            return; // not a POSIX file system: nothing to check by mode
        }
        int mode = (Integer) unix.get("mode");
        boolean writableByOthers = (mode & 0022) != 0;
        boolean sticky = (mode & 01000) != 0;
        if (writableByOthers && !sticky) {
            @SuppressWarnings("unchecked")
            Set<PosixFilePermission> permissions = (Set<PosixFilePermission>) unix.get("permissions");
            throw new QuiesceException(directory + " is writable by group or others (mode "
                    + PosixFilePermissions.toString(permissions) + "), and quiesce runs as root: "
                    + "another user could replace what it writes there. Write to a directory only root can write "
                    + "(chmod go-w " + directory + ", or --out elsewhere)");
        }
        if (!unix.get("uid").equals(0)) {
            String owner = ((UserPrincipal) unix.get("owner")).getName();
            throw new QuiesceException(directory + " belongs to " + owner + ", and quiesce runs as root: that user "
                    + "could replace what it writes there. Write to a directory root owns");
        }
    }
}
