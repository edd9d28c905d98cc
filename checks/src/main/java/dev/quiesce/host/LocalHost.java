package dev.quiesce.host;

import dev.quiesce.facts.ProbeScript;
import dev.quiesce.facts.ProbeStage;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * This machine, probed with {@code /bin/sh -s}, one shell per stage. With a root directory, paths are
 * read under it as if it were {@code /} (a mounted VM disk, a test tree); commands are then not run,
 * since their output would describe this machine, and their facts say so. {@code deadline} bounds all
 * stages of one session together. The shell is {@code /bin/sh -s} unless a caller names another way to
 * start one (the end-to-end tests start it inside a sandbox that lays a guest's tree over {@code /}).
 */
public final class LocalHost implements Host {
    private final HostInfo info;
    private final Optional<Path> root;
    private final Duration deadline;
    private final Clock clock;
    private final List<String> shell;

    public LocalHost(HostInfo info, Optional<Path> root, Duration deadline, Clock clock) {
        this(info, root, deadline, clock, List.of("/bin/sh", "-s"));
    }

    /** @param shell the command that reads the probe script on its standard input and runs it */
    public LocalHost(HostInfo info, Optional<Path> root, Duration deadline, Clock clock, List<String> shell) {
        this.info = info;
        this.root = root.map(p -> p.toAbsolutePath().normalize());
        this.deadline = deadline;
        this.clock = clock;
        this.shell = List.copyOf(shell);
    }

    @Override
    public HostInfo info() {
        return info;
    }

    @Override
    public String transport() {
        return root.map(r -> "local --root " + r).orElse("local");
    }

    @Override
    public HostSession open() throws HostException {
        if (root.isPresent() && !Files.isDirectory(root.get())) {
            throw new HostException(HostStatus.ERROR, "--root " + root.get() + " is not a directory");
        }
        String prefix = root.map(Path::toString).filter(r -> !r.equals("/")).orElse("");
        long end = System.nanoTime() + deadline.toNanos();
        return HostSession.of(requests -> run(new ProbeScript(Tokens.fresh(), prefix, requests), end), prefix,
                () -> "", () -> { });
    }

    private ProbeStage run(ProbeScript script, long end) throws HostException {
        long left = end - System.nanoTime();
        if (left <= 0) {
            throw new HostException(HostStatus.ERROR, "no time left within the deadline of " + deadline.toSeconds()
                    + " s for another stage of the probe");
        }
        ProcessBuilder builder = new ProcessBuilder(shell).directory(Path.of("/").toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new HostException(HostStatus.ERROR, "cannot start " + shell.get(0) + ": " + e.getMessage(), e);
        }
        try {
            CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(script.bytes());
            }
            if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
                throw new HostException(HostStatus.ERROR, "the probe did not finish within the deadline of "
                        + deadline.toSeconds() + " s; stopped it");
            }
            return new ProbeStage(script.token(), script.requestsById(),
                    answer.get(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS), clock.instant());
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new HostException(HostStatus.ERROR, "the local probe failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException(HostStatus.ERROR, "interrupted while probing", e);
        } finally {
            // Children first: a command the shell started must not outlive a stopped probe.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return BoundedStreams.readAll(in, BoundedStreams.MAX_ANSWER_BYTES);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
