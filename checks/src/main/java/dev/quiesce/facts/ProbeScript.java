package dev.quiesce.facts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a batch of fact requests into one POSIX {@code sh} script that answers them all in one run.
 *
 * <p>Each answer is a frame: a header line {@code <token> B <id> <status> <length>}, exactly
 * {@code length} bytes of body, then {@code \n<token> E <id>}. The token is random for each run and the
 * body is length-prefixed, so nothing a host prints inside a body can end or forge a frame. Every value
 * (path, pattern, argument) enters the script through {@link ShellQuote#quote}; the script runs only
 * read-only commands and redirects none of them to a file. Stat uses {@code stat -c} (GNU coreutils,
 * BusyBox, ESXi) and falls back to {@code ls -lnd} where {@code stat -c} does not work. Under a root
 * directory owners are left as numbers: this machine's user names say nothing of the tree's. The
 * answer starts with a newline, so that output of the login (a profile that prints with no final
 * newline) cannot run into the first header.
 */
public final class ProbeScript {
    /** Frame id of the preamble that says who ran the probe and how it read file status. */
    public static final String INFO_ID = "info";
    /** Frame id of the last frame: its absence means the answer was cut short. */
    public static final String END_ID = "end";

    private static final String FUNCTIONS = """
            LC_ALL=C; export LC_ALL
            PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH; export PATH
            qz_emit() { printf '%s B %s %s %s\\n' "$T" "$1" "$2" "${#o}"; printf '%s' "$o"; printf '\\n%s E %s\\n' "$T" "$1"; }
            qz_run() { o=$("$@" </dev/null 2>/dev/null; r=$?; printf x; exit "$r"); s=$?; o=${o%x}
              if [ "$s" -ne 0 ]; then o=$("$@" </dev/null 2>&1 >/dev/null; printf x); o=${o%x}; fi; }
            if stat -c %f / >/dev/null 2>&1; then QZ_STAT=stat; else QZ_STAT=ls; fi
            QZ_FMT='%f|%u|%g|%U|%G|%s|%Y'; if [ -n "$R" ]; then QZ_FMT='%f|%u|%g|||%s|%Y'; fi
            qz_stat() { if [ "$QZ_STAT" = stat ]; then stat -c "$QZ_FMT" -- "$1"; else ls -lnd -- "$1"; fi; }
            qz_f_stat() { qz_run qz_stat "$R$2"
              if [ "$s" -eq 0 ] && [ -L "$R$2" ]; then o="$o>$(readlink -- "$R$2" </dev/null 2>/dev/null; printf x)"; o=${o%x}; fi
              qz_emit "$1" "$s"; }
            qz_f_content() { if [ -e "$R$2" ] && [ ! -f "$R$2" ]; then o=; qz_emit "$1" notfile; return; fi
              qz_run head -c "$3" -- "$R$2"; qz_emit "$1" "$s"; }
            qz_entries() { d=$1; set --
              for f in "$d"/* "$d"/.[!.]* "$d"/..?*; do if [ -e "$f" ] || [ -L "$f" ]; then set -- "$@" "$f"; fi; done
              if [ $# -eq 0 ]; then return 0; fi
              if [ "$QZ_STAT" = stat ]; then stat -c "$T@$QZ_FMT|%n" -- "$@" || return
              else for f in "$@"; do printf '%s@' "$T"; ls -lnd -- "$f" || return; done; fi
              i=0; for f in "$@"; do i=$((i+1)); if [ -L "$f" ]; then printf '%s@L%s|' "$T" "$i"; readlink -- "$f"; fi; done; }
            qz_dir() { qz_run ls -d -- "$2"
              if [ "$s" -ne 0 ]; then qz_emit "$1" "$s"; return 1; fi
              if [ ! -d "$2" ]; then o=; qz_emit "$1" notdir; return 1; fi
              if [ ! -r "$2" ] || [ ! -x "$2" ]; then o=; qz_emit "$1" denied; return 1; fi; }
            qz_f_list() { qz_dir "$1" "$R$2" || return 0; qz_run qz_entries "$R$2"; qz_emit "$1" "$s"; }
            qz_f_cmd() { i=$1; shift
              if command -v "$1" >/dev/null 2>&1; then o=$("$@" </dev/null 2>&1; r=$?; printf x; exit "$r"); s=$?; o=${o%x}
              else o="$1: command not found"; s=notfound; fi
              qz_emit "$i" "$s"; }
            qz_f_lines() { i=$1; d=$R$2; p=$3; c=$4; e=$5
              qz_dir "$i" "$d" || return 0
              set --; u=
              for f in "$d"/*; do case ${f##*/} in $p) if [ -f "$f" ]; then
                if [ -r "$f" ]; then set -- "$@" ".${f#"$R"}"; else u="$u$f
            "; fi; fi;; esac; done
              if [ -n "$u" ]; then o=$u; qz_emit "$i" denied; return; fi
              if [ $# -eq 0 ]; then o=; qz_emit "$i" nofiles; return; fi
              o=$(cd -- "${R:-/}" && grep -F -H -n -e "$e" -- "$@" </dev/null 2>/dev/null | head -c "$c"; printf x); o=${o%x}
              qz_emit "$i" 0; }
            printf '\\n'
            o="uid=$(id -u 2>/dev/null </dev/null)
            host=$(uname -n 2>/dev/null </dev/null)
            stat=$QZ_STAT"; qz_emit info 0
            """;

    private final String token;
    private final String root;
    private final Map<String, FactRequest> requestsById;

    /**
     * @param token random hex made fresh for this run
     * @param root  a directory read as if it were {@code /}, or empty for the real root; commands are
     *              not run when it is set (their answers would describe this machine, not the tree)
     */
    public ProbeScript(String token, String root, List<FactRequest> requests) {
        if (!token.matches("[0-9a-f]{16,}")) {
            throw new IllegalArgumentException("the frame token must be hex");
        }
        this.token = token;
        this.root = root;
        Map<String, FactRequest> ids = new LinkedHashMap<>();
        for (FactRequest request : requests.stream().distinct().toList()) {
            ids.put("f" + (ids.size() + 1), request);
        }
        this.requestsById = java.util.Collections.unmodifiableMap(ids);
    }

    public String token() {
        return token;
    }

    /** The requests this script answers, by frame id, in the order the script asks them. */
    public Map<String, FactRequest> requestsById() {
        return requestsById;
    }

    /** True when commands are left out because the probe reads a directory tree, not a live host. */
    public boolean readsTree() {
        return !root.isEmpty();
    }

    public String text() {
        StringBuilder script = new StringBuilder();
        script.append("T=").append(token).append('\n');
        script.append("R=").append(ShellQuote.quote(root)).append('\n');
        script.append(FUNCTIONS);
        requestsById.forEach((id, request) -> line(id, request).ifPresent(l -> script.append(l).append('\n')));
        script.append("o=; qz_emit ").append(END_ID).append(" 0\n");
        return script.toString();
    }

    private Optional<String> line(String id, FactRequest request) {
        return switch (request) {
            case FactRequest.FileStat r -> Optional.of(call("qz_f_stat", id, r.path()));
            case FactRequest.FileContent r ->
                    // One byte over the cap tells the parser the file was longer than the cap.
                    Optional.of(call("qz_f_content", id, r.path(), String.valueOf(r.maxBytes() + 1)));
            case FactRequest.DirectoryListing r -> Optional.of(call("qz_f_list", id, r.path()));
            case FactRequest.CommandOutput r -> readsTree() ? Optional.empty()
                    : Optional.of(call("qz_f_cmd", id, r.argv().toArray(String[]::new)));
            case FactRequest.FileLines r -> Optional.of(call("qz_f_lines", id, r.directory(),
                    r.namePattern(), String.valueOf(r.maxBytes() + 1), String.join("\n", r.fixedStrings())));
        };
    }

    private static String call(String function, String id, String... arguments) {
        StringBuilder line = new StringBuilder(function).append(' ').append(id);
        for (String argument : arguments) {
            line.append(' ').append(ShellQuote.quote(argument));
        }
        return line.toString();
    }
}
