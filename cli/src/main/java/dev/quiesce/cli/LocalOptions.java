package dev.quiesce.cli;

import dev.quiesce.host.Host;
import dev.quiesce.host.LocalHost;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.QuiesceException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** This machine as a host: --local, optionally reading a directory tree with --root, named and roled. */
final class LocalOptions {
    static final Duration PROBE_TIMEOUT = Duration.ofMinutes(2);

    @Option(names = "--local", description = "Audit this machine.")
    boolean local;

    @Option(names = "--root", paramLabel = "DIR",
            description = "With --local: read paths under DIR as if it were / (a mounted VM disk, a test tree).")
    Path root;

    @Option(names = "--name", paramLabel = "NAME", description = "With --local, or collect --host: the host name "
            + "to report (default: this machine's name, or the SSH host's).")
    String name;

    @Option(names = "--role", paramLabel = "ROLE", split = ",",
            description = "With --local or --host: the host's roles (default: guest).")
    List<String> roles = List.of("guest");

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "With --local or --host: a host variable, as an "
            + "inventory's vars give it (repeat for more), e.g. --var instances=IRIS=/usr/irissys for a --root tree.")
    Map<String, String> vars = new java.util.LinkedHashMap<>();

    /** The host variables given with --var. */
    Map<String, String> vars() {
        return Map.copyOf(vars);
    }

    /** Exits 2 when a --role is used by no loaded rule: the host would be audited by nothing. */
    void requireKnownRoles(List<dev.quiesce.model.RulePack> packs) {
        java.util.Set<String> known = dev.quiesce.engine.KnownRoles.of(packs);
        List<String> unknown = roles.stream().filter(r -> dev.quiesce.model.RoleNames.isUnknown(r, known)).distinct()
                .toList();
        if (!unknown.isEmpty()) {
            throw new QuiesceException("--role " + String.join(",", roles) + ": " + String.join("; ", unknown.stream()
                    .map(r -> dev.quiesce.model.RoleNames.unknown(r, known)).toList()));
        }
    }

    Optional<Host> host(Duration timeout, Clock clock) {
        if (!local) {
            if (root != null) {
                throw new QuiesceException("--root goes with --local");
            }
            return Optional.empty();
        }
        requireNameFits();
        if (root != null && !Files.isDirectory(root)) {
            throw new QuiesceException("--root " + root + " is not a directory");
        }
        return Optional.of(new LocalHost(new HostInfo(name != null ? name : machineName(), Set.copyOf(roles), vars()),
                Optional.ofNullable(root), timeout, clock));
    }

    private static String machineName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** --name is shown in every report and on the terminal: at most a DNS name's length. */
    void requireNameFits() {
        if (name != null) {
            dev.quiesce.host.SshTarget.tooLong("--name", name, dev.quiesce.host.SshTarget.MAX_HOST).ifPresent(m -> {
                throw new QuiesceException(m);
            });
        }
    }
}
