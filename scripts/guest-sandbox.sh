#!/usr/bin/env bash
# guest-sandbox.sh [--write DIR]... TREE NAME -- COMMAND [ARG]...
#
# Runs COMMAND inside a bubblewrap sandbox whose / is this machine's, read-only, with every entry of TREE
# laid over it at the same place, so that a guest made of real files and stand-in commands (scripts,
# tools.conf, an IRIS install, /etc/passwd, iris and systemctl that answer as that guest would) is probed
# exactly as a live host is: `quiesce collect --local`, or the probe's `/bin/sh -s`. No network, its own
# process, IPC and host-name namespaces (host name NAME), an empty /tmp; --write DIR binds DIR writable.
# COMMAND runs as the caller, with no user namespace: owners and modes in TREE read as they are set.
# Used by examples/make-captures.sh and the end-to-end guest tests. (quiesce simulate has its own sandbox,
# dev.quiesce.simulate.Sandbox, which also drops privileges: a script under trial is not trusted; this
# tree is.)
set -euo pipefail
writable=()
while [ "${1:-}" = --write ]; do writable+=(--bind "$2" "$2"); shift 2; done
[ $# -ge 4 ] && [ "$3" = -- ] || { echo "usage: $0 [--write DIR]... TREE NAME -- COMMAND [ARG]..." >&2; exit 2; }
tree=$(cd "$1" && pwd) name=$2
shift 3
command -v bwrap >/dev/null || { echo "$0: bwrap is missing: apt-get install bubblewrap" >&2; exit 2; }

# mirror REAL TREE AT: appends to `box` the bwrap arguments that show REAL at AT with TREE laid over it.
# Only directories both hold are made anew (with the tree's mode) and filled entry by entry; everything
# else is one read-only bind: bwrap cannot make a mount point under a read-only bind, so a file added to
# /usr/sbin needs /usr and /usr/sbin made, not bound.
mirror() {
  local real=$1 tree=$2 at=$3 name r t
  local -A seen=()
  for r in "$real"/* "$real"/.[!.]* "$real"/..?* "$tree"/* "$tree"/.[!.]* "$tree"/..?*; do
    [ -e "$r" ] || [ -L "$r" ] || continue
    name=${r##*/}
    [ -z "${seen[$name]+x}" ] || continue
    seen[$name]=1
    case "$at/$name" in /proc|/dev|/tmp) continue ;; esac
    r=$real/$name t=$tree/$name
    if [ ! -e "$t" ] && [ ! -L "$t" ]; then
      if [ -L "$r" ]; then box+=(--symlink "$(readlink "$r")" "$at/$name")
      elif [ -d "$r" ] || [ -f "$r" ]; then box+=(--ro-bind "$r" "$at/$name"); fi
    elif [ -d "$t" ] && [ ! -L "$t" ] && [ -d "$r" ] && [ ! -L "$r" ]; then
      box+=(--perms "$(stat -c %a "$t")" --dir "$at/$name"); mirror "$r" "$t" "$at/$name"
    elif [ -L "$t" ]; then
      box+=(--symlink "$(readlink "$t")" "$at/$name")
    else
      box+=(--ro-bind "$t" "$at/$name")
    fi
  done
}

box=()
mirror / "$tree" ""
exec bwrap "${box[@]}" --dev /dev --proc /proc --tmpfs /tmp "${writable[@]}" --remount-ro / \
  --unshare-net --unshare-pid --unshare-ipc --unshare-uts --hostname "$name" --die-with-parent --chdir / -- "$@"
