package dev.quiesce.host;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * known_hosts as OpenSSH uses it, in the place JSch asks: a known key passes; an unknown key is refused, or
 * with accept-new added (like {@code StrictHostKeyChecking=accept-new}); a changed key, a revoked key and a
 * host known only through a certificate authority are always refused. It remembers why it refused, with the
 * fingerprint and the way out, for the error.
 */
final class HostKeyPolicy implements HostKeyRepository {
    private final KnownHostsFile knownHosts;
    private final boolean acceptNew;
    private final JSch jsch;
    private volatile Optional<Refusal> refusal = Optional.empty();

    /** Why a key was refused: the decision and the message that names the fix. */
    record Refusal(HostKeyCheck.Verdict verdict, String message) {}

    HostKeyPolicy(KnownHostsFile knownHosts, boolean acceptNew, JSch jsch) {
        this.knownHosts = knownHosts;
        this.acceptNew = acceptNew;
        this.jsch = jsch;
    }

    /** Why the last key was refused; empty when none was. */
    Optional<Refusal> refusal() {
        return refusal;
    }

    @Override
    public int check(String host, byte[] key) {
        // Check and add as one step: two connections must not both add the same new key.
        synchronized (knownHosts) {
            try {
                return decide(host, key);
            } catch (IOException e) {
                refuse(HostKeyCheck.Verdict.UNKNOWN, "cannot read " + knownHosts.path() + ": " + e.getMessage()
                        + "; the host key of " + host + " could not be checked");
                return NOT_INCLUDED;
            }
        }
    }

    private int decide(String host, byte[] key) throws IOException {
        HostKeyCheck check = knownHosts.check(host, key);
        String file = knownHosts.path().toString();
        String at = check.line().map(l -> file + ":" + l.number()).orElse(file);
        String fingerprint = fingerprint(host, key);
        switch (check.verdict()) {
            case KNOWN -> {
                return OK;
            }
            case CHANGED -> refuse(check.verdict(), "host key changed: " + host + " offered " + fingerprint
                    + ", not the key " + at + " has for it: refused. If the host was really reinstalled, check the "
                    + "new fingerprint out of band, then replace that line (ssh-keygen -R '" + host + "' -f " + file
                    + " removes plain lines; a pattern line must be edited by hand)");
            case REVOKED -> refuse(check.verdict(), "host key revoked: " + host + " offered " + fingerprint
                    + ", which " + at + " marks @revoked: refused");
            case CERT_AUTHORITY_ONLY -> refuse(check.verdict(), "host key not checkable: " + at + " trusts a "
                    + "@cert-authority for " + host + ", and quiesce does not use host certificates: refused. Add "
                    + "the host's own key to " + file + " (after checking its fingerprint, " + fingerprint + ")");
            case UNKNOWN -> {
                if (acceptNew) {
                    knownHosts.add(host, key);
                    return OK;
                }
                refuse(check.verdict(), "host key unknown: the host key of " + host + " is unknown (" + fingerprint
                        + "): refused. Check the fingerprint, then add it to " + file + " (ssh " + host
                        + " once, or ssh-keyscan) or rerun with --accept-new-host-keys");
            }
        }
        return check.verdict() == HostKeyCheck.Verdict.UNKNOWN ? NOT_INCLUDED : CHANGED;
    }

    private void refuse(HostKeyCheck.Verdict verdict, String message) {
        refusal = Optional.of(new Refusal(verdict, message));
    }

    private String fingerprint(String host, byte[] key) {
        try {
            HostKey hostKey = new HostKey(host, key);
            return hostKey.getType() + " " + hostKey.getFingerPrint(jsch);
        } catch (JSchException e) {
            return "an unreadable key";
        }
    }

    /**
     * The host's own keys (not markers) as JSch lists them; JSch puts their types first in what it asks the
     * server for ({@code prefer_known_host_key_types}), as OpenSSH does, so a host known by an ECDSA key is
     * asked for that key rather than offering an Ed25519 one that would then count as changed.
     */
    @Override
    public HostKey[] getHostKey(String host, String type) {
        List<HostKey> keys = new ArrayList<>();
        try {
            for (KnownHostsLine line : knownHosts.naming(host)) {
                if (line.marker() == KnownHostsLine.Marker.NONE && (type == null || type.equals(line.type()))) {
                    try {
                        keys.add(new HostKey(host, HostKey.GUESS, line.key()));
                    } catch (JSchException unknownType) {
                        // a type JSch cannot use: it cannot be asked for either
                    }
                }
            }
        } catch (IOException e) {
            return new HostKey[0];
        }
        return keys.toArray(HostKey[]::new);
    }

    @Override
    public HostKey[] getHostKey() {
        return new HostKey[0];
    }

    /** JSch adds keys only when its own checking is off or asks; quiesce's is on and never asks. */
    @Override
    public void add(HostKey hostkey, UserInfo ui) {
    }

    @Override
    public void remove(String host, String type) {
    }

    @Override
    public void remove(String host, String type, byte[] key) {
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHosts.path().toString();
    }
}
