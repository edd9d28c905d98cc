package dev.quiesce.host;

import com.jcraft.jsch.JSchAlgoNegoFailException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.JSchSessionDisconnectException;
import dev.quiesce.model.HostStatus;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a failed SSH connection into a cause the user can act on, with its status: UNREACHABLE for what
 * a second attempt may change (refused, reset, timed out, closed), and so is retried; ERROR for the rest
 * (host key, authentication, not an SSH server), which a retry cannot fix. Causes come from types
 * (JSch's exception subclasses, the {@code java.net} exception under it) and from what the server sent
 * ({@link ReceivedBytes}); JSch's message text is read only where JSch has no type for the failure.
 */
final class SshFailures {
    private SshFailures() {}

    /**
     * What was known when the attempt failed.
     *
     * @param where    the host as the message names it ("jump host ops@bastion: " for the jump host)
     * @param refusal  the host key policy's refusal, if it refused the key
     * @param expired  whether the host's deadline passed (the watchdog then closed the connection)
     * @param deadline the host's deadline, for the message
     * @param timeout  the connect timeout this attempt had
     * @param received what the server sent before the failure
     */
    record Attempt(String where, Optional<HostKeyPolicy.Refusal> refusal, boolean expired, Duration deadline,
                   Duration timeout, ReceivedBytes received) {}

    static HostException classify(Throwable failure, Attempt at) {
        if (at.refusal().isPresent()) {
            return new HostException(HostStatus.ERROR, at.refusal().get().message(), failure);
        }
        if (at.expired()) {
            return unreachable(at, "no SSH answer within the deadline of " + at.deadline().toSeconds() + " s", failure);
        }
        if (!at.received().none() && !at.received().greeting()) {
            return error(at, "is not an SSH server (it answered '" + at.received().firstLine() + "'); check the "
                    + "host name and port", failure);
        }
        if (failure instanceof JSchHostKeyException) {
            return error(at, "host key refused (" + failure.getClass().getSimpleName() + ")", failure);
        }
        if (authFailed(failure)) {
            return error(at, "authentication failed: the server accepted none of the keys offered; check the user "
                    + "name and that the key is in its authorized_keys", failure);
        }
        if (failure instanceof JSchAlgoNegoFailException nego) {
            return error(at, "no " + nego.getAlgorithmName() + " in common with the server (it offers "
                    + printable(nego.getServerProposal()) + ")", failure);
        }
        if (failure instanceof JSchSessionDisconnectException disconnect) {
            return disconnected(at, disconnect, failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return unreachable(at, "connection refused", failure);
            }
            if (cause instanceof NoRouteToHostException) {
                return unreachable(at, "no route to host", failure);
            }
            if (cause instanceof UnknownHostException) {
                return unreachable(at, "unknown host name", failure);
            }
            if (cause instanceof SocketTimeoutException) {
                return unreachable(at, "no SSH answer within " + seconds(at.timeout()) + " s", failure);
            }
            if (cause instanceof SocketException) {
                return closed(at, failure);
            }
        }
        if (closedByServer(failure)) {
            return closed(at, failure);
        }
        if (failure instanceof RuntimeException) {
            // JSch fails this way when the connection goes while it reads (its io is then null).
            return unreachable(at, "the connection was lost during the SSH handshake (the SSH library failed with "
                    + failure.getClass().getSimpleName() + "); retry, and report it if it persists", failure);
        }
        return error(at, printable(Optional.ofNullable(failure.getMessage()).orElse(failure.getClass()
                .getSimpleName())), failure);
    }

    /**
     * JSch 2.28.8 has no public type for a failed authentication (JSchAuthCancelException and
     * JSchPartialAuthException are package-private and caught inside Session.connect): it throws a plain
     * JSchException "Auth fail for methods '…'" or "Auth cancel for methods '…'".
     */
    private static boolean authFailed(Throwable failure) {
        String message = Optional.ofNullable(failure.getMessage()).orElse("");
        return message.startsWith("Auth fail") || message.startsWith("Auth cancel");
    }

    /**
     * JSch 2.28.8 says "connection is closed by foreign host" when the server closes before its greeting
     * line ends, and "invalid server's version string" for a greeting it cannot read; neither has a type.
     */
    private static boolean closedByServer(Throwable failure) {
        String message = Optional.ofNullable(failure.getMessage()).orElse("");
        return message.contains("connection is closed by foreign host")
                || message.contains("invalid server's version string");
    }

    private static HostException closed(Attempt at, Throwable failure) {
        return unreachable(at, at.received().none() ? "the server closed the connection before the SSH greeting "
                + "(sshd refusing connections: MaxStartups, tcp wrappers, a firewall)"
                : "the server closed the connection during the SSH handshake", failure);
    }

    /** SSH_MSG_DISCONNECT reason codes (RFC 4253 11.1): too many connections and lost are worth a retry. */
    private static HostException disconnected(Attempt at, JSchSessionDisconnectException e, Throwable failure) {
        String said = "the server ended the connection (" + printable(Optional.ofNullable(e.getDescription())
                .orElse("")) + ")";
        return switch (e.getReasonCode()) {
            case 10, 12 -> unreachable(at, said, failure);
            case 13, 14, 15 -> error(at, "authentication failed: " + said, failure);
            default -> error(at, said, failure);
        };
    }

    private static HostException unreachable(Attempt at, String why, Throwable failure) {
        return new HostException(HostStatus.UNREACHABLE, at.where() + why, failure);
    }

    private static HostException error(Attempt at, String why, Throwable failure) {
        return new HostException(HostStatus.ERROR, at.where() + why, failure);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 500) / 1000);
    }

    /** Text a server sent, bounded and without control characters. */
    private static String printable(String text) {
        String shown = text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c)
                : Character.toString(c)));
        return out.toString();
    }
}
