#!/usr/bin/env bash
# Mutation testing of the packages that decide verdicts (check, facts, engine) with PIT: which changed
# line, comparison or return no test notices. Prints the score per package from PIT's XML report; the
# HTML report is in checks/target/pit-reports/index.html. Takes several minutes on two cores.
#   bench/mutation.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/find-java-home.sh
JAVA_HOME=$(find_java_home)
export JAVA_HOME
# Compiled in the same run rather than installed: nothing of this checkout lands in ~/.m2.
mvn -B -Pmutation -pl checks test-compile org.pitest:pitest-maven:mutationCoverage
python3 - checks/target/pit-reports/mutations.xml <<'PY'
import sys, collections
import xml.etree.ElementTree as ET
counts = collections.defaultdict(lambda: collections.Counter())
for m in ET.parse(sys.argv[1]).getroot():
    package = m.findtext('mutatedClass').rsplit('.', 1)[0]
    counts[package][m.get('status')] += 1
print(f"{'package':28} {'killed':>7} {'survived':>9} {'no cover':>9} {'timed out':>10} {'score':>6}")
for package, c in sorted(counts.items()):
    total = sum(c.values())
    killed = c['KILLED'] + c['TIMED_OUT'] + c['MEMORY_ERROR']
    print(f"{package:28} {c['KILLED']:7} {c['SURVIVED']:9} {c['NO_COVERAGE']:9} {c['TIMED_OUT']:10} "
          f"{100 * killed / total:5.1f}%")
PY
