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
import java.util.concurrent.CompletableFuture;
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
        HostException last = null;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            if (attempt > 0) {
                pause(settings.retryBackoff().multipliedBy(attempt));
            }
            try {
                return run(script);
            } catch (Retryable e) {
                last = e.cause;
            }
        }
        throw last;
    }

    /** A failure of the connection itself, which one more attempt may get past. */
    private static final class Retryable extends Exception {
        private final HostException cause;

        Retryable(HostException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    private ProbeTranscript run(ProbeScript script) throws HostException, Retryable {
        JSch jsch = new JSch();
        HostKeyPolicy keys = hostKeys(jsch);
        Optional<SshTarget> jumpTarget = jump(jsch);
        Session session = session(jsch, target);
        Optional<Session> jump = Optional.empty();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> {
            expired.set(true);
            session.disconnect();
        }, settings.deadline().toMillis(), TimeUnit.MILLISECONDS);
        try {
            if (jumpTarget.isPresent()) {
                jump = Optional.of(session(jsch, jumpTarget.get()));
                connect(jump.get(), jumpTarget.get(), keys, expired);
                session.setProxy(new JumpProxy(jump.get()));
            }
            connect(session, target, keys, expired);
            return exchange(session, script, expired);
        } finally {
            deadline.cancel(false);
            session.disconnect();
            jump.ifPresent(Session::disconnect);
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

    private HostKeyPolicy hostKeys(JSch jsch) throws HostException {
        try {
            Path knownHosts = settings.knownHosts();
            if (!Files.exists(knownHosts) && settings.acceptNewHostKeys()) {
                Files.createDirectories(knownHosts.toAbsolutePath().getParent());
                Files.createFile(knownHosts);
            }
            if (Files.exists(knownHosts)) {
                jsch.setKnownHosts(knownHosts.toString());
            }
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
        HostKeyPolicy policy = new HostKeyPolicy(jsch.getHostKeyRepository(), settings.acceptNewHostKeys(), jsch);
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
        String why = cause instanceof java.net.ConnectException ? "connection refused"
                : cause instanceof java.net.SocketTimeoutException || message.contains("timeout") || expired
                ? "no SSH answer within " + settings.connectTimeout().toSeconds() + " s"
                : cause instanceof java.net.UnknownHostException ? "unknown host name" : message;
        return new HostException(HostStatus.UNREACHABLE, (to == target ? "" : "jump host ") + to.label() + ": " + why,
                e);
    }

    private ProbeTranscript exchange(Session session, ProbeScript script, AtomicBoolean expired) throws HostException {
        ChannelExec channel;
        try {
            channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(command());
            InputStream stdout = channel.getInputStream();
            InputStream stderr = channel.getErrStream();
            OutputStream stdin = channel.getOutputStream();
            channel.connect((int) settings.connectTimeout().toMillis());
            CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readQuietly(stderr));
            stdin.write(script.text().getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            stdin.close();
            byte[] answer = BoundedStreams.readAll(stdout, BoundedStreams.MAX_ANSWER_BYTES);
            String err = new String(errors.get(settings.deadline().toMillis(), TimeUnit.MILLISECONDS),
                    StandardCharsets.UTF_8);
            if (expired.get()) {
                throw new HostException(HostStatus.ERROR, target.label() + ": no complete answer within the deadline of "
                        + settings.deadline().toSeconds() + " s; stopped");
            }
            channel.disconnect();
            return new ProbeTranscript(script.token(), "", script.requestsById(), answer, clock.instant(), note(err));
        } catch (JSchException | IOException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            String why = expired.get() ? "no complete answer within the deadline of " + settings.deadline().toSeconds()
                    + " s" : e.getMessage();
            throw new HostException(HostStatus.ERROR, target.label() + ": the probe failed: " + why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException(HostStatus.ERROR, "interrupted while probing " + target.label(), e);
        }
    }

    /** Answers JSch's questions: key passphrases from the source, and nothing else (no passwords, no prompts). */
    private record PassphrasePrompt(PassphraseSource source, java.util.concurrent.atomic.AtomicReference<String> answer)
            implements com.jcraft.jsch.UserInfo {
        PassphrasePrompt(PassphraseSource source) {
            this(source, new java.util.concurrent.atomic.AtomicReference<>());
        }

        @Override
        public boolean promptPassphrase(String message) {
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

    private static byte[] readQuietly(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() < 64 * 1024) {
                    out.write(buffer, 0, Math.min(n, 64 * 1024 - out.size()));
                }
            }
        } catch (IOException e) {
            // stderr is for the sudo note only; an error here shows on stdout's side too
        }
        return out.toByteArray();
    }

    private static void pause(java.time.Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
