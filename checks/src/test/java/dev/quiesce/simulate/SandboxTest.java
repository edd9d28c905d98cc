package dev.quiesce.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.model.QuiesceException;
import dev.quiesce.testing.Bwrap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile scripts against the real sandbox: each tries to get out, and must not. */
class SandboxTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "HOME", "/root");

    @TempDir
    Path dir;

    private static Sandbox.Result bash(Sandbox sandbox, String script, Duration timeout) throws IOException {
        return sandbox.run(List.of("/bin/bash", "-c", script), ENV, timeout);
    }

    private static Sandbox standard() {
        return Sandbox.builder().bwrap(Bwrap.required()).standardTmpfs().build();
    }

    @Test
    void writesOutsideTheTmpfsAreRefusedAndLandNowhere() throws Exception {
        Path repository = Path.of("").toAbsolutePath();
        Path mark = repository.resolve("written-from-the-sandbox");
        try (Sandbox sandbox = standard()) {
            Sandbox.Result r = bash(sandbox, "for f in /etc/qz-mark /usr/qz-mark /usr/bin/qz-mark /var/qz-mark /qz-mark "
                    + "'" + mark + "'; do if echo x > \"$f\"; then echo WROTE \"$f\"; fi; done; "
                    + "echo ok > /tmp/t && echo ok > /var/log/t && echo ok > /root/t && echo TMPFS-WRITABLE",
                    Duration.ofSeconds(10));
            assertFalse(r.stdout().text().contains("WROTE"), r.stdout().text());
            assertTrue(r.stdout().text().contains("TMPFS-WRITABLE"), r.stdout().text() + r.stderr().text());
        }
        for (String f : List.of("/etc/qz-mark", "/usr/qz-mark", "/usr/bin/qz-mark", "/var/qz-mark", "/qz-mark")) {
            assertFalse(Files.exists(Path.of(f)), f);
        }
        assertFalse(Files.exists(mark));
    }

    @Test
    void theAuditorsHomeIsNotVisible() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path secret = Files.writeString(home.resolve("secret"), "the auditor's key");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        String before = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try (Sandbox sandbox = standard()) {
            Sandbox.Result r = bash(sandbox, "cat '" + secret + "'; ls -A '" + home + "' /root /home; echo x > '" + home
                    + "/planted'; echo done", Duration.ofSeconds(10));
            assertFalse(r.stdout().text().contains("the auditor's key"), r.stdout().text());
            assertFalse(r.stdout().text().contains("secret"), r.stdout().text());
            assertTrue(r.stdout().text().contains("done"), r.stderr().text());
        } finally {
            System.setProperty("user.home", before);
        }
        assertFalse(Files.exists(home.resolve("planted")));
        // The same read without the sandbox works: the test would show nothing if the file were unreadable.
        assertEquals("the auditor's key", Files.readString(secret));
    }

    @Test
    void noNetworkNotEvenTheAuditorsLoopback() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress()); Sandbox sandbox = standard()) {
            AtomicInteger accepted = new AtomicInteger();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    server.setSoTimeout(8000);
                    server.accept().close();
                    accepted.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // Nothing came: what the test wants.
                } catch (IOException e) {
                    // Closed at the end of the test.
                }
            });
            int port = server.getLocalPort();
            Sandbox.Result r = bash(sandbox, "if echo hello > /dev/tcp/127.0.0.1/" + port + "; then echo CONNECTED; fi; "
                    + "if (exec 3<>/dev/tcp/1.1.1.1/53) 2>/dev/null; then echo OUTSIDE; fi; echo done",
                    Duration.ofSeconds(10));
            assertFalse(r.stdout().text().contains("CONNECTED"), r.stdout().text());
            assertFalse(r.stdout().text().contains("OUTSIDE"), r.stdout().text());
            assertTrue(r.stdout().text().contains("done"), r.stderr().text());
            // Outside the sandbox the port answers: the refusal above is the sandbox's doing.
            try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                assertTrue(s.isConnected());
            }
            acceptor.join(10_000);
            assertEquals(1, accepted.get(), "only the connection made outside the sandbox arrived");
        }
    }

    @Test
    void aForkBombEndsAtTheTimeLimitAndLeavesTheMachineWorking() throws Exception {
        int uid = SandboxUser.isRoot() ? Sandbox.UNPRIVILEGED : SandboxUser.uid();
        long before = SandboxUser.tasksOf(uid);
        java.util.concurrent.atomic.AtomicLong most = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                most.accumulateAndGet(SandboxUser.tasksOf(uid), Math::max);
            }
        });
        try (Sandbox sandbox = standard()) {
            long start = System.nanoTime();
            Sandbox.Result r = bash(sandbox, "b() { b | b & }; b; sleep 60", Duration.ofSeconds(4));
            long took = (System.nanoTime() - start) / 1_000_000;
            running.set(false);
            sampler.join();
            assertTrue(r.killed(), "exit " + r.exitCode());
            assertTrue(took < 4000 + 10_000, "the sandbox ended " + took + " ms after a 4 s limit");
        }
        // The bomb ran into the process limit: its user never had more tasks than the limit allows.
        assertTrue(most.get() > before + 50, "the bomb did run: at most " + most.get() + " tasks, " + before + " before");
        assertTrue(most.get() <= before + Sandbox.Limits.DEFAULT.processes() + 8, "at most " + most.get() + " tasks of uid "
                + uid + " during the bomb, " + before + " before");
        // Every task of the sandbox is gone (the kernel tears down the process namespace with its first process).
        long after = waitForTasks(uid, before);
        assertTrue(after <= before, "tasks of uid " + uid + ": " + before + " before, " + after + " after");
        Process p = new ProcessBuilder("true").start();
        assertEquals(0, p.waitFor(), "this machine can still start processes");
    }

    @Test
    void theProcessLimitBindsInsideTheSandbox() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().bwrap(Bwrap.required()).standardTmpfs()
                .limits(new Sandbox.Limits(40, 1 << 20, 1 << 20, 4096)).build()) {
            Sandbox.Result r = bash(sandbox, "n=0; while [ $n -lt 200 ]; do sleep 30 & if [ $? -ne 0 ]; then break; fi; "
                    + "n=$((n+1)); done; echo started $n", Duration.ofSeconds(20));
            String said = r.stdout().text() + r.stderr().text();
            assertTrue(said.contains("fork") || said.contains("Resource temporarily unavailable"), said);
            assertFalse(said.contains("started 200"), said);
        }
    }

    private static long waitForTasks(int uid, long target) throws InterruptedException {
        long now = SandboxUser.tasksOf(uid);
        for (int i = 0; i < 100 && now > target; i++) {
            Thread.sleep(100);
            now = SandboxUser.tasksOf(uid);
        }
        return now;
    }

    @Test
    void aScriptThatNeverExitsIsKilledWithEverythingItStarted() throws Exception {
        try (Sandbox sandbox = standard()) {
            Sandbox.Result r = bash(sandbox, "setsid sleep 1234567 & nohup sleep 1234568 >/dev/null 2>&1 & "
                    + "trap '' TERM HUP INT; while :; do :; done", Duration.ofSeconds(2));
            assertTrue(r.killed());
            assertEquals(-1, r.exitCode());
            assertTrue(r.elapsed().toMillis() >= 2000 && r.elapsed().toMillis() < 12_000, r.elapsed().toString());
        }
        Thread.sleep(300);
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                String cmdline;
                try {
                    cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    continue;
                }
                assertFalse(cmdline.contains("123456"), "left behind: " + p + " " + cmdline.replace('\0', ' '));
            }
        }
    }

    @Test
    void hugeOutputAndTerminalEscapesAreCapturedBounded() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().bwrap(Bwrap.required()).standardTmpfs()
                .limits(new Sandbox.Limits(64, 1 << 20, 1 << 20, 1000)).build()) {
            Sandbox.Result r = bash(sandbox, "printf '\\033]0;pwned\\007\\033[2J'; head -c 30000000 /dev/zero; "
                    + "head -c 5000000 /dev/zero >&2; head -c 5000000 /dev/zero > /tmp/big; echo \"fsize $?\" >&2",
                    Duration.ofSeconds(20));
            assertEquals(1000, r.stdout().bytes().length);
            assertEquals(30_000_000 + 14, r.stdout().total());
            assertTrue(r.stdout().truncated());
            assertTrue(r.stdout().text().startsWith("\033]0;pwned\007"), "kept as bytes; printing is the CLI's care");
            assertEquals(1000, r.stderr().bytes().length);
            assertTrue(r.stderr().total() > 5_000_000);
        }
    }

    @Test
    void writtenFilesAreCappedBySize() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().bwrap(Bwrap.required()).standardTmpfs().outputFile("/.out/log")
                .limits(new Sandbox.Limits(64, 100_000, 1 << 22, 4096)).build()) {
            Sandbox.Result r = bash(sandbox, "head -c 300000 /dev/zero > /.out/log; echo \"status $?\"; "
                    + "head -c 300000 /dev/zero > /tmp/x; echo \"tmp $?\"", Duration.ofSeconds(20));
            assertTrue(r.stdout().text().contains("status 1") || r.stdout().text().contains("status 153"), r.stdout().text());
            assertEquals(100_000, sandbox.output("/.out/log").length);
        }
    }

    @Test
    void addedFilesAppearAtTheirPathsOnAReadOnlyMirror() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().bwrap(Bwrap.required()).standardTmpfs()
                .file("/usr/irissys/bin/csession", "#!/bin/sh\necho stand-in \"$@\"\n".getBytes(StandardCharsets.UTF_8), true)
                .file("/bin/ccontrol", "#!/bin/sh\necho control\n".getBytes(StandardCharsets.UTF_8), true)
                .outputFile("/.quiesce/calls").build()) {
            Sandbox.Result r = bash(sandbox, "/usr/irissys/bin/csession IRIS; ccontrol; id -u; ls /usr/bin/env; "
                    + "echo logged > /.quiesce/calls; touch /usr/irissys/bin/x || echo READONLY", Duration.ofSeconds(10));
            assertEquals("stand-in IRIS\ncontrol\n0\n/usr/bin/env\nREADONLY\n", r.stdout().text(), r.stderr().text());
            assertEquals("logged\n", new String(sandbox.output("/.quiesce/calls"), StandardCharsets.UTF_8));
            assertEquals(0, r.exitCode());
        }
    }

    @Test
    void anAddedFileKeepsItsModeAndBelongsToRootInside() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().bwrap(Bwrap.required()).standardTmpfs()
                .file("/usr/sbin/pre-freeze-script", "#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.UTF_8), "rwx------")
                .build()) {
            Sandbox.Result r = bash(sandbox, "stat -c '%a %u %g' /usr/sbin/pre-freeze-script; /usr/sbin/pre-freeze-script; "
                    + "echo $?", Duration.ofSeconds(10));
            assertEquals("700 0 0\n0\n", r.stdout().text(), r.stderr().text());
        }
    }

    @Test
    void aScriptOnStdinRunsAsAProbeWould() throws Exception {
        try (Sandbox sandbox = standard()) {
            Sandbox.Result r = sandbox.run(List.of("/bin/sh", "-s"), ENV, Duration.ofSeconds(10),
                    "echo from-stdin; id -u\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("from-stdin\n0\n", r.stdout().text(), r.stderr().text());
        }
    }

    @Test
    void withoutBwrapNothingRunsAndTheMessageSaysHowToInstallIt() {
        QuiesceException e = assertThrows(QuiesceException.class, () -> Sandbox.builder()
                .bwrap(Path.of("/nonexistent/bwrap")).build());
        assertTrue(e.getMessage().contains("apt-get install bubblewrap"), e.getMessage());
        assertTrue(e.getMessage().contains("dnf install bubblewrap"), e.getMessage());
    }

    @Test
    void aBwrapTheKernelRefusesIsAClearErrorNotARunUnsandboxed() throws Exception {
        Path fake = dir.resolve("bwrap");
        Path ran = dir.resolve("ran");
        Files.writeString(fake, "#!/bin/sh\necho 'bwrap: No permissions to creating new namespace, likely because the "
                + "kernel does not allow non-privileged user namespaces.' >&2\nexit 1\n");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Sandbox sandbox = Sandbox.builder().bwrap(fake).standardTmpfs().build()) {
            QuiesceException e = assertThrows(QuiesceException.class, sandbox::verify);
            assertTrue(e.getMessage().contains("non-privileged user namespaces"), e.getMessage());
            assertTrue(e.getMessage().contains("does not run the script unsandboxed"), e.getMessage());
        }
        assertFalse(Files.exists(ran));
    }
}
