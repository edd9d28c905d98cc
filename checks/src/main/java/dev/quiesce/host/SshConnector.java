package dev.quiesce.host;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.OpenSSHConfig;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UnixDomainSocketFactory;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.QuiesceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attempt at an SSH connection: a JSch session with the keys (files or the agent), the ssh config,
 * the host key policy and, when there is one, the jump host; then authentication by key. Every wait in it
 * ends by the host's deadline: the TCP connect and the greeting by min(connect timeout, time left), the rest
 * by a watchdog that closes the connection when the deadline passes (it keeps watching the probe stages).
 * A failure comes back as a cause from {@link SshFailures}.
 */
final class SshConnector {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quiesce-ssh-deadline");
        t.setDaemon(true);
        return t;
    });

    private final SshTarget target;
    private final SshSettings settings;
    private final Clock clock;

    SshConnector(SshTarget target, SshSettings settings, Clock clock) {
        this.target = target;
        this.settings = settings;
        this.clock = clock;
    }

    /** Connects (through the jump host, if any) and returns the open session; the deadline closes it. */
    SshSession connect(Deadline deadline) throws HostException {
        JSch jsch = new JSch();
        HostKeyPolicy keys = hostKeys(jsch);
        Optional<SshTarget> jumpTarget = jump(jsch);
        Session session = session(jsch, target);
        List<Session> open = new CopyOnWriteArrayList<>(List.of(session));
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            expired.set(true);
            open.forEach(Session::disconnect);
        }, deadline.left().toMillis(), TimeUnit.MILLISECONDS);
        boolean connected = false;
        try {
            if (jumpTarget.isPresent()) {
                Session jump = session(jsch, jumpTarget.get());
                open.add(jump);
                ReceivedBytes received = new ReceivedBytes();
                jump.setSocketFactory(new TimedSockets(deadline.cap(settings.connectTimeout()), received));
                connect(jump, "jump host " + jumpTarget.get().label() + ": ", keys, deadline, expired, received);
                ReceivedBytes throughJump = new ReceivedBytes();
                session.setProxy(new JumpProxy(jump, throughJump));
                connect(session, target.label() + ": ", keys, deadline, expired, throughJump);
            } else {
                ReceivedBytes received = new ReceivedBytes();
                session.setSocketFactory(new TimedSockets(deadline.cap(settings.connectTimeout()), received));
                connect(session, target.label() + ": ", keys, deadline, expired, received);
            }
            connected = true;
            return new SshSession(target, session, SudoWrapper.command(target.sudo()), settings, clock, expired, () -> {
                watchdog.cancel(false);
                open.forEach(Session::disconnect);
            });
        } finally {
            if (!connected) {
                watchdog.cancel(false);
                open.forEach(Session::disconnect);
            }
        }
    }

    private void connect(Session session, String where, HostKeyPolicy keys, Deadline deadline, AtomicBoolean expired,
                         ReceivedBytes received) throws HostException {
        Duration timeout = deadline.cap(settings.connectTimeout());
        if (expired.get() || timeout.isZero()) {
            throw SshFailures.classify(new IOException("deadline passed"), new SshFailures.Attempt(where,
                    Optional.empty(), true, settings.deadline(), timeout, received));
        }
        try {
            // The handshake's reads wait the capped timeout; once connected, the socket's read timeout is
            // the configured one again (JSch then sends a keepalive rather than give up), as before.
            session.setTimeout((int) settings.connectTimeout().toMillis());
            session.connect((int) Math.max(1, timeout.toMillis()));
        } catch (JSchException | RuntimeException e) {
            // JSch rethrows what went wrong inside it as it was, NullPointerException included
            throw SshFailures.classify(e, new SshFailures.Attempt(where, keys.refusal(), expired.get()
                    || deadline.passed(), settings.deadline(), timeout, received));
        }
    }

    /** The jump host: the target's own, else a ProxyJump for its name in the ssh config; one hop. */
    private Optional<SshTarget> jump(JSch jsch) throws HostException {
        Optional<String> spec = target.proxyJump().or(() -> Optional.ofNullable(jsch.getConfigRepository())
                .map(c -> c.getConfig(target.host())).map(c -> c.getValue("ProxyJump"))
                .filter(v -> !v.isBlank() && !v.equalsIgnoreCase("none")));
        if (spec.isPresent() && spec.get().contains(",")) {
            throw new HostException(HostStatus.ERROR, target.label() + ": ProxyJump " + spec.get() + " has several "
                    + "hops; quiesce supports one jump host");
        }
        try {
            return spec.map(SshTarget::parse);
        } catch (QuiesceException e) {
            throw new HostException(HostStatus.ERROR, target.label() + ": ProxyJump: " + e.getMessage(), e);
        }
    }

    /** Sets up keys, agent, ssh config and known_hosts on {@code jsch}; returns the host key policy. */
    private HostKeyPolicy hostKeys(JSch jsch) throws HostException {
        try {
            KnownHostsFile.requireUsable(settings.knownHosts(), settings.acceptNewHostKeys());
        } catch (QuiesceException e) {
            throw new HostException(HostStatus.ERROR, e.getMessage(), e);
        }
        KnownHostsFile knownHosts;
        try {
            knownHosts = KnownHostsFile.of(settings.knownHosts(), settings.acceptNewHostKeys());
            boolean namedKeys = target.identity().isPresent() || !settings.identities().isEmpty();
            if (!namedKeys && settings.agentSocket().filter(Files::exists).isPresent()) {
                jsch.setIdentityRepository(new AgentIdentityRepository(new SSHAgentConnector(
                        new UnixDomainSocketFactory(), settings.agentSocket().get())));
            } else {
                for (Path identity : target.identity().map(List::of).orElseGet(settings::defaultIdentities)) {
                    byte[] passphrase = target.passphraseEnv().map(System::getenv)
                            .map(p -> p.getBytes(StandardCharsets.UTF_8)).orElse(null);
                    jsch.addIdentity(identity.toString(), passphrase);
                }
            }
            if (settings.sshConfig().isPresent() && Files.isRegularFile(settings.sshConfig().get())) {
                jsch.setConfigRepository(OpenSSHConfig.parseFile(settings.sshConfig().get().toString()));
            }
        } catch (JSchException | IOException | com.jcraft.jsch.AgentProxyException e) {
            throw new HostException(HostStatus.ERROR, "cannot set up SSH for " + target.label() + ": " + e.getMessage(), e);
        }
        HostKeyPolicy policy = new HostKeyPolicy(knownHosts, settings.acceptNewHostKeys(), jsch);
        jsch.setHostKeyRepository(policy);
        return policy;
    }

    private Session session(JSch jsch, SshTarget to) throws HostException {
        try {
            Session session = jsch.getSession(to.user().orElse(null), to.host(), to.port().orElse(22));
            session.setConfig("StrictHostKeyChecking", "yes");
            // Plain host keys only: quiesce does not use host certificates (see HostKeyCheck).
            session.setConfig("server_host_key", withoutCertificates(session.getConfig("server_host_key")));
            session.setConfig("prefer_known_host_key_types", "yes");
            session.setUserInfo(new PassphrasePrompt(settings.passphrases()));
            session.setConfig("PreferredAuthentications", "publickey");
            return session;
        } catch (JSchException e) {
            throw new HostException(HostStatus.ERROR, to.label() + ": " + e.getMessage(), e);
        }
    }

    static String withoutCertificates(String algorithms) {
        return String.join(",", Arrays.stream(algorithms.split(","))
                .filter(a -> !a.contains("-cert-v01@openssh.com")).toList());
    }

    /**
     * TCP connections with a timeout of quiesce's choosing (JSch's own factory gives a connect timeout
     * only through a thread it leaves behind), recording what the server sends first.
     */
    private record TimedSockets(Duration timeout, ReceivedBytes received) implements com.jcraft.jsch.SocketFactory {
        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            return socket;
        }

        @Override
        public InputStream getInputStream(Socket socket) throws IOException {
            return received.wrap(socket.getInputStream());
        }

        @Override
        public OutputStream getOutputStream(Socket socket) throws IOException {
            return socket.getOutputStream();
        }
    }
}
