#!/usr/bin/env bash
# Rebuilds the example captures from real files: lays out two guest file trees under
# ${TMPDIR:-/tmp}/quiesce-examples/ with real owners and modes, then runs `quiesce collect --root` on
# each. Run as root from the repository root (it sets file owners): examples/make-captures.sh. Run it
# again whenever a built-in rule reads a fact the captures lack, or the demo's hosts read as ERROR.
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
/usr/irissys/bin/iris session "$INST" -U%SYS "##Class(Backup.General).ExternalFreeze(\"$LOG\",,,,,,1800)"
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

base_tree() { # dir
  local root=$1
  install -d -o root -g root -m 0755 "$root" "$root/usr" "$root/usr/sbin" "$root/usr/local" \
    "$root/usr/local/sbin" "$root/usr/local/bin" "$root/etc" "$root/etc/vmware-tools" "$root/opt"
  install -d -o root -g root -m 0700 "$root/root"
  printf '[vmbackup]\nenableSyncDriver=true\n' >"$root/etc/vmware-tools/tools.conf"
  # What a tree shows of VMware Tools (QZ-VT-001, -002): a VMware machine's DMI and vmtoolsd on disk. A
  # running vmtoolsd, its unit and its version need commands, which are not run under --root.
  install -d -o root -g root -m 0755 "$root/usr/bin" "$root/sys" "$root/sys/class" "$root/sys/class/dmi" \
    "$root/sys/class/dmi/id"
  printf '\177ELF' >"$root/usr/bin/vmtoolsd"; chmod 0755 "$root/usr/bin/vmtoolsd"
  printf 'VMware, Inc.\n' >"$root/sys/class/dmi/id/sys_vendor"
  printf 'VMware Virtual Platform\n' >"$root/sys/class/dmi/id/product_name"
}

# db-good: every rule passes.
good=$top/db-good
base_tree "$good"
freeze_script >"$good/usr/sbin/pre-freeze-script"
thaw_script >"$good/usr/sbin/post-thaw-script"
chown root:root "$good/usr/sbin/pre-freeze-script" "$good/usr/sbin/post-thaw-script"
chmod 0700 "$good/usr/sbin/pre-freeze-script" "$good/usr/sbin/post-thaw-script"
install -d -o root -g root -m 0755 "$good/etc/vmware-tools/backupScripts.d"
printf '#!/bin/sh\nsync\n' >"$good/etc/vmware-tools/backupScripts.d/10-flush-page-cache"
chmod 0700 "$good/etc/vmware-tools/backupScripts.d/10-flush-page-cache"

# db-bad: the mistakes seen in the field.
bad=$top/db-bad
base_tree "$bad"
freeze_script >"$bad/usr/sbin/pre-freeze-script"
chmod 0755 "$bad/usr/sbin/pre-freeze-script"                      # QZ-FT-004: mode 0755
thaw_script >"$bad/usr/sbin/post-thaw-script"
chown 1000:1000 "$bad/usr/sbin/post-thaw-script"                   # QZ-FT-003: owned by a user
chmod 0700 "$bad/usr/sbin/post-thaw-script"
freeze_script >"$bad/usr/sbin/pre-freeze-script.sh"                 # QZ-FT-005: a lookalike
chmod 0700 "$bad/usr/sbin/pre-freeze-script.sh"
chmod 0775 "$bad/usr/local/sbin"                                    # not above the scripts: no finding
install -d -o root -g root -m 0755 "$bad/etc/vmware-tools/backupScripts.d"
printf 'Scripts here run as root at every snapshot.\n' >"$bad/etc/vmware-tools/backupScripts.d/README.txt"
chmod 0644 "$bad/etc/vmware-tools/backupScripts.d/README.txt"      # QZ-FT-007: notes file, mode 0644
printf '[vmbackup]\nexecScripts = false\nenableSyncDriver=true\n' >"$bad/etc/vmware-tools/tools.conf" # QZ-VT-005

cd "$here/.."
# Build (or find) the jar once: ./quiesce rebuilds when examples/ is newer, which the first capture makes it.
./quiesce --version >/dev/null
. scripts/find-java-home.sh
java="$(find_java_home)/bin/java"
"$java" -jar cli/target/quiesce.jar collect --local --root "$good" --name db-good --role guest -o "$here/db-good.capture.json"
"$java" -jar cli/target/quiesce.jar collect --local --root "$bad" --name db-bad --role guest -o "$here/db-bad.capture.json"
