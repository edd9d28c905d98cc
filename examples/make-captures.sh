#!/usr/bin/env bash
# Rebuilds the example captures from real files and commands: lays out a guest tree for each example host
# under ${TMPDIR:-/tmp}/quiesce-examples/ (scripts, tools.conf, an IRIS install with its CPF, and stand-ins
# for the commands the probe runs: iris, vmware-toolbox-cmd, systemctl, ps, ...), shows each tree laid over
# this machine's / inside a bubblewrap sandbox (read-only, no network), and runs `quiesce collect --local`
# in it, so commands run and files are read exactly as on a live guest. Run as root from the repository
# root (the trees need root- and user-owned files; bwrap from the Debian package bubblewrap):
# examples/make-captures.sh. Run it again whenever a built-in rule reads a fact the captures lack, or the
# demo's hosts read as ERROR.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=${TMPDIR:-/tmp}/quiesce-examples
[ "$(id -u)" = 0 ] || { echo "run as root: the trees need root- and user-owned files" >&2; exit 2; }
rm -rf "$top"

freeze_script() {
  cat <<'SCRIPT'
#!/bin/sh
# Freeze IRIS before a VMware quiesced snapshot; exit 0 only when the database says 5 (frozen).
INST=IRIS
LOG=/var/log/iris-freeze.log
/usr/irissys/bin/iris session "$INST" -U%SYS "##Class(Backup.General).ExternalFreeze(\"$LOG\",,,,,,600)"
status=$?
case $status in
  5) echo "$(date): $INST IS FROZEN" >>"$LOG"; exit 0 ;;
  3) echo "$(date): $INST FREEZE FAILED" >>"$LOG"; exit 1 ;;
  *) echo "$(date): ERROR: Unknown status code: $status" >>"$LOG"; exit 1 ;;
esac
SCRIPT
}

thaw_script() {
  cat <<'SCRIPT'
#!/bin/sh
# Thaw IRIS after the snapshot, and after a failed freeze (argument freezeFail) too.
INST=IRIS
LOG=/var/log/iris-freeze.log
/usr/irissys/bin/iris session "$INST" -U%SYS "##Class(Backup.General).ExternalThaw(\"$LOG\")"
status=$?
if [ "$status" -eq 5 ]; then echo "$(date): $INST IS THAWED" >>"$LOG"; exit 0; fi
echo "$(date): $INST THAW FAILED" >>"$LOG"
exit 1
SCRIPT
}

# standin PATH: an executable POSIX sh script at PATH in a tree, from standard input.
standin() {
  install -d -o root -g root -m 0755 "$(dirname "$1")"
  { printf '#!/bin/sh\n# Stand-in made by examples/make-captures.sh: answers what the probe asks, as this guest would.\n'; cat; } >"$1"
  chmod 0755 "$1"
}

# guest_tree DIR TOOLS_VERSION PS_LINES: a VMware guest with open-vm-tools (the version
# vmware-toolbox-cmd -v prints), the processes ps lists, and one IRIS instance running from /usr/irissys.
guest_tree() {
  local root=$1 version=$2 processes=$3
  install -d -o root -g root -m 0755 "$root" "$root/usr" "$root/usr/sbin" "$root/usr/bin" "$root/usr/local" \
    "$root/usr/local/sbin" "$root/usr/local/bin" "$root/etc" "$root/etc/vmware-tools" "$root/opt" \
    "$root/sys" "$root/sys/class" "$root/sys/class/dmi" "$root/sys/class/dmi/id" "$root/usr/irissys" \
    "$root/usr/irissys/bin" "$root/usr/irissys/mgr"
  install -d -o root -g root -m 0700 "$root/root"
  # The guest's own users: owners are named as the guest names them, not as this machine does.
  printf 'root:x:0:0:root:/root:/bin/bash\nirisusr:x:51773:51773::/home/irisusr:/bin/false\ndbadmin:x:1000:1000:DBA:/home/dbadmin:/bin/bash\n' >"$root/etc/passwd"
  printf 'root:x:0:\nirisusr:x:51773:\ndbadmin:x:1000:\n' >"$root/etc/group"
  printf 'VMware, Inc.\n' >"$root/sys/class/dmi/id/sys_vendor"
  printf 'VMware7,1\n' >"$root/sys/class/dmi/id/product_name"
  : >"$root/usr/bin/vmtoolsd"; chmod 0755 "$root/usr/bin/vmtoolsd"
  standin "$root/usr/bin/systemd-detect-virt" <<'SH'
echo vmware
SH
  standin "$root/usr/bin/vmware-toolbox-cmd" <<SH
[ "\$1" = -v ] && { echo '$version'; exit 0; }
echo "vmware-toolbox-cmd: stand-in knows only -v" >&2; exit 64
SH
  standin "$root/usr/bin/dpkg-query" <<'SH'
for last do :; done
[ "$last" = open-vm-tools ] && { echo 'install ok installed'; exit 0; }
echo "dpkg-query: no packages found matching $last" >&2; exit 1
SH
  standin "$root/usr/bin/systemctl" <<'SH'
for unit do :; done
case "$1 $unit" in
  "is-enabled open-vm-tools.service") echo enabled ;;
  "is-enabled vmtoolsd.service") echo alias ;;
  "is-active open-vm-tools.service"|"is-active vmtoolsd.service") echo active ;;
  *) echo "Failed to get unit file state for $unit: No such file or directory" >&2; exit 1 ;;
