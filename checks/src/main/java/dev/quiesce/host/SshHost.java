package dev.quiesce.host;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.OpenSSHConfig;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UnixDomainSocketFactory;
import dev.quiesce.facts.ShellQuote;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A host reached with SSH (JSch): one TCP connection per audit, connected here with retries under the
 * host's deadline, and one exec channel per stage of the probe ({@link SshSession}). Each stage goes
 * over the channel's stdin to {@code /bin/sh -s}, or with sudo to {@code sudo -n /bin/sh -s}; when sudo
 * wants a password or a tty the probe runs unprivileged and its facts say why root-only files could
 * not be read. Nothing is written on the host.
 */
public final class SshHost implements Host {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quiesce-ssh-deadline");
        t.setDaemon(true);
        return t;
    });

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
        long end = System.nanoTime() + settings.deadline().toNanos(); // one deadline for the host: retries, stages
        HostException last = null;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            if (attempt > 0) {
                pause(settings.retryBackoff().multipliedBy(attempt));
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                return connect(java.time.Duration.ofNanos(left));
            } catch (Retryable e) {
                last = e.cause;
            }
        }
        throw last != null ? last : new HostException(HostStatus.ERROR, target.label() + ": no answer within the "
                + "deadline of " + settings.deadline().toSeconds() + " s");
    }

    /** A failure of the connection itself, which one more attempt may get past. */
    private static final class Retryable extends Exception {
        private final HostException cause;

        Retryable(HostException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    /** Connects (through the jump host, if any) and returns the open session; the deadline closes it. */
    private SshSession connect(java.time.Duration timeLeft) throws HostException, Retryable {
        JSch jsch = new JSch();
        HostKeyPolicy keys = hostKeys(jsch);
        Optional<SshTarget> jumpTarget = jump(jsch);
        Session session = session(jsch, target);
        List<Session> open = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(session));
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> {
            expired.set(true);
            open.forEach(Session::disconnect);
        }, timeLeft.toMillis(), TimeUnit.MILLISECONDS);
        boolean connected = false;
        try {
            if (jumpTarget.isPresent()) {
                Session jump = session(jsch, jumpTarget.get());
                open.add(jump);
                connect(jump, jumpTarget.get(), keys, expired);
                session.setProxy(new JumpProxy(jump));
            }
            if (expired.get()) {
                throw new HostException(HostStatus.ERROR, target.label() + ": no answer within the deadline");
            }
            connect(session, target, keys, expired);
            connected = true;
            return new SshSession(target, session, command(), settings, clock, expired, () -> {
                deadline.cancel(false);
                open.forEach(Session::disconnect);
            });
        } finally {
            if (!connected) {
                deadline.cancel(false);
                open.forEach(Session::disconnect);
            }
        }
    }

    private void connect(Session session, SshTarget to, HostKeyPolicy keys, AtomicBoolean expired)
            throws HostException, Retryable {
        try {
            session.connect((int) settings.connectTimeout().toMillis());
        } catch (JSchException e) {
            HostException failure = connectFailure(to, e, keys, expired.get());
            if (failure.status() == HostStatus.UNREACHABLE) {
                throw new Retryable(failure);
            }
            throw failure;
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
        return spec.map(SshTarget::parse);
    }

    /** Sets up keys, agent, ssh config and known_hosts on {@code jsch}; returns the host key policy. */
    private HostKeyPolicy hostKeys(JSch jsch) throws HostException {
        KnownHostsFile knownHosts;
        try {
            KnownHostsFile.requireUsable(settings.knownHosts(), settings.acceptNewHostKeys());
        } catch (dev.quiesce.model.QuiesceException e) {
            throw new HostException(HostStatus.ERROR, e.getMessage(), e);
        }
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
            session.setTimeout((int) settings.connectTimeout().toMillis());
            return session;
        } catch (JSchException e) {
            throw new HostException(HostStatus.ERROR, to.label() + ": " + e.getMessage(), e);
        }
    }

    static String withoutCertificates(String algorithms) {
        return String.join(",", java.util.Arrays.stream(algorithms.split(","))
                .filter(a -> !a.contains("-cert-v01@openssh.com")).toList());
    }

    /** UNREACHABLE for what a retry may fix (refused, timed out), ERROR for keys and authentication. */
    private HostException connectFailure(SshTarget to, JSchException e, HostKeyPolicy keys, boolean expired) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (keys.refusal().isPresent()) {
            return new HostException(HostStatus.ERROR, keys.refusal().get().message(), e);
        }
        if (message.contains("Auth fail") || message.contains("Auth cancel")) {
            return new HostException(HostStatus.ERROR, "authentication failed for " + to.label()
                    + ": the server accepted none of the keys offered", e);
        }
        Throwable cause = e.getCause();
        boolean timedOut = cause instanceof java.net.SocketTimeoutException || message.contains("timeout") || expired;
        String why = cause instanceof java.net.ConnectException ? "connection refused"
                : timedOut ? "no SSH answer within " + settings.connectTimeout().toSeconds() + " s"
                : cause instanceof java.net.UnknownHostException ? "unknown host name"
                : message.contains("Connection reset") || cause instanceof java.net.SocketException ? "connection reset"
                : null;
        String where = (to == target ? "" : "jump host ") + to.label() + ": ";
        // Only what a second attempt can change is UNREACHABLE (and retried); the rest is this host's ERROR.
        return why != null ? new HostException(HostStatus.UNREACHABLE, where + why, e)
                : new HostException(HostStatus.ERROR, where + message, e);
    }

    /** Answers JSch's questions: key passphrases from the source, and nothing else (no passwords, no prompts). */
    private record PassphrasePrompt(PassphraseSource source, java.util.concurrent.atomic.AtomicReference<String> answer,
                                    java.util.Set<String> asked) implements com.jcraft.jsch.UserInfo {
        PassphrasePrompt(PassphraseSource source) {
            this(source, new java.util.concurrent.atomic.AtomicReference<>(), java.util.concurrent.ConcurrentHashMap
                    .newKeySet());
        }

        @Override
        public boolean promptPassphrase(String message) {
            if (!asked.add(message)) {
                source.rejected(message); // asked again in this session: the last answer did not open the key
            }
            Optional<char[]> passphrase = source.passphrase(message);
            passphrase.ifPresent(p -> answer.set(new String(p)));
            return passphrase.isPresent();
        }

        @Override
        public String getPassphrase() {
            return answer.get();
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public boolean promptPassword(String message) {
            return false;
        }

        @Override
        public boolean promptYesNo(String message) {
            return false; // host keys are decided by HostKeyPolicy, never by a question
        }

        @Override
        public void showMessage(String message) {
        }
    }

    /** The command the remote login shell runs; it reads the probe from stdin. */
    String command() {
        if (!target.sudo()) {
            return "/bin/sh -s";
        }
        // One sudo attempt for the whole probe: if sudo -n refuses (password, requiretty), say why on stderr
        // and run the same probe unprivileged, so the facts that do not need root are still collected.
        String wrapper = "if r=$(sudo -n true 2>&1 </dev/null); then exec sudo -n /bin/sh -s; else printf '%s%s\\n' "
                + ShellQuote.quote(SshSession.SUDO_REFUSED) + " \"$r\" >&2; exec /bin/sh -s; fi";
        return "/bin/sh -c " + ShellQuote.quote(wrapper);
    }

    private static void pause(java.time.Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
