package dev.quiesce.host;

import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeStage;
import java.util.List;
import java.util.function.Supplier;

/**
 * One open connection to a host: each {@link #probe} is one round trip (one exec channel over SSH, one
 * {@code sh -s} here), and an audit makes at most two of them, whatever the number of rules.
 */
public interface HostSession extends AutoCloseable {
    /**
     * Answers all {@code requests} in one round trip.
     *
     * @throws HostException when the probe cannot run or its answer cannot be had
     */
    ProbeStage probe(List<? extends FactRequest<?>> requests) throws HostException;

    /** The directory read as {@code /}, or empty for a live host. */
    String root();

    /** How the probe ran, for the facts to mention (for example that sudo was refused); may be empty. */
    String note();

    @Override
    void close();

    /** One round trip, as a session runs it. */
    @FunctionalInterface
    interface Stage {
        ProbeStage probe(List<? extends FactRequest<?>> requests) throws HostException;
    }

    /** A session made of its parts: what each stage does, the root, the note, and what closing does. */
    static HostSession of(Stage stage, String root, Supplier<String> note, Runnable close) {
        return new HostSession() {
            @Override
            public ProbeStage probe(List<? extends FactRequest<?>> requests) throws HostException {
                return stage.probe(requests);
            }

            @Override
            public String root() {
                return root;
            }

            @Override
            public String note() {
                return note.get();
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }
}
