package dev.quiesce.host;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The host field of a known_hosts line matched as OpenSSH matches it (match.c {@code match_hostname},
 * hostfile.c {@code match_maybe_hashed}): a comma-separated list of patterns with {@code *} and
 * {@code ?}, each possibly negated with {@code !}; a negated pattern that matches makes the whole field
 * not match, whatever else matches. Names and patterns compare in lower case. A field that starts with
 * {@code |1|} is a hashed name: HMAC-SHA1 of the name, keyed with the salt, both base64.
 */
final class HostPatterns {
    /** OpenSSH copies each sub-pattern into a 1024-byte buffer; a longer one makes the field not match. */
    private static final int MAX_SUBPATTERN = 1023;
    private static final String HASH_MAGIC = "|1|";

    private HostPatterns() {}

    /** Whether {@code field} names {@code name} ({@code host}, or {@code [host]:port} for a port other than 22). */
    static boolean matches(String name, String field) {
        if (field.startsWith("|")) {
            return hashedMatches(name, field);
        }
        String host = name.toLowerCase(Locale.ROOT);
        boolean positive = false;
        for (String sub : field.split(",", -1)) {
            boolean negated = sub.startsWith("!");
            String pattern = (negated ? sub.substring(1) : sub).toLowerCase(Locale.ROOT);
            if (pattern.length() >= MAX_SUBPATTERN) {
                return false;
            }
            if (wildcard(host, pattern)) {
                if (negated) {
                    return false;
                }
                positive = true;
            }
        }
        return positive;
    }

    /** {@code |1|salt|hash}: a salt that does not decode to 20 bytes makes the line unreadable, as in OpenSSH. */
    private static boolean hashedMatches(String name, String field) {
        if (!field.startsWith(HASH_MAGIC)) {
            return false;
        }
        int end = field.indexOf('|', HASH_MAGIC.length());
        if (end < 0) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(field.substring(HASH_MAGIC.length(), end));
            if (salt.length != 20) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] hash = mac.doFinal(name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            // OpenSSH re-encodes the salt it decoded, so a salt written another way does not match either.
            String expected = HASH_MAGIC + Base64.getEncoder().encodeToString(salt) + "|"
                    + Base64.getEncoder().encodeToString(hash);
            return expected.equals(field);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * {@code *} matches any run of characters, {@code ?} any one. Runs the pattern as a set of states, as
     * OpenSSH does, so a hostile pattern of many stars costs time linear in the name times the pattern.
     */
    static boolean wildcard(String s, String pattern) {
        int m = pattern.length();
        boolean[] states = new boolean[m + 1];
        states[0] = true;
        closure(states, pattern);
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            boolean[] next = new boolean[m + 1];
            boolean active = false;
            for (int i = 0; i < m; i++) {
                if (!states[i]) {
                    continue;
                }
                char p = pattern.charAt(i);
                if (p == '*') {
                    next[i] = true;
                } else if (p == '?' || p == c) {
                    next[i + 1] = true;
                }
            }
            closure(next, pattern);
            for (boolean b : next) {
                active |= b;
            }
            if (!active) {
                return false;
            }
            states = next;
        }
        return states[m];
    }

    /** A {@code *} may match nothing: a state before a star also reaches the state after it. */
    private static void closure(boolean[] states, String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (states[i] && pattern.charAt(i) == '*') {
                states[i + 1] = true;
            }
        }
    }
}
