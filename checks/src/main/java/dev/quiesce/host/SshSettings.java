package dev.quiesce.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What every SSH connection of an audit shares: the known_hosts file and whether unknown keys may be
 * added (never changed ones), default identity files, the ssh-agent, the timeouts and the retry. Keys
 * named by a target or here are used as files; with none named, the agent is used when there is one,
 * else OpenSSH's default key files.
 *
 * @param connectTimeout for the TCP connection and the SSH greeting
 * @param deadline       for the whole of one host, from connecting to the last byte of the answer
 * @param retries        further attempts after a connection failure (not after an authentication or
 *                       host key failure, which a retry cannot fix)
 */
public record SshSettings(Path knownHosts, boolean acceptNewHostKeys, List<Path> identities, Duration connectTimeout,
                          Duration deadline, int retries, Duration retryBackoff, Optional<Path> sshConfig,
                          Optional<Path> agentSocket, PassphraseSource passphrases) {

    public SshSettings {
        identities = List.copyOf(identities);
    }

    public SshSettings(Path knownHosts, boolean acceptNewHostKeys, List<Path> identities, Duration connectTimeout,
                       Duration deadline, int retries, Duration retryBackoff, Optional<Path> sshConfig,
                       Optional<Path> agentSocket) {
        this(knownHosts, acceptNewHostKeys, identities, connectTimeout, deadline, retries, retryBackoff, sshConfig,
                agentSocket, PassphraseSource.NONE);
    }

    /** The same settings, asking {@code source} for the passphrases of encrypted keys. */
    public SshSettings withPassphrases(PassphraseSource source) {
        return new SshSettings(knownHosts, acceptNewHostKeys, identities, connectTimeout, deadline, retries,
                retryBackoff, sshConfig, agentSocket, source);
    }

    /** With the ssh-agent of this process's environment ({@code SSH_AUTH_SOCK}), if there is one. */
    public SshSettings(Path knownHosts, boolean acceptNewHostKeys, List<Path> identities, Duration connectTimeout,
                       Duration deadline, int retries, Duration retryBackoff, Optional<Path> sshConfig) {
        this(knownHosts, acceptNewHostKeys, identities, connectTimeout, deadline, retries, retryBackoff, sshConfig,
                Optional.ofNullable(System.getenv("SSH_AUTH_SOCK")).filter(s -> !s.isBlank()).map(Path::of));
    }

    public static SshSettings defaults() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return new SshSettings(ssh.resolve("known_hosts"), false, List.of(), Duration.ofSeconds(10),
                Duration.ofMinutes(2), 1, Duration.ofSeconds(1), Optional.empty());
    }

    /**
     * Refuses a known_hosts path that cannot serve (a directory, a FIFO, unreadable, or not writable when new
     * keys are to be added), with what to change; call it before contacting any host.
     *
     * @throws dev.quiesce.model.QuiesceException when it cannot serve
     */
    public void requireUsableKnownHosts() {
        KnownHostsFile.requireUsable(knownHosts, acceptNewHostKeys);
    }

    /** The key files tried when a target names none: OpenSSH's defaults that exist. */
    List<Path> defaultIdentities() {
        if (!identities.isEmpty()) {
            return identities;
        }
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return List.of("id_ed25519", "id_ecdsa", "id_rsa").stream().map(ssh::resolve)
                .filter(java.nio.file.Files::isRegularFile).toList();
    }
}