esac
SH
  standin "$root/usr/bin/ps" <<SH
cat <<'PS'
$processes
PS
SH
  standin "$root/usr/irissys/bin/iris" <<'SH'
case "$1" in
  qlist) echo 'IRIS^/usr/irissys^2023.1.0.235.1^running, since Tue Dec  1 02:00:00 2026^iris.cpf^1972^52773^0^ok^IRIS^Failover^Primary^/usr/irissys/mgr/^' ;;
  qall) printf 'Instance Name     Version ID        Port   Directory\n-------------     ----------        ----   ---------\nup >IRIS          2023.1.0.235.1    1972   /usr/irissys\n' ;;
  *) echo "iris: stand-in knows only qlist and qall" >&2; exit 1 ;;
esac
SH
  ln -s /usr/irissys/bin/iris "$root/usr/bin/iris"
  cat >"$root/usr/irissys/iris.cpf" <<'CPF'
[ConfigFile]
Product=IRIS
Version=2023.1
[Journal]
AlternateDirectory=/usr/irissys/mgr/journal/
CurrentDirectory=/usr/irissys/mgr/journal/
[MirrorMember]
AgentAddress=10.0.0.11
JoinMirror=1
SystemName=IRISMIRROR-A/IRIS
ValidatedMember=1
[Mirrors]
IRISMIRROR=4A1B2C3D-5E6F-4071-8293-A4B5C6D7E8F9,2,1,,8000,0,1,,0,arbiter.example.com|2188,0,0,0,0,0
CPF
}

