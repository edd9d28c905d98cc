package dev.quiesce.host;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

/**
 * known_hosts as OpenSSH uses it: a known key passes; an unknown key is refused, or with
 * accept-new added (like {@code StrictHostKeyChecking=accept-new}); a changed key is always refused.
 * It remembers what it saw so the error can give the fingerprint and the way out.
 */
final class HostKeyPolicy implements HostKeyRepository {
    private final HostKeyRepository knownHosts;
    private final boolean acceptNew;
    private final JSch jsch;
    private volatile String verdict = "";

    HostKeyPolicy(HostKeyRepository knownHosts, boolean acceptNew, JSch jsch) {
        this.knownHosts = knownHosts;
        this.acceptNew = acceptNew;
        this.jsch = jsch;
    }

    /** Why the last key was refused, with its fingerprint; empty when it was not. */
    String verdict() {
        return verdict;
    }

    @Override
    public int check(String host, byte[] key) {
        // Check and add as one step: two connections must not both add the same new key.
        synchronized (knownHosts) {
            return decide(host, key);
        }
    }

    private int decide(String host, byte[] key) {
        int known = knownHosts.check(host, key);
        if (known == OK) {
            return OK;
        }
        String fingerprint = fingerprint(host, key);
        if (known == CHANGED) {
            verdict = "the host key of " + host + " has CHANGED (now " + fingerprint + "): refused. If the host was "
                    + "really reinstalled, remove the old key (ssh-keygen -R '" + host + "') after checking the new "
                    + "fingerprint out of band";
            return CHANGED;
        }
        if (acceptNew) {
            try {
                knownHosts.add(new HostKey(host, key), null);
            } catch (JSchException e) {
                verdict = "could not record the new host key of " + host + ": " + e.getMessage();
                return NOT_INCLUDED;
            }
            return OK;
        }
        verdict = "the host key of " + host + " is unknown (" + fingerprint + "): refused. Check the fingerprint, "
                + "then add it to known_hosts (ssh " + host + " once, or ssh-keyscan) or rerun with "
                + "--accept-new-host-keys";
        return NOT_INCLUDED;
    }

    private String fingerprint(String host, byte[] key) {
        try {
            HostKey hostKey = new HostKey(host, key);
            return hostKey.getType() + " " + hostKey.getFingerPrint(jsch);
        } catch (JSchException e) {
            return "unreadable key";
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        knownHosts.add(hostkey, ui);
    }

    @Override
    public void remove(String host, String type) {
        knownHosts.remove(host, type);
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        knownHosts.remove(host, type, key);
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHosts.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return knownHosts.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return knownHosts.getHostKey(host, type);
    }
}
