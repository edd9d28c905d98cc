package dev.quiesce.host;

import java.util.Optional;

/**
 * Where the passphrase of an encrypted key file comes from when no environment variable names it: the
 * command line prompts on a terminal; an embedder may ask its own vault. Never a command-line argument.
 */
@FunctionalInterface
public interface PassphraseSource {
    /** No passphrase: an encrypted key without one is skipped, and authentication says so. */
    PassphraseSource NONE = prompt -> Optional.empty();

    /** @param prompt what the key is, as JSch words it ("Passphrase for /home/ops/.ssh/id_ed25519") */
    Optional<char[]> passphrase(String prompt);

    /** The last passphrase given for {@code prompt} did not open the key: do not give it again. */
    default void rejected(String prompt) {
    }
}
