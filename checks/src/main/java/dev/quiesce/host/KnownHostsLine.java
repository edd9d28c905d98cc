package dev.quiesce.host;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * One key line of a known_hosts file, read as OpenSSH reads it (hostfile.c {@code hostkeys_foreach_file}):
 * an optional marker ({@code @cert-authority} or {@code @revoked}), the host field, the key type, the
 * base64 key and an optional comment. A line OpenSSH would skip (an unknown or repeated marker, a key that
 * does not decode, a type that is not the key's own) is not a line here either.
 *
 * @param number the line's number in the file, from 1, for messages
 */
record KnownHostsLine(int number, Marker marker, String hosts, String type, byte[] key) {

    /** What a line says of its key. */
    enum Marker {
        /** The host's key. */
        NONE,
        /** A certificate authority for the host's certificates; quiesce does not use certificates. */
        CERT_AUTHORITY,
        /** A key that must be refused, whatever other line accepts it. */
        REVOKED
    }

    /** The name a host is looked up by: {@code host} on port 22, {@code [host]:port} on any other. */
    static String lookupName(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    /** The key line of {@code text}, or empty for a comment, a blank line or a line OpenSSH skips. */
    static Optional<KnownHostsLine> parse(int number, String text) {
        String rest = stripLeading(text);
        if (rest.isEmpty() || rest.startsWith("#")) {
            return Optional.empty();
        }
        Marker marker = Marker.NONE;
        while (rest.startsWith("@")) {
            int end = wordEnd(rest);
            if (marker != Marker.NONE || end == rest.length()) {
                return Optional.empty(); // one marker only, and it ends at a blank
            }
            switch (rest.substring(0, end)) {
                case "@cert-authority" -> marker = Marker.CERT_AUTHORITY;
                case "@revoked" -> marker = Marker.REVOKED;
                default -> {
                    return Optional.empty();
                }
            }
            rest = stripLeading(rest.substring(end));
        }
        String[] fields = rest.split("[ \t]+", 4);
        if (fields.length < 3) {
            return Optional.empty();
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(fields[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!fields[1].equals(blobType(key).orElse(null))) {
            return Optional.empty(); // OpenSSH refuses a key whose blob is of another type than the line says
        }
        return Optional.of(new KnownHostsLine(number, marker, fields[0], fields[1], key));
    }

    /** Whether this line's host field names {@code name} (see {@link HostPatterns}). */
    boolean names(String name) {
        return HostPatterns.matches(name, hosts);
    }

    boolean holds(byte[] offered) {
        return Arrays.equals(key, offered);
    }

    /** The line as known_hosts holds it: {@code name type base64}. */
    static String format(String name, byte[] key) {
        return name + " " + blobType(key).orElseThrow() + " " + Base64.getEncoder().encodeToString(key);
    }

    /** The key type an SSH public key blob starts with (a length-prefixed string), if it has one. */
    static Optional<String> blobType(byte[] blob) {
        if (blob.length < 4) {
            return Optional.empty();
        }
        int length = ByteBuffer.wrap(blob, 0, 4).getInt();
        if (length <= 0 || length > 64 || length > blob.length - 4) {
            return Optional.empty();
        }
        return Optional.of(new String(blob, 4, length, StandardCharsets.ISO_8859_1));
    }

    private static int wordEnd(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
            i++;
        }
        return i;
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return s.substring(i);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KnownHostsLine l && l.number == number && l.marker == marker && l.hosts.equals(hosts)
                && l.type.equals(type) && Arrays.equals(l.key, key);
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(number) * 31 + hosts.hashCode();
    }

    @Override
    public String toString() {
        return "line " + number + ": " + (marker == Marker.NONE ? "" : marker + " ") + hosts + " " + type;
    }
}
