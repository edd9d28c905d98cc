package dev.quiesce.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a batch of fact requests into one POSIX {@code sh} script that answers them all in one run: one
 * stage of a probe.
 *
 * <p>Each answer is a frame: a header line {@code <token> B <id> <status> <length>}, exactly
 * {@code length} bytes of body, then {@code \n<token> E <id>}. The token is random for each stage and the
 * body is length-prefixed, so nothing a host prints inside a body can end or forge a frame. A command is
 * run once: its standard output is the frame's body, its exit status the frame's status, and what it
 * wrote on standard error a second frame {@code <id>.err}. Whether a path is missing, unreadable or of
 * the wrong kind is decided with shell tests ({@code [ -e ]}, {@code [ -d ]}, {@code [ -x ]},
 * {@code [ -r ]}) and written as a status word, never read from the text of an error message.
 *
 * <p>Every value (path, pattern, argument) enters the script through {@link ShellQuote#quote}; the
 * script runs only read-only commands and redirects none of them to a file. Stat uses {@code stat -c}
 * (GNU coreutils, BusyBox, ESXi) and falls back to {@code ls -lnd} where {@code stat -c} does not work.
 * Under a root directory owners are left as numbers: this machine's user names say nothing of the
 * tree's; and every path is resolved inside the tree by the script itself (symbolic links, {@code ..}), so
 * that a link in the tree never leads to this machine's own files. The answer starts with a newline, so
 * that output of the login (a profile that prints with no final newline) cannot run into the first
 * header. The first frame records the host's clock and what tells its time zone ({@code TZ}, the
 * {@code /etc/localtime} link, {@code /etc/timezone}; under a root the tree's files only). A line scan
 * may leave out files older than a window by the host's clock and read {@code .gz} files through
 * {@code gzip -dc} or {@code zcat}; the files it leaves out are named in its answer.
 */
public final class ProbeScript {
    /** Frame id of the preamble that says who ran the probe, how it read file status, and the host's clock. */
    public static final String INFO_ID = "info";
    /** Frame id of the last frame: its absence means the answer was cut short. */
    public static final String END_ID = "end";
    /** Appended to a frame id for the frame of what the command wrote on standard error. */
    public static final String STDERR_SUFFIX = ".err";

    // Names: qz_ prefixes every function and variable of the script, so none can meet the login's own.
    // o is the body and s the status of the next frame; fd 9 is the probe's real standard output.
    // Under a root (R set), qz_resolve walks a tree path name by name as the tree's own system would: an
    // absolute link target restarts at R, a relative one goes on from the link's directory, .. stops at R,
    // and more than 40 links is a loop. qz_real is then a path under R whose directories are real ones, so
    // the OS follows nothing of the tree's on its own; "full" resolves the last name too (stat does not).
    // Without a root nothing calls it, so a live host's probe does no more work than before. Under a root a
    // line scan's pattern is expanded level by level by qz_expand (the OS's glob would follow a directory
    // link at a pattern level): qz_dir_<k> are the directories reached so far, qz_level_<k> those of the
    // next level, every match that is a link resolved inside R. qz_f_lines then sorts the matches once:
    // a file left unread goes to qz_sk as an O/Z record, one to read to qz_keep_<k>, so the records and
    // the file list qz_scan prints come from one look at each file (a second stat could disagree).
    private static final String FUNCTIONS = """
            LC_ALL=C; export LC_ALL
            PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH; export PATH
            exec 9>&1
            qz_nl='
            '
            qz_emit() { printf '%s B %s %s %s\\n' "$T" "$1" "$2" "${#o}"; printf '%s' "$o"; printf '\\n%s E %s\\n' "$T" "$1"; }
            qz_run() { qz_id=$1; shift
              o=$( { o=$("$@" 2>&3 3>&- 9>&- </dev/null; qz_s=$?; printf x; exit "$qz_s"); qz_s=$?; o=${o%x}; qz_emit "$qz_id" "$qz_s" >&9; } 3>&1 )
              if [ -n "$o" ]; then qz_emit "$qz_id.err" 0; fi; }
            qz_why() { qz_p=$1
              while :; do qz_up=${qz_p%/*}; qz_up=${qz_up:-/}
                if [ -d "$qz_up" ]; then if [ -x "$qz_up" ]; then qz_w=notfound; else qz_w=denied; fi; return; fi
                if [ -e "$qz_up" ]; then qz_w=nopath; return; fi
                qz_p=$qz_up; done; }
            qz_missing() { qz_why "$2"; o=; qz_emit "$1" "$qz_w"; }
            qz_there() { [ -e "$1" ] || [ -L "$1" ]; }
            if stat -c %f / >/dev/null 2>&1; then QZ_STAT=stat; else QZ_STAT=ls; fi
            QZ_FMT='%f|%u|%g|%U|%G|%s|%Y'; if [ -n "$R" ]; then QZ_FMT='%f|%u|%g|||%s|%Y'; fi
            qz_stat() { if [ "$QZ_STAT" = stat ]; then stat -c "$QZ_FMT" -- "$1"; else ls -lnd -- "$1"; fi; }
            qz_stat_link() { qz_stat "$1" || return; if [ -L "$1" ]; then printf '>'; readlink -- "$1" || :; fi; }
            qz_resolve() { qz_done= qz_todo=$1 qz_links=0
              while :; do case $qz_todo in /*) qz_todo=${qz_todo#/}; continue;; '') break;; esac
                qz_name=${qz_todo%%/*}; qz_todo=${qz_todo#"$qz_name"}
                case $qz_name in .) continue;; ..) qz_done=${qz_done%/*}; continue;; esac
                qz_next=$qz_done/$qz_name
                if [ -z "$qz_todo" ] && [ "$2" != full ]; then qz_done=$qz_next; break; fi
                if [ -L "$R$qz_next" ]; then qz_links=$((qz_links + 1))
                  if [ "$qz_links" -gt 40 ]; then qz_w=loop; return 1; fi
                  qz_to=$(readlink -- "$R$qz_next" && printf x) || { qz_w=badlink; return 1; }
                  qz_to=${qz_to%?x}
                  case $qz_to in '') qz_w=badlink; return 1;; /*) qz_done=;; esac
                  qz_todo=$qz_to$qz_todo
                elif [ -d "$R$qz_next" ]; then qz_done=$qz_next
                else qz_done=$qz_next$qz_todo; break; fi
              done
              qz_real=$R$qz_done; }
            qz_inside() { if qz_resolve "$2" "$3"; then return 0; fi; o=; qz_emit "$1" "$qz_w"; return 1; }
            qz_f_stat() { qz_at=$R$2; if [ -n "$R" ]; then qz_inside "$1" "$2" || return 0; qz_at=$qz_real; fi
              if qz_there "$qz_at"; then qz_run "$1" qz_stat_link "$qz_at"; else qz_missing "$1" "$qz_at"; fi; }
            qz_head() { { qz_t=$( { { tr -d '\\000' <"$2"; printf '%s' "$?" >&4; } | head -c "$1" >&3; } 4>&1 ); } 3>&1
              case ${qz_t:-1} in 0|141) return 0;; *) return "$qz_t";; esac; }
            qz_f_content() { qz_at=$R$2; if [ -n "$R" ]; then qz_inside "$1" "$2" full || return 0; qz_at=$qz_real; fi
              if ! qz_there "$qz_at"; then qz_missing "$1" "$qz_at"
              elif [ ! -f "$qz_at" ]; then o=; qz_emit "$1" notfile
              elif [ ! -r "$qz_at" ]; then o=; qz_emit "$1" denied
              else qz_run "$1" qz_head "$3" "$qz_at"; fi; }
            qz_listable() { if ! qz_there "$2"; then qz_missing "$1" "$2"; return 1; fi
              if [ ! -d "$2" ]; then o=; qz_emit "$1" notdir; return 1; fi
              if [ ! -r "$2" ] || [ ! -x "$2" ]; then o=; qz_emit "$1" denied; return 1; fi; }
            qz_chunk=; qz_i=1; while [ "$qz_i" -le 128 ]; do qz_chunk="$qz_chunk \\"\\${$qz_i}\\""; qz_i=$((qz_i + 1)); done
            qz_stat_all() { while [ $# -ge 128 ]; do eval "stat -c \\"\\$T@\\$QZ_FMT|%n\\" --$qz_chunk" || qz_st=$?; shift 128; done
              if [ $# -gt 0 ]; then stat -c "$T@$QZ_FMT|%n" -- "$@" || qz_st=$?; fi; }
            qz_entries() { qz_d=${1%/} qz_max=$2 qz_found=0 qz_listed=0 qz_gone=0 qz_st=0
              for qz_g in '*' '.[!.]*' '..?*'; do
                set -- "$qz_d"/$qz_g
                if [ $# -eq 1 ] && ! qz_there "$1"; then continue; fi
                qz_found=$((qz_found + $#)); qz_room=$((qz_max - qz_listed))
                if [ "$qz_room" -le 0 ]; then continue; fi
                if [ $# -gt "$qz_room" ]; then shift $(($# - qz_room)); fi
                qz_listed=$((qz_listed + $#))
                if [ "$QZ_STAT" = stat ]; then qz_stat_all "$@"
                else for qz_f do printf '%s@' "$T"; ls -lnd -- "$qz_f" || qz_st=1; done; fi
                for qz_f do if [ -L "$qz_f" ]; then printf '%s@L%s|%s' "$T" "${#qz_f}" "$qz_f"; readlink -- "$qz_f" || echo
                  elif ! qz_there "$qz_f"; then qz_gone=$((qz_gone + 1)); fi; done
              done
              printf '%s@N%s|%s|%s\\n' "$T" "$qz_found" "$qz_listed" "$qz_gone"; return "$qz_st"; }
            qz_entries_in() { cd -- "$1" || return; qz_entries . "$2"; }
            qz_f_list() { if [ -z "$R" ]; then if qz_listable "$1" "$2"; then qz_run "$1" qz_entries "$2" "$3"; fi
              elif qz_inside "$1" "$2" full && qz_listable "$1" "$qz_real"; then qz_run "$1" qz_entries_in "$qz_real" "$3"; fi; }
            qz_f_cmd() { qz_id=$1; shift
              if command -v "$1" >/dev/null 2>&1; then qz_run "$qz_id" "$@"; else o=; qz_emit "$qz_id" notfound; fi; }
            qz_f_lines() ( qz_id=$1 qz_glob=$2 qz_max=$4 qz_e=$5 qz_home=$3 qz_shown=${3%/} qz_win=$6 qz_zip=$7
              if [ -n "$R" ]; then qz_inside "$qz_id" "$3" full || exit 0; qz_home=$qz_real; fi
              if [ ! -d "$qz_home" ]; then qz_why "$qz_home"; [ "$qz_w" = denied ] || qz_w=nofiles; o=; qz_emit "$qz_id" "$qz_w"; exit 0; fi
              if [ ! -r "$qz_home" ] || [ ! -x "$qz_home" ]; then o=; qz_emit "$qz_id" denied; exit 0; fi
              cd -- "$qz_home" || exit 0
              IFS=; qz_u=; qz_lvl=; qz_p=${qz_glob#"$qz_shown"}
              if [ -n "$R" ]; then qz_expand "$qz_p" || exit 0; eval "set -- $qz_args"
              else while :; do case $qz_p in /*/*) ;; *) break;; esac
                  qz_c=${qz_p#/}; qz_c=${qz_c%%/*}; qz_p=${qz_p#/"$qz_c"}; qz_lvl=$qz_lvl/$qz_c
                  set -- .$qz_lvl
                  for qz_f do if [ -d "$qz_f" ] && { [ ! -r "$qz_f" ] || [ ! -x "$qz_f" ]; }; then qz_u=$qz_u$qz_shown${qz_f#.}$qz_nl; fi; done
                done
                set -- .${qz_glob#"$qz_shown"}; fi
              qz_n=0 qz_sk= qz_args= qz_cut= qz_unz=
              if [ "$qz_win" -gt 0 ]; then qz_now=$(date -u +%s 2>/dev/null </dev/null)
                case $qz_now in ''|*[!0-9]*) ;; *) qz_cut=$((qz_now - qz_win));; esac; fi
              if [ "$qz_zip" = 1 ]; then qz_find_unz; fi
              for qz_f do if [ -f "$qz_f" ]; then qz_shown_as "$qz_f"
                if [ -n "$qz_cut" ] && qz_older "$qz_f"; then qz_sk=$qz_sk"O${#qz_as}|$qz_as$qz_nl"
                elif [ "$qz_zip" = 1 ] && [ -z "$qz_unz" ] && qz_gz "$qz_f"; then qz_sk=$qz_sk"Z${#qz_as}|$qz_as$qz_nl"
                elif [ -r "$qz_f" ]; then qz_n=$((qz_n + 1)); eval "qz_keep_$qz_n=\\$qz_f"; qz_args="$qz_args \\"\\$qz_keep_$qz_n\\""
                else qz_u=$qz_u$qz_as$qz_nl; fi; fi; done
              if [ -n "$qz_u" ]; then o=$qz_u; qz_emit "$qz_id" denied; exit 0; fi
              if [ "$qz_n" -eq 0 ] && [ -z "$qz_sk" ]; then o=; qz_emit "$qz_id" nofiles; exit 0; fi
              eval "set -- $qz_args"
              qz_run "$qz_id" qz_scan "$qz_max" "$qz_e" "$qz_sk" "$@" )
            qz_gz() { case $1 in *.gz) return 0;; *) return 1;; esac; }
            qz_older() { [ "$QZ_STAT" = stat ] || return 1; qz_mt=$(stat -c %Y -- "$1" 2>/dev/null </dev/null) || return 1
              case $qz_mt in ''|*[!0-9]*) return 1;; esac; [ "$qz_mt" -lt "$qz_cut" ]; }
            qz_find_unz() { for qz_c in gzip zcat; do
                if [ "$(printf '\\037\\213\\010\\000\\000\\000\\000\\000\\000\\003\\003\\000\\000\\000\\000\\000\\000\\000\\000\\000' | qz_unz_with "$qz_c" 2>/dev/null && printf ok)" = ok ]; then qz_unz=$qz_c; return; fi; done; }
            qz_unz_with() { if [ "$1" = gzip ]; then gzip -dc; else zcat; fi; }
            qz_text() { if [ -n "$qz_unz" ] && qz_gz "$1"; then
                { qz_zt=$( { { qz_unz_with "$qz_unz" <"$1"; printf '%s' "$?" >&5; } | tr -d '\\000' >&6; } 5>&1 ); } 6>&1
                return "${qz_zt:-1}"; fi
              tr -d '\\000' <"$1"; }
            qz_shown_as() { case $1 in ./*) qz_as=$qz_shown${1#.};; *) qz_as=${1#"$R"};; esac; }
            qz_expand() { qz_p=$1 qz_cn=1 qz_dir_1=.
              while [ -n "$qz_p" ]; do qz_p=${qz_p#/}; qz_c=${qz_p%%/*}; qz_p=${qz_p#"$qz_c"}; qz_nn=0 qz_k=0
                while [ "$qz_k" -lt "$qz_cn" ]; do qz_k=$((qz_k + 1)); eval "qz_d=\\$qz_dir_$qz_k"
                  for qz_m in "$qz_d"/$qz_c; do qz_there "$qz_m" || continue
                    if [ -L "$qz_m" ]; then qz_shown_as "$qz_m"
                      qz_resolve "$qz_as" full || { o=$qz_as; qz_emit "$qz_id" "$qz_w"; return 1; }; qz_m=$qz_real; fi
                    if [ -n "$qz_p" ]; then [ -d "$qz_m" ] || continue
                      if [ ! -r "$qz_m" ] || [ ! -x "$qz_m" ]; then qz_shown_as "$qz_m"; qz_u=$qz_u$qz_as$qz_nl; continue; fi; fi
                    qz_nn=$((qz_nn + 1)); eval "qz_level_$qz_nn=\\$qz_m"; done; done
                qz_k=0; while [ "$qz_k" -lt "$qz_nn" ]; do qz_k=$((qz_k + 1)); eval "qz_dir_$qz_k=\\$qz_level_$qz_k"; done; qz_cn=$qz_nn
              done
              qz_args= qz_k=0; while [ "$qz_k" -lt "$qz_cn" ]; do qz_k=$((qz_k + 1)); qz_args="$qz_args \\"\\$qz_dir_$qz_k\\""; done; }
            qz_scan() { qz_m=$1 qz_e=$2; printf '%s' "$3"; shift 3
              for qz_f do if [ -f "$qz_f" ]; then qz_shown_as "$qz_f"; printf '%s|%s\\n' "${#qz_as}" "$qz_as"; fi; done
              { qz_st=$( { { qz_grep "$qz_e" "$@"; printf '%s' "$?" >&4; } | head -c "$qz_m" >&3; } 4>&1 ); } 3>&1
              return "${qz_st:-2}"; }
            qz_grep() { qz_e=$1; shift; qz_r=1; qz_i=0
              for qz_f do if [ -f "$qz_f" ]; then qz_i=$((qz_i + 1)); printf '@%s\\n' "$qz_i"; qz_grep_one "$qz_f" "$qz_e"; qz_x=$?
                if [ "$qz_x" -gt 1 ]; then qz_r=2; elif [ "$qz_x" -eq 0 ] && [ "$qz_r" -eq 1 ]; then qz_r=0; fi; fi; done
              return "$qz_r"; }
            qz_grep_one() { { qz_t=$( { { qz_text "$1"; printf '%s' "$?" >&4; } | grep -a -F -n -e "$2" >&3; } 4>&1 ); qz_g=$?; } 3>&1
              if [ "${qz_t:-1}" -ne 0 ]; then return 2; fi; return "$qz_g"; }
            qz_line() { qz_v=${1%%"$qz_nl"*}; qz_v=${qz_v%%"$(printf '\\r')"*}; }
            qz_zone_file() { qz_real=$1; if [ -n "$R" ]; then qz_resolve "$1" "$2" || qz_real=; fi; }
            qz_zone() { qz_v=; if [ -z "$R" ]; then qz_line "${TZ-}"; fi; qz_tz=$qz_v
              qz_zone_file /etc/localtime; qz_v=; if [ -n "$qz_real" ] && [ -L "$qz_real" ]; then qz_line "$(readlink -- "$qz_real" 2>/dev/null </dev/null)"; fi; qz_lt=$qz_v
              qz_zone_file /etc/timezone full; qz_v=; if [ -n "$qz_real" ] && [ -f "$qz_real" ] && [ -r "$qz_real" ]; then qz_line "$(head -c 256 <"$qz_real" 2>/dev/null)"; fi; qz_tf=$qz_v; }
            qz_zone
            printf '\\n'
            o="uid=$(id -u 2>/dev/null </dev/null)
            host=$(uname -n 2>/dev/null </dev/null)
            clock=$(date -u +%s 2>/dev/null </dev/null)
            zone=$(if [ -z "$R" ]; then date '+%z %Z'; fi 2>/dev/null </dev/null)
            stat=$QZ_STAT
            tz=$qz_tz
            localtime=$qz_lt
            timezone=$qz_tf"; qz_emit info 0
            """;

    private final String token;
    private final String root;
    private final Map<String, FactRequest<?>> requestsById;

    /**
     * @param token random hex made fresh for this stage
     * @param root  a directory read as if it were {@code /}, or empty for the real root; commands are
     *              not run when it is set (their answers would describe this machine, not the tree)
     */
    public ProbeScript(String token, String root, List<? extends FactRequest<?>> requests) {
        if (!token.matches("[0-9a-f]{16,}")) {
            throw new IllegalArgumentException("the frame token must be hex");
        }
        this.token = token;
        this.root = root;
        Map<String, FactRequest<?>> ids = new LinkedHashMap<>();
        for (FactRequest<?> request : requests.stream().<FactRequest<?>>map(FactRequest::probed).distinct().toList()) {
            ids.put("f" + (ids.size() + 1), request);
        }
        this.requestsById = Collections.unmodifiableMap(ids);
    }

    public String token() {
        return token;
    }

    /** The requests this script answers, by frame id, in the order the script asks them. */
    public Map<String, FactRequest<?>> requestsById() {
        return requestsById;
    }

    /** True when commands are left out because the probe reads a directory tree, not a live host. */
    public boolean readsTree() {
        return !root.isEmpty();
    }

    /** The script as the shell reads it: UTF-8, with any byte of a host's name that was not UTF-8 as itself. */
    public byte[] bytes() {
        return HostText.bytes(text());
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

    private Optional<String> line(String id, FactRequest<?> request) {
        return switch (request) {
            case FactRequest.FileStat r -> Optional.of(call("qz_f_stat", id, r.path()));
            case FactRequest.FileContent r ->
                    // One byte over the cap tells the reader the file was longer than the cap.
                    Optional.of(call("qz_f_content", id, r.path(), String.valueOf(r.maxBytes() + 1)));
            case FactRequest.DirectoryListing r -> Optional.of(call("qz_f_list", id, r.path(),
                    String.valueOf(r.maxEntries())));
            case FactRequest.CommandOutput r -> readsTree() ? Optional.empty()
                    : Optional.of(call("qz_f_cmd", id, r.argv().toArray(String[]::new)));
            case FactRequest.FileLines r -> Optional.of(call("qz_f_lines", id, r.pattern(), r.baseDirectory(),
                    String.valueOf(r.maxBytes() + 1), String.join("\n", r.fixedStrings()),
                    String.valueOf(r.modifiedWithinSeconds()), r.decompress() ? "1" : "0"));
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
