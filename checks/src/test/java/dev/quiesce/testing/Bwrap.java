package dev.quiesce.testing;

import dev.quiesce.simulate.Sandbox;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * bwrap for the sandbox tests: with {@code QUIESCE_REQUIRE_BWRAP=1} (the CI script sets it) a missing
 * bwrap fails the tests instead of skipping them.
 */
public final class Bwrap {
    private Bwrap() {}

    public static Path required() {
        return Sandbox.findBwrap().orElseGet(() -> {
            if ("1".equals(System.getenv("QUIESCE_REQUIRE_BWRAP"))) {
                throw new IllegalStateException("QUIESCE_REQUIRE_BWRAP=1 but bwrap is missing: "
                        + Sandbox.INSTALL_HINT);
            }
            Assumptions.abort("bwrap is not installed (" + Sandbox.INSTALL_HINT + ")");
            return null;
        });
    }
}
