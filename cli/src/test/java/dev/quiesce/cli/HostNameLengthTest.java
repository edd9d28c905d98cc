package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host or user name past what DNS and login names allow is exit 2 with a short message, not 500 MB of output. */
class HostNameLengthTest {
    @TempDir
    Path dir;

    @Test
    void aMillionCharacterHostNameIsAUsageError() {
        Cli cli = Cli.run("audit", "--host", "h".repeat(1_000_000), "--retries", "0", "--out",
                dir.resolve("out").toString());
        assertEquals(2, cli.exit(), () -> cli.err().substring(0, Math.min(500, cli.err().length())));
        assertTrue(cli.err().contains("253 characters"), () -> cli.err().substring(0, Math.min(500, cli.err().length())));
        assertTrue(cli.out().length() + cli.err().length() < 1000, "output was " + (cli.out().length()
                + cli.err().length()) + " characters");
    }

    @Test
    void aLongUserNameIsAUsageError() {
        Cli cli = Cli.run("audit", "--host", "u".repeat(300) + "@db1", "--retries", "0", "--out",
                dir.resolve("out").toString());
        assertEquals(2, cli.exit(), cli::toString);
        assertTrue(cli.err().contains("256 characters"), cli::toString);
    }

    @Test
    void aLongNameForTheLocalHostIsAUsageError() {
        Cli cli = Cli.run("audit", "--local", "--name", "n".repeat(100_000), "--out", dir.resolve("out").toString());
        assertEquals(2, cli.exit(), () -> cli.err().substring(0, Math.min(500, cli.err().length())));
        assertTrue(cli.out().length() + cli.err().length() < 1000, "short output");
    }
}
