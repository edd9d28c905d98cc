#!/bin/sh
# quiesce simulate: a stand-in for an IRIS/Caché command, logger or sync, inside the sandbox only.
# It records each call (its argv, and the session's input when a heredoc feeds it) in /.quiesce/calls
# and answers as the scenario in /.quiesce/scenario says; it runs nothing real. The line after this
# comment names the command it stands in for (quiesce writes it).
tool=@TOOL@
. /.quiesce/scenario

upper() { printf '%s' "$1" | tr '[:lower:]' '[:upper:]'; }
running_now() {
    [ -n "$1" ] || return 1
    case " $(upper "$running") " in *" $(upper "$1") "*) return 0 ;; esac
    return 1
}

op= inst= answer=0 input= show= only=

# iris session / irissession / csession: INST, -U NAMESPACE or -UNAMESPACE, then the command; without
# a command, the session reads its input (a heredoc).
session() {
    cmd=
    while [ $# -gt 0 ]; do
        case $1 in
            -U) [ $# -gt 1 ] && shift ;;
            -*) ;;
            *) if [ -z "$inst" ]; then inst=$1; else cmd="$cmd $1"; fi ;;
        esac
        shift
    done
    if [ -z "$cmd" ]; then
        input=$(head -c 65536 | tr -d '\000')
        cmd=$input
    fi
    case $cmd in
        *ExternalFreeze*) op=ExternalFreeze answer=$freeze ;;
        *ExternalThaw*) op=ExternalThaw answer=$thaw ;;
        *ExternalSetHistory*) op=ExternalSetHistory answer=$history ;;
        *IsWDSuspendedExt*) op=IsWDSuspendedExt answer=3
            [ -e "/.quiesce/state/$(upper "$inst")" ] && answer=5 ;;
        *) op=session answer=0 ;;
    esac
    running_now "$inst" || answer=1
}

# iris session ...: the same, after the subcommand (shifted inside a function: the call is recorded whole).
iris_session() {
    shift
    session "$@"
}

# iris freeze INST / iris thaw INST (CommandLineFreeze): a plain success or failure status.
command_line() {
    inst=${2-}
    case $1 in freeze) op=CommandLineFreeze s=$freeze ;; *) op=CommandLineThaw s=$thaw ;; esac
    case $s in 5) answer=0 ;; hang) answer=hang ;; *) answer=1 ;; esac
    running_now "$inst" || answer=1
}

# iris/ccontrol qlist [INST], qall, all, list: the scenario's instances, as quiesce wrote them.
listing() {
    flavour=$1
    shift
    case $1 in
        qlist) show=/.quiesce/qlist.$flavour only=${2-} ;;
        qall|all) show=/.quiesce/qall.$flavour ;;
        list) show=/.quiesce/list.$flavour ;;
    esac
    op=$1
}

logger_input() {
    while [ $# -gt 0 ]; do
        case $1 in
            -p|-t|-f|-n|-P|-u|--id|--priority|--tag|--file|--server|--port|--socket) [ $# -gt 1 ] && shift ;;
            --) shift; break ;;
            -*) ;;
            *) break ;;
        esac
        shift
    done
    [ $# -gt 0 ] || input=$(head -c 65536 | tr -d '\000')
}

case $tool in
    iris)
        case ${1-} in
            session) iris_session "$@" ;;
            qlist|qall|all|list) listing iris "$@" ;;
            freeze|thaw) command_line "$@" ;;
            *) op=${1-none} answer=1 ;;
        esac ;;
    ccontrol)
        case ${1-} in
            qlist|qall|all|list) listing cache "$@" ;;
            *) op=${1-none} answer=1 ;;
        esac ;;
    irissession|csession) session "$@" ;;
    logger) op=logger; logger_input "$@" ;;
    *) op=$tool ;;
esac

# One printf, so one append: calls made at the same time do not interleave.
printf '%s\0' QZCALL "$tool" "$op" "$inst" "$answer" "$input" "$#" "$@" >> /.quiesce/calls

if [ -n "$show" ]; then
    if [ -n "$only" ]; then
        awk -F'^' -v n="$(upper "$only")" 'toupper($1) == n' "$show"
    else
        cat "$show"
    fi
fi
if [ "$answer" = hang ]; then
    while :; do sleep 3600; done
fi
if running_now "$inst"; then
    case $op:$answer in
        ExternalFreeze:5|CommandLineFreeze:0) : > "/.quiesce/state/$(upper "$inst")" ;;
        ExternalThaw:5|CommandLineThaw:0) rm -f "/.quiesce/state/$(upper "$inst")" ;;
    esac
fi
exit "$answer"
