package dev.quiesce.cli;

import dev.quiesce.host.SshSettings;
import dev.quiesce.host.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Hosts reached with SSH and how: the targets on the command line and what all connections share. */
final class SshOptions {
    @Option(names = "--host", paramLabel = "[USER@]NAME[:PORT]", description = "Audit a host over SSH (repeatable; "
            + "also ssh://user@host:port). Names resolve through your ssh config like ssh does.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--sudo", description = "Run the probe under sudo -n (once per host); if sudo wants a password "
            + "or a tty, the rules that need root are ERROR and the rest still run.")
    boolean sudo;

    @Option(names = "--identity", paramLabel = "FILE", description = "Private key file (repeatable; default: "
            + "~/.ssh/id_ed25519, id_ecdsa, id_rsa).")
    List<Path> identities = new ArrayList<>();

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts file (default: ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--accept-new-host-keys", description = "Trust unknown host keys on first use and add "
            + "them to known_hosts (like StrictHostKeyChecking=accept-new). A changed or revoked key, or a host known "
            + "only through @cert-authority, is always refused.")
    boolean acceptNew;

    @Option(names = "--ssh-config", paramLabel = "FILE", description = "OpenSSH client config (default: ~/.ssh/config).")
    Path sshConfig;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", description = "For the connection and the SSH "
            + "greeting (default: ${DEFAULT-VALUE}).")
    int connectTimeout = 10;

    @Option(names = "--deadline", paramLabel = "SECONDS", description = "For each host, from connecting to the last "
            + "byte of the answer (default: ${DEFAULT-VALUE}).")
    int deadline = 120;

    @Option(names = "--retries", paramLabel = "N", description = "Further attempts after a connection failure, with "
            + "backoff (default: ${DEFAULT-VALUE}).")
    int retries = 1;

    @Option(names = "--retry-backoff", paramLabel = "SECONDS", description = "Wait before the first retry; each "
            + "further retry waits that much longer (default: ${DEFAULT-VALUE}).")
    int retryBackoff = 1;

    SshSettings settings() {
        if (connectTimeout < 1 || deadline < 1 || retries < 0 || retryBackoff < 0) {
            throw new dev.quiesce.model.QuiesceException("--connect-timeout and --deadline must be at least 1 second, "
                    + "--retries and --retry-backoff at least 0");
        }
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        Path config = sshConfig != null ? sshConfig : ssh.resolve("config");
        return new SshSettings(knownHosts != null ? knownHosts : ssh.resolve("known_hosts"), acceptNew, identities,
                Duration.ofSeconds(connectTimeout), Duration.ofSeconds(deadline), retries, Duration.ofSeconds(retryBackoff),
                Files.isRegularFile(config) ? Optional.of(config) : Optional.empty())
                .withPassphrases(ConsolePassphrases.ifTerminal());
    }

    List<SshTarget> targets() {
        return hosts.stream().map(h -> SshTarget.parse(h).withSudo(sudo)).toList();
    }
}