# freeze_logs TREE ZONE LOGFILE NIGHT...: the lines the freezes of each NIGHT (EPOCH:FROZEN_SECONDS:MARKER:RESUMED,
# MARKER and RESUMED 1 or 0) leave in the LogFile (also the wrapper's own lines, as these scripts append them
# there; none when LOGFILE is -) and in IRIS's messages.log (the switch, not the marker, which IRIS logs in
# the LogFile only), in ZONE's local time, with the journal files the markers name.
freeze_logs() {
  local root=$1 zone=$2 logfile=$3; shift 3
  local lf="$root$logfile" ml="$root/usr/irissys/mgr/messages.log" night start frozen marker resumed
  [ "$logfile" = - ] && lf=/dev/null
  install -d -o root -g root -m 0755 "$root/var" "$root/var/log" "$root/usr/irissys/mgr/journal"
  : >"$lf"; printf '%s (1201) 0 [Generic.Event] Instance IRIS started\n' "$(TZ=$zone date -d @$(( $(date +%s) - 30 * 86400 )) '+%m/%d/%y-%H:%M:%S:000')" >"$ml"
  for night in "$@"; do
    IFS=: read -r start frozen marker resumed <<<"$night"
    local t1=$((start + 1)) t2=$((start + 1 + frozen))
    local L0 L1 L2 M0 M1 M2 D1 D2 journal
    L0=$(TZ=$zone date -d @$start '+%m/%d/%Y %H:%M:%S'); L1=$(TZ=$zone date -d @$t1 '+%m/%d/%Y %H:%M:%S')
    L2=$(TZ=$zone date -d @$t2 '+%m/%d/%Y %H:%M:%S')
    M0=$(TZ=$zone date -d @$start '+%m/%d/%y-%H:%M:%S:000'); M1=$(TZ=$zone date -d @$t1 '+%m/%d/%y-%H:%M:%S:000')
    M2=$(TZ=$zone date -d @$t2 '+%m/%d/%y-%H:%M:%S:000')
    D1=$(LC_ALL=C TZ=$zone date -d @$t1); D2=$(LC_ALL=C TZ=$zone date -d @$t2)
    journal=/usr/irissys/mgr/journal/$(TZ=$zone date -d @$start +%Y%m%d).002
    printf '%s: Backup.General.ExternalFreeze: Suspending system\n' "$L0" >>"$lf"
    printf '%s (4242) 0 [Utility.Event] Backup.General.ExternalFreeze: Suspending system\n' "$M0" >>"$ml"
    if [ "$marker" = 1 ]; then
      printf '\nJournal file switched to:\n%s\n%s: Backup.General.ExternalFreeze: Start a journal restore for this backup with journal file: %s\n\nJournal marker set at\noffset 136104 of %s\n' \
        "$journal" "$L0" "$journal" "$journal" >>"$lf"
      printf '%s (4242) 0 [Generic.Event] INTERSYSTEMS IRIS JOURNALING SYSTEM MESSAGE\nJournaling switched to: %s\n%s (4242) 0 [Utility.Event] Backup.General.ExternalFreeze: Start a journal restore for this backup with journal file: %s\n' \
        "$M0" "$journal" "$M0" "$journal" >>"$ml"
      : >"$root$journal"
    fi
    printf '%s: Backup.General.ExternalFreeze: System suspended\n%s: IRIS IS FROZEN\n' "$L1" "$D1" >>"$lf"
    printf '%s (4242) 0 [Utility.Event] Backup.General.ExternalFreeze: System suspended\n' "$M1" >>"$ml"
    if [ "$resumed" = 1 ]; then
      printf '%s: Backup.General.ExternalThaw: Resuming system\n%s: Backup.General.ExternalThaw: System resumed\n%s: IRIS IS THAWED\n' \
        "$L2" "$L2" "$D2" >>"$lf"
      printf '%s (4243) 0 [Utility.Event] Backup.General.ExternalThaw: Resuming system\n%s (4243) 0 [Utility.Event] Backup.General.ExternalThaw: System resumed\n' \
        "$M2" "$M2" >>"$ml"
    fi
  done
}
now=$(date +%s)

# db-good: every rule passes.
good=$top/db-good
guest_tree "$good" '12.3.5.46049 (build-22544099)' 'root     /sbin/init
root     /usr/bin/vmtoolsd
root     /usr/bin/VGAuthService
irisusr  /usr/irissys/bin/irisdb -s/usr/irissys/mgr -cc
dbadmin  /usr/bin/vmtoolsd -n vmusr --blockFd 3'
printf '[vmbackup]\nenableSyncDriver=true\n' >"$good/etc/vmware-tools/tools.conf"
# A standalone instance: a default CPF's [MirrorMember] is empty (not a mirror member); db-bad keeps
# guest_tree's mirror primary.
printf '[ConfigFile]\nProduct=IRIS\n[Journal]\nAlternateDirectory=/usr/irissys/mgr/journal/\nCurrentDirectory=/usr/irissys/mgr/journal/\n[MirrorMember]\n' \
  >"$good/usr/irissys/iris.cpf"
sed -i 's/\^Failover\^Primary\^/^^^/' "$good/usr/irissys/bin/iris"   # and qlist shows no mirror role
freeze_script >"$good/usr/sbin/pre-freeze-script"
thaw_script >"$good/usr/sbin/post-thaw-script"
chown root:root "$good/usr/sbin/pre-freeze-script" "$good/usr/sbin/post-thaw-script"
chmod 0700 "$good/usr/sbin/pre-freeze-script" "$good/usr/sbin/post-thaw-script"
install -d -o root -g root -m 0755 "$good/etc/vmware-tools/backupScripts.d"
printf '#!/bin/sh\nsync\n' >"$good/etc/vmware-tools/backupScripts.d/10-flush-page-cache"
chmod 0700 "$good/etc/vmware-tools/backupScripts.d/10-flush-page-cache"
# Three good nights, in New York time: each switched the journal, set a marker and thawed within seconds.
ln -s /usr/share/zoneinfo/America/New_York "$good/etc/localtime"
freeze_logs "$good" America/New_York /var/log/iris-freeze.log "$((now - 3 * 86400 + 600)):9:1:1" \
  "$((now - 2 * 86400 + 600)):12:1:1" "$((now - 86400 + 600)):8:1:1"

