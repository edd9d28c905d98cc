package dev.quiesce.host;

import dev.quiesce.config.Location;
import dev.quiesce.model.HostInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One host of an inventory and how to reach it; {@code roleLocations} say where in the file each role
 * was written, and {@code vmLocation} where its {@code vm:} link was, for errors found after loading.
 */
public record InventoryHost(HostInfo info, Transport transport, Map<String, Location> roleLocations,
                            Optional<Location> vmLocation) {

    public InventoryHost {
        roleLocations = Map.copyOf(roleLocations);
    }

    public InventoryHost(HostInfo info, Transport transport) {
        this(info, transport, Map.of(), Optional.empty());
    }

    /** How an inventory host is reached. */
    public sealed interface Transport {
        /** This machine, or a directory tree read as if it were {@code /}. */
        record Local(Optional<Path> root) implements Transport {}

        /** A capture file, relative paths resolved against the inventory's directory. */
        record Captured(Path file) implements Transport {}

        /** A host reached with SSH. */
        record Ssh(SshTarget target) implements Transport {}
    }

    public Host open(Duration probeTimeout, SshSettings ssh, Clock clock) {
        return switch (transport) {
            case Transport.Local local -> new LocalHost(info, local.root(), probeTimeout, clock);
            case Transport.Captured captured -> new CapturedHost(info, captured.file());
            case Transport.Ssh remote -> new SshHost(info, remote.target(), ssh, clock);
        };
    }
}
