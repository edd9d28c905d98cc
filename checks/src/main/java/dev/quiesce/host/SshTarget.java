package dev.quiesce.host;

import dev.quiesce.model.QuiesceException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and how to reach a host over SSH. Empty parts are filled later from the OpenSSH client
 * configuration and the defaults (the local user name, port 22, the usual key files).
 */
public record SshTarget(String host, Optional<Integer> port, Optional<String> user, Optional<Path> identity,
                        boolean sudo, Optional<String> proxyJump, Optional<String> passphraseEnv) {

    /** The longest host name DNS allows (RFC 1035: 253 characters written out). */
    public static final int MAX_HOST = 253;
    /** Longer than any login name a system accepts (Linux allows 32, some directories 256). */
    public static final int MAX_USER = 256;

    private static final Pattern SHORT = Pattern.compile("(?:([^@\\s]+)@)?(\\[[^\\]]+\\]|[^:@\\s\\[\\]]+)(?::([0-9]{1,5}))?");

    public SshTarget {
        if (host == null || host.isBlank()) {
            throw new QuiesceException("an SSH target needs a host name");
        }
        tooLong("host name", host, MAX_HOST).ifPresent(m -> {
            throw new QuiesceException(m);
        });
        user.flatMap(u -> tooLong("user name", u, MAX_USER)).ifPresent(m -> {
            throw new QuiesceException(m);
        });
        port.ifPresent(p -> {
            if (p < 1 || p > 65535) {
                throw new QuiesceException("port " + p + " of " + host + " is not between 1 and 65535");
            }
        });
    }

    /**
     * Why {@code value} is too long to be a {@code what} of at most {@code max} characters, showing only its
     * start (a name of a million characters must not become a message of a million); empty when it is not.
     */
    public static Optional<String> tooLong(String what, String value, int max) {
        if (value.length() <= max) {
            return Optional.empty();
        }
        return Optional.of(what + " '" + value.substring(0, 20) + "…' is " + value.length() + " characters long; a "
                + what + " has at most " + max + " characters" + (max == MAX_HOST ? " (DNS)" : ""));
    }

    public static SshTarget of(String host) {
        return new SshTarget(host, Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(),
                Optional.empty());
    }

    /** {@code [user@]name[:port]} or {@code ssh://[user@]name[:port]}; IPv6 addresses in brackets. */
    public static SshTarget parse(String text) {
        // user@[host]:port at its longest; checked before any pattern runs over a hostile length
        tooLong("host address", text, "ssh://".length() + MAX_USER + 1 + MAX_HOST + 2 + 6).ifPresent(m -> {
            throw new QuiesceException(m + ": a host name has at most " + MAX_HOST + " characters, a user name "
                    + MAX_USER);
        });
        if (text.startsWith("ssh://")) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (java.net.URISyntaxException e) {
                throw new QuiesceException("'" + text + "' is not an ssh:// address: " + e.getReason());
            }
            if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
                throw new QuiesceException("'" + text + "' is not an ssh://[user@]host[:port] address");
            }
            String user = uri.getUserInfo();
            if (user != null && user.contains(":")) {
                throw new QuiesceException("'" + text + "' holds a password; quiesce authenticates with keys or the "
                        + "ssh agent only");
            }
            return new SshTarget(uri.getHost().replaceAll("^\\[|\\]$", ""), uri.getPort() < 0 ? Optional.empty()
                    : Optional.of(uri.getPort()), Optional.ofNullable(user), Optional.empty(), false, Optional.empty(),
                    Optional.empty());
        }
        Matcher m = SHORT.matcher(text);
        if (!m.matches()) {
            throw new QuiesceException("'" + text + "' is not a host: use [user@]name[:port] or ssh://user@name:port");
        }
        if (m.group(1) != null && m.group(1).contains(":")) {
            throw new QuiesceException("the host address holds a password (user:password@host); quiesce "
                    + "authenticates with keys or the ssh agent only, and will not carry a password into reports");
        }
        return new SshTarget(m.group(2).replaceAll("^\\[|\\]$", ""), Optional.ofNullable(m.group(3))
                .map(Integer::parseInt), Optional.ofNullable(m.group(1)), Optional.empty(), false, Optional.empty(),
                Optional.empty());
    }

    public SshTarget withSudo(boolean value) {
        return new SshTarget(host, port, user, identity, value, proxyJump, passphraseEnv);
    }

    public SshTarget withIdentity(Optional<Path> value) {
        return new SshTarget(host, port, user, identity.or(() -> value), sudo, proxyJump, passphraseEnv);
    }

    /** How reports name the host when the inventory gives no name: as the user typed it. */
    public String label() {
        String name = host.contains(":") ? "[" + host + "]" : host;
        return user.map(u -> u + "@").orElse("") + name + port.map(p -> ":" + p).orElse("");
    }
}
