package dev.quiesce.facts.iris;

import java.util.Objects;
import java.util.Optional;

/**
 * One IRIS or Caché instance as the instance list ({@code iris qlist}, {@code ccontrol qall}, …) shows
 * it. Fields an older release does not print are empty, never guessed.
 *
 * @param name         the instance name, as {@code iris session NAME} takes it
 * @param directory    the install directory ({@code <dir>/mgr/messages.log}, {@code <dir>/iris.cpf})
 * @param version      the version id as printed ({@code 2023.1.0.235.1})
 * @param state        running, down, or not understood
 * @param status       the status text as printed ({@code running, since Mon Jan  1 ...}), for evidence
 * @param cpfFile      the CPF file name ({@code iris.cpf}), when listed
 * @param mirrorMember the mirror member type ({@code Failover}, {@code Async}), when listed and not empty
 * @param mirrorStatus the mirror status ({@code Primary}, {@code Backup}), when listed and not empty
 * @param line         where the instance was read (1-based line of the command's output)
 */
public record Instance(String name, String directory, String version, State state, String status,
                       Optional<String> cpfFile, Optional<String> mirrorMember, Optional<String> mirrorStatus,
                       int line) {
    public Instance {
        Objects.requireNonNull(name);
        Objects.requireNonNull(directory);
        Objects.requireNonNull(version);
        Objects.requireNonNull(state);
        Objects.requireNonNull(status);
        Objects.requireNonNull(cpfFile);
        Objects.requireNonNull(mirrorMember);
        Objects.requireNonNull(mirrorStatus);
    }

    /** The directory without final slashes ({@code /usr/irissys/} is {@code /usr/irissys}); {@code /} stays. */
    public String directoryPath() {
        return withoutFinalSlashes(directory);
    }

    /** In one pass: a pattern such as {@code /+$} takes time quadratic in a long run of slashes a host may print. */
    static String withoutFinalSlashes(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    /** Whether the instance runs, as far as its listing says. */
    public enum State {
        RUNNING, DOWN,
        /** A status this reader does not know: neither taken as running nor as down. */
        UNKNOWN
    }
}
