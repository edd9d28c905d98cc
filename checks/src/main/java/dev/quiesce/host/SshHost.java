package dev.quiesce.host;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.OpenSSHConfig;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UnixDomainSocketFactory;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeScript;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.facts.ShellQuote;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * A host reached with SSH (JSch): one TCP connection and one exec channel per audit. The whole probe
 * goes over the channel's stdin to {@code /bin/sh -s}, or with sudo to {@code sudo -n /bin/sh -s};
 * when sudo wants a password or a tty the probe runs unprivileged and its facts say why root-only
 * files could not be read. Nothing is written on the host.
 */
public final class SshHost implements Host {
    /** Marks the one line the sudo wrapper writes to stderr when sudo -n refuses. */
    private static final String SUDO_REFUSED = "quiesce: sudo -n refused: ";
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
    public ProbeTranscript probe(List<FactRequest> requests) throws HostException {
        ProbeScript script = new ProbeScript(Tokens.fresh(), "", requests);
        long end = System.nanoTime() + settings.deadline().toNanos(); // one deadline for the host, retries included
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
                return run(script, java.time.Duration.ofNanos(left));
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

    private ProbeTranscript run(ProbeScript script, java.time.Duration timeLeft) throws HostException, Retryable {
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
            return exchange(session, script, expired);
        } finally {
            deadline.cancel(false);
            open.forEach(Session::disconnect);
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
            session.setUserInfo(new PassphrasePrompt(settings.passphrases()));
            session.setConfig("PreferredAuthentications", "publickey");
            session.setTimeout((int) settings.connectTimeout().toMillis());
            return session;
        } catch (JSchException e) {
            throw new HostException(HostStatus.ERROR, to.label() + ": " + e.getMessage(), e);
        }
    }

    /** UNREACHABLE for what a retry may fix (refused, timed out), ERROR for keys and authentication. */
    private HostException connectFailure(SshTarget to, JSchException e, HostKeyPolicy keys, boolean expired) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (!keys.verdict().isEmpty()) {
            return new HostException(HostStatus.ERROR, keys.verdict(), e);
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

    private ProbeTranscript exchange(Session session, ProbeScript script, AtomicBoolean expired) throws HostException {
        ChannelExec channel;
        try {
            channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(command());
            InputStream stdout = channel.getInputStream();
            BoundedBuffer stderr = new BoundedBuffer(64 * 1024);
            channel.setErrStream(stderr, true);
            OutputStream stdin = channel.getOutputStream();
            channel.connect((int) settings.connectTimeout().toMillis());
            stdin.write(script.text().getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            stdin.close();
            byte[] answer = BoundedStreams.readAll(stdout, BoundedStreams.MAX_ANSWER_BYTES);
            String err = stderr.text();
            if (expired.get()) {
                throw new HostException(HostStatus.ERROR, target.label() + ": no complete answer within the deadline of "
                        + settings.deadline().toSeconds() + " s; stopped");
            }
            channel.disconnect();
            return new ProbeTranscript(script.token(), "", script.requestsById(), answer, clock.instant(), note(err));
        } catch (JSchException | IOException e) {
            String why = expired.get() ? "no complete answer within the deadline of " + settings.deadline().toSeconds()
                    + " s" : e.getMessage();
            throw new HostException(HostStatus.ERROR, target.label() + ": the probe failed: " + why, e);
        }
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
                + ShellQuote.quote(SUDO_REFUSED) + " \"$r\" >&2; exec /bin/sh -s; fi";
        return "/bin/sh -c " + ShellQuote.quote(wrapper);
    }

    private static String note(String stderr) {
        return stderr.lines().filter(l -> l.startsWith(SUDO_REFUSED)).findFirst()
                .map(l -> "sudo -n was refused (" + l.substring(SUDO_REFUSED.length()).strip() + "), so the probe ran "
                        + "unprivileged").orElse("");
    }

    /** Keeps the first bytes of the remote stderr (only the sudo note is read from it) and drops the rest. */
    private static final class BoundedBuffer extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;

        BoundedBuffer(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            if (bytes.size() < limit) {
                bytes.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, Math.min(len, Math.max(0, limit - bytes.size())));
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static void pause(java.time.Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
