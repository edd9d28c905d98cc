package dev.quiesce.host;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One known_hosts file shared by every connection of the process. JSch rewrites the whole file from
 * memory when it adds a key, so connections that each loaded their own copy would overwrite each
 * other's additions; here all of them check and add through one copy, one at a time. The copy is
 * reloaded when the file changes on disk by someone else.
 */
final class KnownHostsFile implements HostKeyRepository {
    private static final Map<Path, KnownHostsFile> OPEN = new ConcurrentHashMap<>();

    private final Path file;
    private HostKeyRepository repository;
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

    private HostKeyRepository current() {
        try {
            boolean exists = Files.exists(file);
            FileTime modified = exists ? Files.getLastModifiedTime(file) : null;
            long size = exists ? Files.size(file) : -1;
            if (repository == null || !java.util.Objects.equals(modified, loadedModified) || size != loadedSize) {
                JSch jsch = new JSch();
                if (exists) {
                    jsch.setKnownHosts(file.toString());
                }
                repository = jsch.getHostKeyRepository();
                loadedModified = modified;
                loadedSize = size;
            }
        } catch (IOException | JSchException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return repository;
    }

    @Override
    public synchronized int check(String host, byte[] key) {
        return current().check(host, key);
    }

    @Override
    public synchronized void add(HostKey hostkey, UserInfo ui) {
        current().add(hostkey, ui);
        try {
            loadedModified = Files.getLastModifiedTime(file);
            loadedSize = Files.size(file);
        } catch (IOException e) {
            repository = null; // reload next time
        }
    }

    @Override
    public synchronized void remove(String host, String type) {
        current().remove(host, type);
    }

    @Override
    public synchronized void remove(String host, String type, byte[] key) {
        current().remove(host, type, key);
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return file.toString();
    }

    @Override
    public synchronized HostKey[] getHostKey() {
        return current().getHostKey();
    }

    @Override
    public synchronized HostKey[] getHostKey(String host, String type) {
        return current().getHostKey(host, type);
    }
}
