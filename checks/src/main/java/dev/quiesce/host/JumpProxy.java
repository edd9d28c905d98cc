package dev.quiesce.host;

import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * ProxyJump: the target's SSH connection runs inside a direct-tcpip channel of a session on the jump
 * host, as {@code ssh -J} does. The target's host key is still checked end to end.
 */
final class JumpProxy implements Proxy {
    private final Session jump;
    private final ReceivedBytes received;
    private ChannelDirectTCPIP channel;
    private InputStream in;
    private OutputStream out;

    JumpProxy(Session jump, ReceivedBytes received) {
        this.jump = jump;
        this.received = received;
    }

    @Override
    public void connect(SocketFactory factory, String host, int port, int timeout) throws Exception {
        channel = (ChannelDirectTCPIP) jump.openChannel("direct-tcpip");
        channel.setHost(host);
        channel.setPort(port);
        in = received.wrap(channel.getInputStream());
        out = channel.getOutputStream();
        channel.connect(timeout);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public Socket getSocket() {
        return null;
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.disconnect();
        }
    }
}
