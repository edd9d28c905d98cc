package dev.quiesce.host;

import dev.quiesce.facts.ShellQuote;

/**
 * The command an SSH exec channel runs for the probe, which it reads from stdin: {@code /bin/sh -s}, or
 * with sudo one {@code sudo -n} attempt for the whole probe. When sudo refuses (it wants a password or a
 * tty) the wrapper says why on stderr, in one marked line, and runs the same probe unprivileged, so the
 * facts that do not need root are still collected and the others say why they could not be read.
 */
final class SudoWrapper {
    /** Marks the one line the wrapper writes to stderr when sudo -n refuses. */
    static final String SUDO_REFUSED = "quiesce: sudo -n refused: ";

    private SudoWrapper() {}

    /** The remote command; the login shell runs it and it reads the probe from stdin. */
    static String command(boolean sudo) {
        if (!sudo) {
            return "/bin/sh -s";
        }
        String wrapper = "if r=$(sudo -n true 2>&1 </dev/null); then exec sudo -n /bin/sh -s; else printf '%s%s\\n' "
                + ShellQuote.quote(SUDO_REFUSED) + " \"$r\" >&2; exec /bin/sh -s; fi";
        return "/bin/sh -c " + ShellQuote.quote(wrapper);
    }

    /** What the facts say of how the probe ran, from the remote stderr; empty when sudo was not refused. */
    static String note(String stderr) {
        return stderr.lines().filter(l -> l.startsWith(SUDO_REFUSED)).findFirst()
                .map(l -> "sudo -n was refused (" + l.substring(SUDO_REFUSED.length()).strip() + "), so the probe ran "
                        + "unprivileged").orElse("");
    }
}
