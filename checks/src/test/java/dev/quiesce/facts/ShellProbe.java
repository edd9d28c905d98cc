package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a real {@link ProbeScript} through a real shell, for tests that need more control than
 * {@code LocalHost} gives: the token (to forge frames with it), a prelude that shadows commands with
 * shell functions (to force the {@code ls} fallback or BusyBox applets), or a different user.
 */
public final class ShellProbe {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A shell to run the probe with: its argv and shell text run before the script. */
    public record Shell(String name, List<String> argv, String prelude) {
        public Shell withPrelude(String more) {
            return new Shell(name + " (" + more.strip() + ")", argv, prelude + more);
        }

        public Shell runAs(List<String> wrapper) {
            List<String> all = new ArrayList<>(wrapper);
            all.addAll(argv);
            return new Shell(name + " via " + wrapper.getFirst(), all, prelude);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A probe run: the script as sent and the transcript of its answer. */
    public record Run(ProbeScript script, ProbeTranscript transcript) {
        public ProbeFacts facts() {
            return transcript.facts();
        }

        public byte[] answer() {
            return transcript.stages().get(0).answer();
        }

        /** The body bytes of the frame that answers {@code request}, exactly as the shell sent them. */
        public byte[] body(FactRequest<?> request) {
            String id = script.requestsById().entrySet().stream().filter(e -> e.getValue().equals(request.probed()))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            return new AnswerParser(script.token()).parse(answer()).frames().get(id).body();
        }
    }

    /** Shadowing a command with a failing function makes the script believe {@code stat -c} is missing. */
    public static final String NO_STAT_C = "stat() { return 1; }\n";

    private ShellProbe() {}

    public static Shell sh() {
        return new Shell("/bin/sh", List.of("/bin/sh", "-s"), "");
    }

    /** {@code /bin/sh}, plus bash and BusyBox (with its own applets) when this machine has them. */
    public static Stream<Shell> shells() {
        List<Shell> shells = new ArrayList<>(List.of(sh()));
        executable("bash").ifPresent(bash -> shells.add(new Shell("bash --posix",
                List.of(bash.toString(), "--posix", "-s"), "")));
        busybox().ifPresent(shells::add);
        return shells.stream();
    }

    /**
     * BusyBox's {@code sh} with BusyBox's {@code stat}, {@code ls}, {@code head}, {@code grep} and the
     * rest in place of GNU's (functions shadow the commands the script's PATH would find first), as on an
     * appliance or ESXi; empty when BusyBox is not installed.
     */
    public static Optional<Shell> busybox() {
        return executable("busybox").map(bb -> {
            StringBuilder prelude = new StringBuilder();
            for (String applet : List.of("stat", "ls", "head", "tr", "grep", "readlink", "id", "uname", "date",
                    "gzip", "zcat")) {
                prelude.append(applet).append("() { ").append(ShellQuote.quote(bb.toString())).append(' ')
                        .append(applet).append(" \"$@\"; }\n");
            }
            return new Shell("busybox sh", List.of(bb.toString(), "sh", "-s"), prelude.toString());
        });
    }

    public static Optional<Path> executable(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin:/bin";
        return Stream.of(path.split(":")).filter(d -> !d.isEmpty()).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst();
    }

    public static String freshToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static Run run(Shell shell, String root, List<? extends FactRequest<?>> requests) {
        return run(shell, freshToken(), root, requests);
    }

    public static Run run(Shell shell, String token, String root, List<? extends FactRequest<?>> requests) {
        ProbeScript script = new ProbeScript(token, root, requests);
        byte[] answer = execute(shell.argv(), (shell.prelude() + script.text()).getBytes(StandardCharsets.UTF_8));
        return new Run(script, new ProbeTranscript(root, "", new ProbeStage(token, script.requestsById(), answer,
                Instant.now())));
    }

    /** The lines of a scan as grep prints them, {@code file:number:text} each with a newline. */
    public static String text(Lines lines) {
        StringBuilder out = new StringBuilder();
        lines.lines().forEach(l -> out.append(l.file()).append(':').append(l.number()).append(':').append(l.text())
                .append('\n'));
        return out.toString();
    }

    /** Runs {@code argv} with {@code stdin}; returns stdout. Fails the test if it does not end in 20 s. */
    public static byte[] execute(List<String> argv, byte[] stdin) {
        try {
            Process process = new ProcessBuilder(argv).directory(Path.of("/").toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                try (var in = process.getInputStream()) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(argv + " did not finish");
            }
            return out.get(20, TimeUnit.SECONDS);
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("could not run " + argv + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Runs {@code /bin/sh -c script sh args...} in {@code directory}, for test set-up that Java cannot do
     * (FIFOs, setuid bits, file names that are not UTF-8); values go in as positional parameters.
     */
    public static void shell(Path directory, String script, String... args) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", script, "sh"));
        argv.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), () -> "set-up failed: " + script + "\n" + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
