package dev.quiesce.host;

import java.util.List;
import java.util.Optional;

/**
 * What known_hosts says of the key a host offered, decided as OpenSSH decides it (hostfile.c
 * {@code check_hostkeys_by_key_or_type}): among the lines that name the host, a key line with the same key
 * makes it KNOWN; else any key line (of any type) makes it CHANGED; a {@code @revoked} line with the same
 * key makes it REVOKED whatever else; with no key line it is UNKNOWN, or CERT_AUTHORITY_ONLY when the host
 * is named only by {@code @cert-authority} lines (quiesce does not use certificates, so that host is refused,
 * not taken as new).
 *
 * @param line the line that decided: the matching key, a key it differs from, the revocation; empty when
 *             none did
 */
record HostKeyCheck(Verdict verdict, Optional<KnownHostsLine> line) {

    /** The outcome, in OpenSSH's terms. */
    enum Verdict {
        KNOWN, CHANGED, UNKNOWN, REVOKED, CERT_AUTHORITY_ONLY
    }

    /** The decision for {@code offered} given {@code lines}, the lines that name the host, in file order. */
    static HostKeyCheck of(List<KnownHostsLine> lines, byte[] offered) {
        HostKeyCheck result = new HostKeyCheck(Verdict.UNKNOWN, Optional.empty());
        for (KnownHostsLine line : lines) {
            if (line.marker() != KnownHostsLine.Marker.NONE) {
                continue;
            }
            if (line.holds(offered)) {
                result = new HostKeyCheck(Verdict.KNOWN, Optional.of(line));
                break;
            }
            result = new HostKeyCheck(Verdict.CHANGED, Optional.of(line));
        }
        for (KnownHostsLine line : lines) {
            if (line.marker() == KnownHostsLine.Marker.REVOKED && line.holds(offered)) {
                return new HostKeyCheck(Verdict.REVOKED, Optional.of(line));
            }
        }
        if (result.verdict() == Verdict.UNKNOWN) {
            Optional<KnownHostsLine> authority = lines.stream()
                    .filter(l -> l.marker() == KnownHostsLine.Marker.CERT_AUTHORITY).findFirst();
            if (authority.isPresent()) {
                return new HostKeyCheck(Verdict.CERT_AUTHORITY_ONLY, authority);
            }
        }
        return result;
    }
}
