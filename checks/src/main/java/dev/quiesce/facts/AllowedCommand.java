package dev.quiesce.facts;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The only commands a probe may run. Checks ask for a command's output by naming one of these; the
 * arguments they add must match the command's pattern, so no rule pack or inventory can turn the
 * probe into a way to run something else.
 */
public enum AllowedCommand {
    UNAME(List.of("uname", "-srm"), 0, null),
    SYSTEMD_DETECT_VIRT(List.of("systemd-detect-virt"), 0, null),
    VMWARE_TOOLBOX_VERSION(List.of("vmware-toolbox-cmd", "-v"), 0, null),
    SYSTEMCTL_IS_ACTIVE(List.of("systemctl", "is-active", "--"), 1, "[A-Za-z0-9@._-]+\\.service"),
    /** Whether a unit starts at boot: exit 0 for enabled, static, alias, indirect and generated, else non-zero. */
    SYSTEMCTL_IS_ENABLED(List.of("systemctl", "is-enabled", "--"), 1, "[A-Za-z0-9@._-]+\\.service"),
    /** A Debian package's status line ({@code install ok installed}); exit 1 when dpkg knows no such package. */
    DPKG_QUERY_STATUS(List.of("dpkg-query", "-W", "--showformat=${Status}\\n", "--"), 1, "[a-z0-9][a-z0-9+._-]{0,99}"),
    /** An RPM package's full name; exit 1 with "package ... is not installed". */
    RPM_QUERY(List.of("rpm", "-q", "--"), 1, "[A-Za-z0-9][A-Za-z0-9+._-]{0,99}"),
    /** Every process: its user and its command line (argv joined by spaces). */
    PS_USER_ARGS(List.of("ps", "-e", "-o", "user=", "-o", "args="), 0, null),
    IRIS_QLIST(List.of("iris", "qlist"), 0, null),
    CCONTROL_QLIST(List.of("ccontrol", "qlist"), 0, null),
    /** The instance table, read only where {@code qlist} did not answer (a release or wrapper without it). */
    IRIS_QALL(List.of("iris", "qall"), 0, null),
    CCONTROL_QALL(List.of("ccontrol", "qall"), 0, null),
    VIM_CMD_GETALLVMS(List.of("vim-cmd", "vmsvc/getallvms"), 0, null),
    VIM_CMD_SNAPSHOT_GET(List.of("vim-cmd", "vmsvc/snapshot.get"), 1, "[0-9]{1,9}"),
    /**
     * {@code <shell> -n <script>}: the shell reads the script and runs nothing. The shell is one of the
     * POSIX-family shells in /bin, /sbin, /usr/bin, /usr/sbin or /usr/local/bin (not any file named sh: the
     * probe may run as root), the script an absolute path (neither can be taken for an option).
     */
    SHELL_SYNTAX_CHECK(List.of(), List.of("/(usr/)?(local/)?s?bin/(sh|bash|dash|ksh|mksh|zsh)", "-n", "/[^\\x00\\n]*"));

    private final List<String> argv;
    private final List<Pattern> positions;

    AllowedCommand(List<String> argv, int argumentCount, String argumentPattern) {
        this(argv, java.util.Collections.nCopies(argumentCount, argumentPattern == null ? "" : argumentPattern));
    }

    /** A command whose n-th argument must match the n-th pattern. */
    AllowedCommand(List<String> argv, List<String> positionPatterns) {
        this.argv = argv;
        this.positions = positionPatterns.stream().map(Pattern::compile).toList();
    }

    /** The program and its fixed arguments. */
    public List<String> argv() {
        return argv;
    }

    /** Whether {@code arguments} are exactly what this command accepts. */
    public boolean accepts(List<String> arguments) {
        try {
            checkArguments(arguments);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Throws when {@code arguments} are not exactly what this command accepts. */
    public void checkArguments(List<String> arguments) {
        if (arguments.size() != positions.size()) {
            throw new IllegalArgumentException(name() + " takes " + positions.size() + " argument(s), not "
                    + arguments.size());
        }
        for (int i = 0; i < arguments.size(); i++) {
            if (!positions.get(i).matcher(arguments.get(i)).matches()) {
                throw new IllegalArgumentException(name() + " does not accept the argument '" + arguments.get(i)
                        + "' (argument " + (i + 1) + " must match " + positions.get(i) + ")");
            }
        }
    }
}