# db-bad: the mistakes seen in the field.
bad_freeze_script() {
  cat <<'SCRIPT'
#!/bin/bash
# Freeze TEST before the snapshot (copied from a test server: this host runs IRIS, not TEST).
set -e
INST=TEST
/usr/irissys/bin/iris session $INST -U%SYS "##Class(Backup.General).ExternalFreeze(\"/var/log/freeze.log\",,,,,,1800)"
status=$?
echo "$(date): freeze of $INST returned $status" >>/var/log/freeze.log
exit $status
SCRIPT
}

bad_thaw_script() {
  cat <<'SCRIPT'
#!/bin/bash
# Thaw after the snapshot.
case "$1" in
  thaw)
    iris session IRIS -U%SYS "##Class(Backup.General).ExternalThaw(\"/var/log/freeze.log\")" |& tee -a /var/log/thaw.log
    status=$?
    if [ $status -eq 5 ]; then exit 0; fi
    exit 1
    ;;
  freezefail)
    iris session IRIS -U%SYS "##Class(Backup.General).ExternalThaw(\"/var/log/freeze.log\")"
    ;;
esac
SCRIPT
}

bad=$top/db-bad
guest_tree "$bad" '11.0.5.17716 (build-15999111)' 'root     /sbin/init
irisusr  /usr/irissys/bin/irisdb -s/usr/irissys/mgr -cc
dbadmin  /usr/bin/vmtoolsd -n vmusr --blockFd 3'                  # QZ-VT-003: only the per-user instance
printf '[vmbackup]\nexecScripts=false\n' >"$bad/etc/vmware-tools/tools.conf"  # QZ-VT-005: scripts never run
bad_freeze_script >"$bad/usr/sbin/pre-freeze-script"               # QZ-SC-004/005/007/008
chmod 0755 "$bad/usr/sbin/pre-freeze-script"                      # QZ-FT-004: mode 0755
bad_thaw_script >"$bad/usr/sbin/post-thaw-script"                  # QZ-SC-006/009
chown 1000:1000 "$bad/usr/sbin/post-thaw-script"                   # QZ-FT-003: owned by a user
chmod 0700 "$bad/usr/sbin/post-thaw-script"
bad_freeze_script >"$bad/usr/sbin/pre-freeze-script.sh"             # QZ-FT-005: a lookalike
chmod 0700 "$bad/usr/sbin/pre-freeze-script.sh"
chmod 0775 "$bad/usr/local/sbin"                                    # not above the scripts: no finding
install -d -o root -g root -m 0755 "$bad/etc/vmware-tools/backupScripts.d"
printf 'Scripts here run as root at every snapshot.\n' >"$bad/etc/vmware-tools/backupScripts.d/README.txt"
chmod 0644 "$bad/etc/vmware-tools/backupScripts.d/README.txt"      # QZ-FT-007: notes file, mode 0644
# QZ-VT-006: freezes the journal file system itself, which excludedFileSystems does not list (12.2.0+ fails).
printf '#!/bin/sh\n# Freeze the journal before vmtoolsd freezes the rest; thaw it after.\ncase "$1" in\n  freeze) fsfreeze -f /iris/journal ;;\n  thaw|freezeFail) fsfreeze -u /iris/journal ;;\nesac\n' \
  >"$bad/etc/vmware-tools/backupScripts.d/20-journal"
chmod 0700 "$bad/etc/vmware-tools/backupScripts.d/20-journal"
# QZ-JM-001/003/002/005: one freeze set no marker, one held writes 95 s, the last was never resumed (as
# messages.log tells it: the script's LogFile, /var/log/freeze.log, is not there).
freeze_logs "$bad" UTC - "$((now - 3 * 86400)):8:0:1" "$((now - 2 * 86400)):95:1:1" \
  "$((now - 20 * 3600)):0:1:0"

# collect_in TREE NAME: `quiesce collect --local` as NAME, run where TREE is laid over this machine's /.
collect_in() {
  scripts/guest-sandbox.sh --write "$here" "$1" "$2" -- "$java" -jar "$PWD/cli/target/quiesce.jar" collect --local \
    --name "$2" --role guest,iris -o "$here/$2.capture.json"
}

cd "$here/.."
# Build (or find) the jar once: ./quiesce rebuilds when examples/ is newer, which the first capture makes it.
./quiesce --version >/dev/null
. scripts/find-java-home.sh
java="$(find_java_home)/bin/java"
collect_in "$good" db-good
collect_in "$bad" db-bad
