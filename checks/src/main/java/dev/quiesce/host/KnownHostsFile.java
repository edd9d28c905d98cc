package dev.quiesce.host;

import dev.quiesce.model.QuiesceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One known_hosts file shared by every connection of the process, read with quiesce's own reader
 * ({@link KnownHostsLine}, {@link HostPatterns}) because JSch's ignores patterns, negation and markers:
 * a {@code *} line holding another key must be a changed key, not an unknown one to add. A new key is
 * appended as one line, so the rest of the file (comments, patterns, hashed names) stays as it was;
 * connections check and add one at a time. The copy is reloaded when the file changes on disk.
 */
final class KnownHostsFile {
    /** Larger than any known_hosts a person keeps; beyond it the file is refused, not read into memory. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final Map<Path, KnownHostsFile> OPEN = new ConcurrentHashMap<>();

    private final Path file;
    private List<KnownHostsLine> lines;
    private FileTime loadedModified;
    private long loadedSize;

    private KnownHostsFile(Path file) {
        this.file = file;
    }

    /** The shared copy of {@code file}, created empty when it does not exist and {@code create} is set. */
    static KnownHostsFile of(Path file, boolean create) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        if (create && !Files.exists(key)) {
            Files.createDirectories(key.getParent());
            try {
                Files.createFile(key);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another host created it first
            }
        }
        return OPEN.computeIfAbsent(key, KnownHostsFile::new);
    }

    /**
     * Refuses, before any host is contacted, a known_hosts path that cannot serve: a directory, a FIFO or
     * device, a file that cannot be read, and with {@code acceptNew} one that cannot be written or created.
     * A file that does not exist is fine without {@code acceptNew}: every host is then unknown, and refused.
     */
    static void requireUsable(Path file, boolean acceptNew) {
        String change = "; give --known-hosts a known_hosts file";
        if (Files.isDirectory(file)) {
            throw new QuiesceException(file + " is a directory, not a known_hosts file" + change + " (for example "
                    + file.resolve("known_hosts") + ")");
        }
        if (Files.exists(file)) {
            if (!Files.isRegularFile(file)) {
                throw new QuiesceException(file + " is not a regular file (a FIFO, device or socket)" + change);
            }
            try (InputStream in = Files.newInputStream(file)) {
                // opened: readable
            } catch (IOException e) {
                throw new QuiesceException(file + " cannot be read (" + reason(e) + "); make it readable by this user"
                        + change.replace("; give", ", or give"));
            }
            if (acceptNew) {
                try (var out = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
                    // opened for appending, nothing written
                } catch (IOException e) {
                    throw new QuiesceException(file + " cannot be written (" + reason(e) + "), and "
                            + "--accept-new-host-keys adds keys to it; make it writable, give --known-hosts another "
                            + "file, or leave out --accept-new-host-keys");
                }
            }
            return;
        }
        if (acceptNew) {
            Path ancestor = file.toAbsolutePath().getParent();
            while (ancestor != null && !Files.exists(ancestor)) {
                ancestor = ancestor.getParent();
            }
            if (ancestor == null || !Files.isDirectory(ancestor) || !Files.isWritable(ancestor)) {
                throw new QuiesceException(file + " does not exist and cannot be created (" + ancestor + " is "
                        + (ancestor != null && !Files.isDirectory(ancestor) ? "not a directory" : "not writable")
                        + "), and --accept-new-host-keys must add keys to it" + change);
            }
        }
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getClass().getSimpleName();
    }

    Path path() {
        return file;
    }

    /** What the file says of {@code key} offered by {@code name} (as {@link KnownHostsLine#lookupName}). */
    synchronized HostKeyCheck check(String name, byte[] key) throws IOException {
        return HostKeyCheck.of(naming(name), key);
    }

    /** The readable key lines whose host field names {@code name}, in file order. */
    synchronized List<KnownHostsLine> naming(String name) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        return current().stream().filter(l -> l.names(lower)).toList();
    }

    /** Appends {@code name}'s key; the caller has checked that the file holds no key for the name. */
    synchronized void add(String name, byte[] key) throws IOException {
        byte[] existing = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        String prefix = existing.length > 0 && existing[existing.length - 1] != '\n' ? "\n" : "";
        Files.writeString(file, prefix + KnownHostsLine.format(name, key) + "\n", StandardCharsets.ISO_8859_1,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        lines = null; // read again, with the new line, next time
    }

    private List<KnownHostsLine> current() throws IOException {
        boolean exists = Files.exists(file);
        FileTime modified = exists ? Files.getLastModifiedTime(file) : null;
        long size = exists ? Files.size(file) : -1;
        if (lines == null || !Objects.equals(modified, loadedModified) || size != loadedSize) {
            lines = exists ? read() : List.of();
            loadedModified = modified;
            loadedSize = size;
        }
        return lines;
    }

    /** Host names and keys are ASCII; other bytes are kept one char each so nothing is lost or guessed. */
    private List<KnownHostsLine> read() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
        }
        List<KnownHostsLine> read = new ArrayList<>();
        String[] text = new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1);
        for (int i = 0; i < text.length; i++) {
            KnownHostsLine.parse(i + 1, text[i]).ifPresent(read::add);
        }
        return List.copyOf(read);
    }
}
