package dev.quiesce.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who this process runs as, for the checks only root needs. */
final class RunningUser {
    private RunningUser() {}

    /** True when the effective user is root: {@code /proc/self} belongs to the process's effective user. */
    static boolean isRoot() {
        try {
            return Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
