package dev.quiesce.cli;

import dev.quiesce.engine.AuditListener;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.Status;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress on stderr while hosts are audited: on a terminal one line redrawn in place (hosts done of
 * all, hosts not audited, hosts with failures, time left); otherwise a plain line per host, for logs.
 */
final class ProgressPrinter implements AuditListener {
    private static final int BAR = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger notAudited = new AtomicInteger();
    private final AtomicInteger failing = new AtomicInteger();
    private volatile int total;
    private volatile long startNanos;

    /**
     * Whether stderr, where progress goes, is a terminal. Java tells only of stdout (the console);
     * on Linux, /proc says where file descriptor 2 leads; elsewhere stdout stands in for it.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return picocli.CommandLine.Help.Ansi.AUTO.enabled();
        }
    }

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void started(int hosts) {
        total = hosts;
        startNanos = System.nanoTime();
    }

    @Override
    public synchronized void hostFinished(HostResult result) {
        int n = done.incrementAndGet();
        if (!result.audited()) {
            notAudited.incrementAndGet();
        }
        long fails = result.findings().stream().filter(f -> f.status() == Status.FAIL).count();
        if (fails > 0) {
            failing.incrementAndGet();
        }
        if (terminal) {
            int filled = total == 0 ? BAR : BAR * n / total;
            err.printf("\r[%s%s] %d/%d hosts, %d not audited, %d failing, %s left ", "=".repeat(filled),
                    " ".repeat(BAR - filled), n, total, notAudited.get(), failing.get(), eta(n));
            if (n == total) {
                err.println();
            }
        } else {
            err.printf("quiesce: %d/%d %s: %s%s%n", n, total, TerminalText.safe(result.name()), result.status(),
                    result.audited() ? (fails > 0 ? ", " + fails + " FAIL" : "") : " (" + TerminalText.safe(
                            result.error()) + ")");
        }
        err.flush();
    }

    private String eta(int n) {
        long elapsed = System.nanoTime() - startNanos;
        Duration left = Duration.ofNanos(n == 0 ? 0 : elapsed / n * (total - n));
        return String.format("%d:%02d", left.toMinutes(), left.toSecondsPart());
    }
}
