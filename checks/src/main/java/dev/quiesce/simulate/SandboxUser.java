package dev.quiesce.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Who runs the sandbox, and how many tasks that user already has. */
final class SandboxUser {
    private SandboxUser() {}

    /** This process's effective uid, read from who owns {@code /proc/self}. */
    static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot tell which user quiesce runs as: " + e.getMessage(), e);
        }
    }

    static boolean isRoot() {
        return uid() == 0;
    }

    /** Gives a staged output file to the sandbox's user, who writes it from inside. */
    static void handTo(Path file, boolean dropsToUnprivileged) throws IOException {
        if (dropsToUnprivileged) {
            Files.setAttribute(file, "unix:uid", Sandbox.UNPRIVILEGED);
            Files.setAttribute(file, "unix:gid", Sandbox.UNPRIVILEGED);
        }
    }

    /**
     * The tasks (threads count: {@code RLIMIT_NPROC} counts them) whose real uid is {@code uid}, from the
     * {@code Uid:} and {@code Threads:} lines of each {@code /proc/PID/status}.
     */
    static long tasksOf(int uid) {
        long tasks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                tasks += tasksIn(p.resolve("status"), uid);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
        return tasks;
    }

    private static long tasksIn(Path status, int uid) {
        try {
            boolean mine = false;
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).strip().split("\\s+");
                    mine = ids.length > 0 && ids[0].equals(Integer.toString(uid));
                } else if (line.startsWith("Threads:") && mine) {
                    return Long.parseLong(line.substring(8).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended while we read it.
        }
        return 0;
    }

    /** This process's hard {@code RLIMIT_NPROC}, from {@code /proc/self/limits}; unbounded when unreadable. */
    static long hardProcessLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max processes")) {
                    String[] words = line.substring("Max processes".length()).strip().split("\\s+");
                    return words.length > 1 && words[1].matches("[0-9]+") ? Long.parseLong(words[1]) : Long.MAX_VALUE;
                }
            }
        } catch (IOException | RuntimeException e) {
            // No procfs: prlimit will say so if the limit cannot be set.
        }
        return Long.MAX_VALUE;
    }
}
