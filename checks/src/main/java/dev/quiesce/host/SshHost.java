package dev.quiesce.host;

import dev.quiesce.model.HostInfo;
import java.time.Clock;

/**
 * A host reached with SSH (JSch): one TCP connection per audit and one exec channel per stage of the
 * probe ({@link SshSession}), all within the host's deadline. The parts: {@link SshConnector} opens the
 * connection (jump host, keys, host key policy), {@link ConnectRetry} tries again under the deadline,
 * {@link SshFailures} names the cause of a failure, {@link SudoWrapper} is the command the probe runs
 * under. Nothing is written on the host.
 */
public final class SshHost implements Host {
    private final HostInfo info;
    private final SshTarget target;
    private final SshSettings settings;
    private final Clock clock;

    public SshHost(HostInfo info, SshTarget target, SshSettings settings, Clock clock) {
        this.info = info;
        this.target = target;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public HostInfo info() {
        return info;
    }

    @Override
    public String transport() {
        return "ssh " + target.label() + target.proxyJump().map(j -> " via " + j).orElse("")
                + (target.sudo() ? " (sudo)" : "");
    }

    @Override
    public HostSession open() throws HostException {
        Deadline deadline = Deadline.after(settings.deadline()); // one deadline for the host: retries, stages
        SshConnector connector = new SshConnector(target, settings, clock);
        return new ConnectRetry(settings.retries(), settings.retryBackoff()).run(deadline, target.label(),
                connector::connect);
    }

    /** The command the remote login shell runs; it reads the probe from stdin. */
    String command() {
        return SudoWrapper.command(target.sudo());
    }
}
