package dev.quiesce.engine;

import dev.quiesce.facts.CannedFacts;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeStage;
import dev.quiesce.host.Host;
import dev.quiesce.host.HostException;
import dev.quiesce.host.HostSession;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostStatus;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host for the engine's error paths: it answers from canned facts, and each of its stages, in order,
 * arrives whole, arrives cut short (its final frame missing), or is lost with the connection. It counts
 * its sessions and stages, and can be made to hang when opened until released.
 */
final class ScriptedHost implements Host {
    enum Stage { WHOLE, CUT, DROPPED }

    private final HostInfo info;
    private final CannedFacts answers;
    private final List<Stage> stages;
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger probes = new AtomicInteger();
    /** Counted down when a session is being opened. */
    final CountDownLatch opening = new CountDownLatch(1);
    private volatile CountDownLatch hold;
    volatile Boolean openedOnDaemonThread;

    ScriptedHost(HostInfo info, CannedFacts answers, Stage... stages) {
        this.info = info;
        this.answers = answers;
        this.stages = List.of(stages);
    }

    /** Opening a session waits until {@code release} is counted down, interrupted or not. */
    ScriptedHost hangUntil(CountDownLatch release) {
        this.hold = release;
        return this;
    }

    @Override
    public HostInfo info() {
        return info;
    }

    @Override
    public String transport() {
        return "scripted";
    }

    @Override
    public HostSession open() throws HostException {
        opened.incrementAndGet();
        openedOnDaemonThread = Thread.currentThread().isDaemon();
        opening.countDown();
        if (hold != null) {
            // a connect hung in the network: it does not notice an interrupt
            boolean interrupted = false;
            while (true) {
                try {
                    hold.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return HostSession.of(requests -> {
            int number = probes.incrementAndGet();
            Stage how = number <= stages.size() ? stages.get(number - 1) : Stage.WHOLE;
            if (how == Stage.DROPPED) {
                throw new HostException(HostStatus.ERROR, "connection reset by peer");
            }
            ProbeStage stage = answers.stage(requests);
            return how == Stage.WHOLE ? stage : new ProbeStage(stage.token(), stage.requests(),
                    withoutEnd(stage.token(), stage.answer()), stage.received());
        }, "", answers::note, () -> { });
    }

    /** The answer up to its final frame, as a connection cut just before the probe finished leaves it. */
    private static byte[] withoutEnd(String token, byte[] answer) {
        byte[] end = (token + " B end ").getBytes(StandardCharsets.US_ASCII);
        for (int i = answer.length - end.length; i >= 0; i--) {
            if (Arrays.equals(answer, i, i + end.length, end, 0, end.length)) {
                return Arrays.copyOf(answer, i);
            }
        }
        throw new IllegalStateException("no final frame");
    }
}
