#!/usr/bin/env bash
# make-messages-log.sh SIZE_MIB OUT: writes an IRIS messages.log of about SIZE_MIB MiB for the freeze-log
# scan benchmark. The history is one MiB of ordinary traffic (events, license and ECP lines, a daily journal
# switch) dated a year back, repeated; the last 8 days before now hold one ExternalFreeze/ExternalThaw
# sequence a night, in messages.log's own form. Deterministic for a given size and day. Needs bash, awk, date.
set -euo pipefail
size=${1:?size in MiB}; out=${2:?output file}
chunk=$(mktemp); trap 'rm -f "$chunk"' EXIT
awk -v seed=42 'BEGIN {
  srand(seed); n = 0
  while (n < 1048576) {
    d = 1 + int(rand() * 28); h = int(rand() * 24); m = int(rand() * 60); s = int(rand() * 60)
    stamp = sprintf("11/%02d/25-%02d:%02d:%02d:%03d", d, h, m, s, int(rand() * 1000))
    r = rand()
    if (r < 0.4) line = sprintf("%s (%d) 0 [Generic.Event] Global buffer setting requires attention.  Auto-selected 25%% of total memory.", stamp, 1000 + int(rand() * 9000))
    else if (r < 0.7) line = sprintf("%s (%d) 0 [Utility.Event] LMF Info:  Licensed for 64 users.", stamp, 1000 + int(rand() * 9000))
    else if (r < 0.9) line = sprintf("%s (%d) 1 [Generic.Event] ECP: connection to server ecp%d lost, retrying", stamp, 1000 + int(rand() * 9000), int(rand() * 4))
    else if (r < 0.995) line = sprintf("%s (%d) 0 [Utility.Event] Purging old journal files, keeping 2 days", stamp, 1000 + int(rand() * 9000))
    else line = sprintf("%s (%d) 0 [Generic.Event] INTERSYSTEMS IRIS JOURNALING SYSTEM MESSAGE\nJournaling switched to: /usr/irissys/mgr/journal/202511%02d.001", stamp, 1000 + int(rand() * 9000), d)
    print line; n += length(line) + 1
  }
}' >"$chunk"
: >"$out"
for ((i = 0; i < size; i++)); do cat "$chunk"; done >>"$out"
now=$(date +%s)
for day in 8 7 6 5 4 3 2 1; do
  t=$(( now - day * 86400 ))
  at() { date -d @$(( t + $1 )) '+%m/%d/%y-%H:%M:%S:000'; }
  j=/usr/irissys/mgr/journal/$(date -d @$t +%Y%m%d).002
  { echo "$(at 0) (4242) 0 [Utility.Event] Backup.General.ExternalFreeze: Suspending system"
    echo "$(at 0) (4242) 0 [Generic.Event] INTERSYSTEMS IRIS JOURNALING SYSTEM MESSAGE"
    echo "Journaling switched to: $j"
    echo "$(at 0) (4242) 0 [Utility.Event] Backup.General.ExternalFreeze: Start a journal restore for this backup with journal file: $j"
    echo "$(at 0) (4242) 0 [Utility.Event] Backup.General.ExternalFreeze: Journal marker set at offset 136104 of $j"
    echo "$(at 1) (4242) 0 [Utility.Event] Backup.General.ExternalFreeze: System suspended"
    echo "$(at 9) (4243) 0 [Utility.Event] Backup.General.ExternalThaw: Resuming system"
    echo "$(at 9) (4243) 0 [Utility.Event] Backup.General.ExternalThaw: System resumed"; } >>"$out"
done
