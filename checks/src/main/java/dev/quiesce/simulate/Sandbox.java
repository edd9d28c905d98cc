package dev.quiesce.simulate;

import dev.quiesce.model.QuiesceException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a command on this machine inside a bubblewrap ({@code bwrap}) sandbox: no network (a network
 * namespace of its own, with only its own loopback), its own process and IPC namespaces, no
 * capabilities, a clean environment, and a root that mirrors this machine's {@code /} read-only, with
 * files added at chosen paths and empty size-capped tmpfs where writing is allowed.
 *
 * <p>bwrap 0.8 has no overlay, and it cannot create a mount point under a read-only bind, so the root is
 * built the long way: bwrap's new root is a tmpfs; each entry of {@code /} is bound read-only on itself
 * (a symbolic link is recreated as one), except the directories on the way to an added path, which are
 * made afresh and mirrored entry by entry in the same way, recursively only along that path; then the
 * added files are bound, and the root is remounted read-only. A mirrored directory of more than 64
 * entries ({@code /usr/bin}) is bound once under {@code /.sandbox-host} and its entries recreated as
 * links there: bwrap's setup time grows with the square of its binds. Sockets and other special files of the
 * mirrored directories are left out, and {@code /run} is a tmpfs in {@link Builder#standardTmpfs()}, so
 * no daemon's socket is reachable through the mirror.
 *
 * <p>When quiesce runs as root the sandbox does not: {@code setpriv} drops to uid and gid 65534 before
 * bwrap starts (bwrap then maps that user to uid 0 inside, with no capabilities), because the process
 * limit ({@code RLIMIT_NPROC}, set with {@code prlimit}) does not bind root. The limit counts every task
 * of that user on the machine, so it is set to the tasks the user already has plus
 * {@link Limits#processes()}; a fork bomb inside fails to fork past it and is killed with the sandbox
 * at the time limit (the sandbox's process namespace dies with its first process). Written files are
 * capped by {@code RLIMIT_FSIZE}, tmpfs by size, captured output by {@link Limits#capturedBytes()}.
 *
 * <p>A sandbox is prepared once ({@link #builder()}) and may run several commands, one at a time; its
 * tmpfs start empty each run, its output files are emptied before each run. Close it to delete the
 * staged copies of its files.
 */
public final class Sandbox implements AutoCloseable {
    /** How to install bubblewrap, for the message that refuses to run without it. */
    public static final String INSTALL_HINT = "install bubblewrap: apt-get install bubblewrap (Debian, Ubuntu), "
            + "dnf install bubblewrap (Fedora, RHEL and the like)";
    /** The user a root quiesce runs the sandbox as (outside it; inside it is uid 0 with no capabilities). */
    static final int UNPRIVILEGED = 65534;
    private static final List<String> SEARCH = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin");

    /**
     * Bounds on what a sandboxed command may use: tasks of its own (beyond those its user already has),
     * bytes per written file, bytes per tmpfs, and bytes kept of its stdout and of its stderr (the rest
     * is read and counted, never stored).
     */
    public record Limits(int processes, long fileBytes, long tmpfsBytes, int capturedBytes) {
        public static final Limits DEFAULT = new Limits(256, 16L << 20, 64L << 20, 64 << 10);

        public Limits {
            if (processes < 8 || fileBytes < 4096 || tmpfsBytes < 4096 || capturedBytes < 0) {
                throw new IllegalArgumentException("limits too small to run a shell: " + processes + " processes, "
                        + fileBytes + " bytes per file, " + tmpfsBytes + " bytes per tmpfs");
            }
        }
    }

    /** What a command printed on one stream: the first bytes kept, and how many it printed in all. */
    public record Output(byte[] bytes, long total) {
        public Output {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public boolean truncated() {
            return total > bytes.length;
        }

        /** The kept bytes as UTF-8 (malformed bytes replaced); print it only through a terminal-safe filter. */
        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * How a run ended: the command's exit status (bwrap passes it through), or {@code killed} when it
     * was still running at the time limit and was killed with everything it started.
     */
    public record Result(int exitCode, boolean killed, Duration elapsed, Output stdout, Output stderr) {}

    private final Path bwrap;
    private final Optional<Path> setpriv;
    private final Path prlimit;
    private final Limits limits;
    private final Path staging;
    private final Map<String, MirroredRoot.Mount> mounts;
    private final Map<String, Path> outputs;

    private Sandbox(Path bwrap, Optional<Path> setpriv, Path prlimit, Limits limits, Path staging,
            Map<String, MirroredRoot.Mount> mounts, Map<String, Path> outputs) {
        this.bwrap = bwrap;
        this.setpriv = setpriv;
        this.prlimit = prlimit;
        this.limits = limits;
        this.staging = staging;
        this.mounts = mounts;
        this.outputs = outputs;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** bwrap on {@code PATH} or in the usual directories; empty when it is not installed. */
    public static Optional<Path> findBwrap() {
        return find("bwrap");
    }

    private static Optional<Path> find(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(Arrays.stream(path.split(":")).filter(d -> d.startsWith("/")), SEARCH.stream())
                .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    /** Collects what the sandbox holds; {@link #build()} stages the files. */
    public static final class Builder {
        private Optional<Path> bwrap = Optional.empty();
        private Limits limits = Limits.DEFAULT;
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private final Map<String, String> modes = new LinkedHashMap<>();
        private final TreeSet<String> tmpfs = new TreeSet<>();
        private final TreeSet<String> outputs = new TreeSet<>();

        private Builder() {}

        /** The bwrap to run (a test's stand-in); by default {@link #findBwrap()}. */
        public Builder bwrap(Path program) {
            this.bwrap = Optional.of(program);
            return this;
        }

        public Builder limits(Limits value) {
            this.limits = value;
            return this;
        }

        /** A read-only file at {@code path} in the sandbox, holding {@code content}, mode 0755 or 0644. */
        public Builder file(String path, byte[] content, boolean isExecutable) {
            return file(path, content, isExecutable ? "rwxr-xr-x" : "rw-r--r--");
        }

        /**
         * A read-only file at {@code path} holding {@code content}, with {@code permissions} as
         * {@code ls} shows them ({@code rwx------}), owned inside the sandbox by uid and gid 0 (it belongs
         * to the user the sandbox runs as, which is uid 0 inside): a fake guest's root-owned 0700 script.
         */
        public Builder file(String path, byte[] content, String permissions) {
            PosixFilePermissions.fromString(permissions); // refused here, not at build
            String at = SandboxPaths.canonical(path);
            files.put(at, content.clone());
            modes.put(at, permissions);
            return this;
        }

        /** An empty writable tmpfs at {@code path}, hiding whatever this machine has there. */
        public Builder tmpfs(String path) {
            tmpfs.add(SandboxPaths.canonical(path));
            return this;
        }

        /**
         * A writable file at {@code path}, empty at the start of each run, that {@link #output} reads back
         * after it (capped at {@link Limits#fileBytes()}, like every file written inside).
         */
        public Builder outputFile(String path) {
            outputs.add(SandboxPaths.canonical(path));
            return this;
        }

        /**
         * tmpfs on {@code /tmp}, {@code /var/tmp}, {@code /var/log}, {@code /run} (no host daemon's
         * socket), {@code /root}, {@code /home} and the auditor's {@code $HOME}: the places a script writes,
         * and the places that hold the auditor's own files.
         */
        public Builder standardTmpfs() {
            List.of("/tmp", "/var/tmp", "/var/log", "/run", "/root", "/home").forEach(this::tmpfs);
            String home = System.getProperty("user.home", "");
            if (home.startsWith("/") && !Path.of(home).normalize().toString().equals("/")) {
                tmpfs(home);
            }
            return this;
        }

        /**
         * Stages the files in a private directory. Refuses (a {@link QuiesceException}, with how to fix it)
         * when bwrap is not installed, or when quiesce runs as root and {@code setpriv} is missing; it never
         * falls back to running unsandboxed.
         */
        public Sandbox build() {
            Path program = bwrap.or(Sandbox::findBwrap).filter(Files::isExecutable).orElseThrow(() ->
                    new QuiesceException("bwrap (bubblewrap) is not installed, and quiesce never runs a script "
                            + "outside its sandbox: " + INSTALL_HINT));
            Path limiter = find("prlimit").orElseThrow(() -> new QuiesceException("prlimit (util-linux) is not "
                    + "installed: the sandbox needs it to bound processes and file sizes"));
            Optional<Path> dropper = Optional.empty();
            if (SandboxUser.isRoot()) {
                dropper = Optional.of(find("setpriv").orElseThrow(() -> new QuiesceException("setpriv (util-linux) "
                        + "is not installed: as root, the sandbox needs it to run as an unprivileged user (a "
                        + "process limit does not bind root)")));
            }
            Map<String, MirroredRoot.Mount> mounts = new TreeMap<>();
            Map<String, Path> outs = new TreeMap<>();
            Path staging;
            try {
                staging = Files.createTempDirectory("quiesce-sandbox-");
                // The sandbox's user reads the staged files (bwrap binds them as that user).
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
                int n = 0;
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    Path staged = staging.resolve("f" + n++);
                    Files.write(staged, f.getValue());
                    Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString(modes.get(f.getKey())));
                    SandboxUser.handTo(staged, dropper.isPresent());
                    mounts.put(f.getKey(), new MirroredRoot.Mount.Bind(staged, false));
                }
                for (String o : outputs) {
                    Path staged = staging.resolve("o" + n++);
                    Files.write(staged, new byte[0]);
                    Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rw-------"));
                    SandboxUser.handTo(staged, dropper.isPresent());
                    mounts.put(o, new MirroredRoot.Mount.Bind(staged, true));
                    outs.put(o, staged);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stage the sandbox's files", e);
            }
            tmpfs.forEach(t -> mounts.put(t, new MirroredRoot.Mount.Tmpfs()));
            SandboxPaths.requireConsistent(mounts.keySet(), tmpfs);
            return new Sandbox(program, dropper, limiter, limits, staging, mounts, outs);
        }
    }

    /**
     * Runs {@code argv} in the sandbox, from {@code /}, with exactly {@code env} as its environment and
     * {@code /dev/null} as its stdin; kills it and everything it started when it is still running after
     * {@code timeout}.
     */
    public Result run(List<String> argv, Map<String, String> env, Duration timeout) throws IOException {
        return run(argv, env, timeout, null);
    }

    /**
     * As {@link #run(List, Map, Duration)}, with {@code stdin} as the command's input (a probe script for
     * {@code /bin/sh -s}); {@code null} for {@code /dev/null}.
     */
    public Result run(List<String> argv, Map<String, String> env, Duration timeout, byte[] stdin) throws IOException {
        for (Path o : outputs.values()) {
            Files.write(o, new byte[0]);
        }
        ProcessBuilder builder = new ProcessBuilder(command(argv, env));
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        long start = System.nanoTime();
        Process process = builder.start();
        if (stdin != null) {
            byte[] input = stdin.clone();
            Thread.ofVirtual().start(() -> {
                try (var in = process.getOutputStream()) {
                    in.write(input);
                } catch (IOException e) {
                    // The command ended without reading all of it.
                }
            });
        }
        BoundedReader out = BoundedReader.start(process.getInputStream(), limits.capturedBytes());
        BoundedReader err = BoundedReader.start(process.getErrorStream(), limits.capturedBytes());
        boolean killed = false;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killed = true;
                // bwrap's own first process dies with it (--die-with-parent), and with it the process
                // namespace and every process of the sandbox.
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the sandbox ran", e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Result(killed ? -1 : process.exitValue(), killed, elapsed, out.finish(), err.finish());
    }

    /**
     * Checks that bwrap can make this sandbox here (user namespaces allowed, bwrap working) by running
     * {@code true} in it; a {@link QuiesceException} with bwrap's own words and the usual fixes when not.
     */
    public void verify() {
        Result result;
        try {
            result = run(List.of("true"), Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new QuiesceException("cannot start bwrap (" + bwrap + "): " + e.getMessage(), e);
        }
        if (result.killed() || result.exitCode() != 0) {
            String said = result.stderr().text().strip();
            throw new QuiesceException("bwrap (" + bwrap + ") could not make the sandbox"
                    + (said.isEmpty() ? "" : ": " + dev.quiesce.facts.ShownText.escaped(said))
                    + ". It needs user namespaces, which this kernel or its settings refuse: allow them "
                    + "(sysctl kernel.unprivileged_userns_clone=1 on older Debian kernels, user.max_user_namespaces "
                    + "above 0, kernel.apparmor_restrict_unprivileged_userns=0 or an AppArmor profile for bwrap on "
                    + "Ubuntu 23.10 and later), or simulate on another machine; quiesce does not run the script "
                    + "unsandboxed");
        }
    }

    /** The content of an output file after the last run (at most {@link Limits#fileBytes()}). */
    public byte[] output(String path) throws IOException {
        Path staged = outputs.get(SandboxPaths.canonical(path));
        if (staged == null) {
            throw new IllegalArgumentException(path + " is not an output file of this sandbox");
        }
        try (InputStream in = Files.newInputStream(staged, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.fileBytes()));
        }
    }

    /** The whole command line: the limits, the drop to an unprivileged user when root, bwrap and argv. */
    List<String> command(List<String> argv, Map<String, String> env) {
        long processes = processLimit();
        List<String> command = new ArrayList<>(List.of(prlimit.toString(), "--nproc=" + processes + ":" + processes,
                "--fsize=" + limits.fileBytes() + ":" + limits.fileBytes(), "--core=0:0", "--"));
        setpriv.ifPresent(p -> command.addAll(List.of(p.toString(), "--reuid=" + UNPRIVILEGED,
                "--regid=" + UNPRIVILEGED, "--clear-groups", "--no-new-privs")));
        command.add(bwrap.toString());
        command.addAll(List.of("--unshare-all", "--unshare-user", "--uid", "0", "--gid", "0", "--hostname", "sandbox",
                "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv"));
        new TreeMap<>(env).forEach((k, v) -> command.addAll(List.of("--setenv", k, v)));
        command.addAll(new MirroredRoot(mounts, limits.tmpfsBytes()).arguments());
        command.addAll(List.of("--chdir", "/", "--"));
        command.addAll(argv);
        return command;
    }

    /**
     * The tasks the sandbox's user has now, plus the sandbox's own allowance; no more than this process's
     * own hard limit when quiesce is not root (it could not raise it).
     */
    private long processLimit() {
        int uid = setpriv.isPresent() ? UNPRIVILEGED : SandboxUser.uid();
        long wanted = SandboxUser.tasksOf(uid) + limits.processes();
        return setpriv.isPresent() ? wanted : Math.min(wanted, SandboxUser.hardProcessLimit());
    }

    @Override
    public void close() {
        try (Stream<Path> staged = Files.list(staging)) {
            for (Path p : staged.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(staging);
        } catch (IOException e) {
            // A staged copy left in the temporary directory is harmless; the run's result stands.
        }
    }
}
