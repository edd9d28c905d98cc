#!/usr/bin/env bash
# freeze-log-scan.sh [SIZE_MIB...]: how long the freeze-log rules take on a large messages.log, next to the
# grep -F its scan amounts to, as whole processes in one paired hyperfine run, and the auditing JVM's peak
# memory for each size (flat: only the matched lines cross, at most 8 MiB). For each size (default 100 1024)
# it builds a tree holding an IRIS install whose mgr/messages.log is that big (bench/make-messages-log.sh),
# and audits it with `quiesce audit --root` and the iris-freeze-log pack alone. Run from the repository root
# after `mvn -B package` (or ./quiesce once); needs hyperfine and /usr/bin/time (Debian: hyperfine, time).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-java-home.sh
java="$(find_java_home)/bin/java"
jar=cli/target/quiesce.jar
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
work=${TMPDIR:-/tmp}/quiesce-freeze-log-bench
rm -rf "$work"; mkdir -p "$work"
strings=(-e 'Backup.General.External' -e 'Journal file switched to:' -e 'Journaling switched to:'
  -e 'Journal marker set at' -e 'offset ' -e 'IS FROZEN' -e 'FREEZE FAILED' -e 'IS THAWED' -e 'THAW FAILED'
  -e 'Unknown status code')
for size in "${@:-100 1024}"; do
  tree=$work/tree-$size
  mkdir -p "$tree/usr/irissys/mgr/journal" "$tree/usr/sbin" "$tree/etc"
  bench/make-messages-log.sh "$size" "$tree/usr/irissys/mgr/messages.log"
  printf 'Etc/UTC\n' >"$tree/etc/timezone"
  for day in 1 2 3 4 5 6 7 8; do : >"$tree/usr/irissys/mgr/journal/$(date -d @$(( $(date +%s) - day * 86400 )) +%Y%m%d).002"; done
  audit="$java -jar $jar audit --local --root $tree --no-builtin-rules --rules rules/iris-freeze-log.yaml --role iris --var instances=IRIS=/usr/irissys --format json --out $work/out-$size"
  scan="grep -a -F -n ${strings[*]@Q} $tree/usr/irissys/mgr/messages.log"
  echo "== $size MiB: $(du -h "$tree/usr/irissys/mgr/messages.log" | cut -f1), $(eval "$scan" | wc -l) matching lines"
  # quiesce exits 1 when a rule fails (QZ-JM-006: no journal files in the tree); only the time counts here.
  # grep's output goes to a file: GNU grep stops at the first match when its output is /dev/null.
  hyperfine --warmup 1 --runs 7 -i --export-json "$work/hyperfine-$size.json" \
    -n "grep -F (the scan alone)" "$scan >$work/grep-$size.out" \
    -n "quiesce audit --root (freeze-log pack)" "$audit >/dev/null"
  jq -r '.results[] | "median \(.median | . * 1000 | round / 1000) s  \(.command)"' "$work/hyperfine-$size.json"
  # Flat heap: the same audit in a 64 MiB heap, whatever the size of the log.
  /usr/bin/time -v ${audit/-jar/-Xmx64m -jar} >/dev/null 2>"$work/time-$size.txt" || true
  grep -E "Maximum resident set size|Elapsed|Exit status" "$work/time-$size.txt"
  jq -r '[.hosts[0].findings[] | "\(.rule) \(.status)"] | join(", ")' "$work/out-$size/report.json"
done
