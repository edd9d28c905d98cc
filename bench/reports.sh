#!/usr/bin/env bash
# Report rendering benchmark: a synthetic 1,000-host x 40-rule audit rendered as HTML and PDF, with
# the heap capped at 512 MB (the target). Prints time, size and peak heap per round; the figures go
# in docs/BENCHMARKS.md with the command line used.
#   bench/reports.sh [HOSTS] [RULES] [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/find-java-home.sh"
JAVA_HOME=$(find_java_home)
export JAVA_HOME
(cd "$here" && mvn -q -B -DskipTests package -pl bench -am >&2)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM; $(date -u +%Y-%m-%dT%H:%MZ)"
"$JAVA_HOME/bin/java" -Xmx512m -Djava.awt.headless=true -cp "$here/bench/target/quiesce-bench.jar" \
  dev.quiesce.bench.ReportBenchmark "${1:-1000}" "${2:-40}" "$out" "${3:-3}"
