package dev.quiesce.host;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeScript;
import dev.quiesce.facts.ProbeStage;
import dev.quiesce.model.HostStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open SSH connection to one host: each stage of the probe is one more exec channel on it, never a
 * new connection. {@code expired} is set when the host's deadline passed (the watchdog then closed the
 * connection); {@code closer} cancels the watchdog and disconnects.
 */
final class SshSession implements HostSession {
    private final SshTarget target;
    private final Session session;
    private final String command;
    private final SshSettings settings;
    private final Clock clock;
    private final AtomicBoolean expired;
    private final Runnable closer;
    private volatile String note = "";

    SshSession(SshTarget target, Session session, String command, SshSettings settings, Clock clock,
               AtomicBoolean expired, Runnable closer) {
        this.target = target;
        this.session = session;
        this.command = command;
        this.settings = settings;
        this.clock = clock;
        this.expired = expired;
        this.closer = closer;
    }

    @Override
    public ProbeStage probe(List<? extends FactRequest<?>> requests) throws HostException {
        ProbeScript script = new ProbeScript(Tokens.fresh(), "", requests);
        ChannelExec channel = null;
        try {
            channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(command);
            InputStream stdout = channel.getInputStream();
            BoundedBuffer stderr = new BoundedBuffer(64 * 1024);
            channel.setErrStream(stderr, true);
            OutputStream stdin = channel.getOutputStream();
            channel.connect((int) settings.connectTimeout().toMillis());
            stdin.write(script.bytes());
            stdin.flush();
            stdin.close();
            byte[] answer = BoundedStreams.readAll(stdout, BoundedStreams.MAX_ANSWER_BYTES);
            if (expired.get()) {
                throw new HostException(HostStatus.ERROR, target.label() + ": no complete answer within the deadline of "
                        + settings.deadline().toSeconds() + " s; stopped");
            }
            if (note.isEmpty()) {
                note = SudoWrapper.note(stderr.text());
            }
            return new ProbeStage(script.token(), script.requestsById(), answer, clock.instant());
        } catch (JSchException | IOException | RuntimeException e) {
            // JSch rethrows a RuntimeException (its NullPointerException) when the connection goes mid-channel
            String why = expired.get() ? "no complete answer within the deadline of " + settings.deadline().toSeconds()
                    + " s" : e instanceof RuntimeException ? "the connection was lost (the SSH library failed with "
                    + e.getClass().getSimpleName() + ")" : e.getMessage();
            throw new HostException(HostStatus.ERROR, target.label() + ": the probe failed: " + why, e);
        } finally {
            if (channel != null) {
                channel.disconnect();
            }
        }
    }

    @Override
    public String root() {
        return "";
    }

    @Override
    public String note() {
        return note;
    }

    @Override
    public void close() {
        closer.run();
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
}
