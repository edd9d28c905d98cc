#!/usr/bin/env bash
# Tests ./quiesce, the launcher, the way users meet it, which JUnit cannot: a fresh clone, launches
# that race to rebuild after a source change (with flock and without), JAVA_TOOL_OPTIONS, a JAVA_HOME
# that is too old, no JDK at all, a build that fails. Prints one line per case and exits 1 if any
# failed. Builds the clone three times: about two minutes on two cores.
#   scripts/test-launcher.sh [CHECKOUT]     default: this checkout; its committed HEAD is what runs
set -euo pipefail
checkout=$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")/..}" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/quiesce-launcher-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
clone="$work/quiesce"
git clone -q "$checkout" "$clone"
echo "testing the launcher of $checkout at $(git -C "$clone" log -1 --format='%h %s' | cut -c1-72)"
# A source of the cli module: touching it makes a rebuild that is as short as a rebuild can be.
touched="$clone/cli/src/main/java/dev/quiesce/cli/QuiesceCommand.java"
version="quiesce $(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$clone/pom.xml" | head -n 1)"
failures=0

pass() { printf 'ok   %s\n' "$1"; }
fail() {
  printf 'FAIL %s\n' "$1"
  shift
  local log
  for log in "$@"; do
    [ -s "$log" ] && tail -n 12 "$log" | sed "s:^:     ${log##*/}| :"
  done
  failures=$((failures + 1))
}
# launch NAME [VAR=value...] -- ARGS...: runs ./quiesce in the clone, output in $work/NAME.out and
# .err, exit code in $work/NAME.rc (a file, because launches also run in the background).
launch() {
  local name=$1 vars=()
  shift
  while [ "$1" != -- ]; do vars+=("$1"); shift; done
  shift
  local rc=0
  (cd "$clone" && env ${vars[@]+"${vars[@]}"} ./quiesce "$@") >"$work/$name.out" 2>"$work/$name.err" || rc=$?
  echo "$rc" >"$work/$name.rc"
}
rc_of() { cat "$work/$1.rc"; }
builds_in() { cat "$@" | grep -c '^quiesce: building' || true; }

# race NAME [VAR=value...]: after a source change, three launches started together must all run
# quiesce, and only one of them build.
race() {
  local name=$1 i ok=1 logs=()
  shift
  touch "$touched"
  local started=$SECONDS
  for i in 1 2 3; do
    launch "$name-$i" "$@" -- --version &
  done
  wait
  for i in 1 2 3; do
    logs+=("$work/$name-$i.err")
    if [ "$(rc_of "$name-$i")" != 0 ] || [ "$(cat "$work/$name-$i.out")" != "$version" ]; then
      ok=0
    fi
  done
  local builds
  builds=$(builds_in "${logs[@]}")
  if [ "$ok" = 1 ] && [ "$builds" = 1 ]; then
    pass "$name: three launches after a source change all ran quiesce, one built ($((SECONDS - started)) s)"
  else
    fail "$name: three launches after a source change: exit $(rc_of "$name-1") $(rc_of "$name-2") $(rc_of "$name-3"), $builds builds" "${logs[@]}"
  fi
}

started=$SECONDS
launch first -- --version
if [ "$(rc_of first)" = 0 ] && [ "$(cat "$work/first.out")" = "$version" ]; then
  pass "first launch in a fresh clone built and ran quiesce ($((SECONDS - started)) s)"
else
  fail "first launch in a fresh clone: exit $(rc_of first)" "$work/first.out" "$work/first.err"
fi

race race-flock

# The launcher must not depend on flock(1): util-linux is not everywhere. A PATH with everything
# but flock makes it use its other lock.
if command -v flock >/dev/null; then
  mkdir "$work/no-flock"
  IFS=: read -r -a path_dirs <<<"$PATH"
  for dir in "${path_dirs[@]}"; do
    for tool in "$dir"/*; do
      if [ -x "$tool" ] && [ "${tool##*/}" != flock ] && [ ! -e "$work/no-flock/${tool##*/}" ]; then
        ln -s "$tool" "$work/no-flock/${tool##*/}"
      fi
    done
  done
  race race-no-flock PATH="$work/no-flock"
else
  race race-no-flock
fi

launch demo JAVA_TOOL_OPTIONS=-Xmx1g -- demo --out "$work/demo-out"
if [ "$(rc_of demo)" = 1 ] && ! grep -q 'needs a JDK\|no JDK' "$work/demo.err" && [ -f "$work/demo-out/report.json" ] &&
  [ "$(builds_in "$work/demo.err")" = 0 ]; then
  pass "JAVA_TOOL_OPTIONS=-Xmx1g ./quiesce demo exits 1 (db-bad fails), writes its reports, did not build again"
else
  fail "JAVA_TOOL_OPTIONS=-Xmx1g ./quiesce demo: exit $(rc_of demo), expected 1" "$work/demo.out" "$work/demo.err"
fi

# Without a release file the launcher has to start java to learn its version, and JAVA_TOOL_OPTIONS
# then adds a line before the version.
java_home=$(cd "$clone" && . scripts/find-java-home.sh && find_java_home)
mkdir -p "$work/jdk-without-release/bin"
ln -s "$java_home/bin/java" "$work/jdk-without-release/bin/java"
expected_major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java_home/release")
major=$(cd "$clone" && . scripts/find-java-home.sh && JAVA_TOOL_OPTIONS=-Xmx1g java_major "$work/jdk-without-release")
if [ "$major" = "$expected_major" ]; then
  pass "a JDK without a release file is Java $major, also under JAVA_TOOL_OPTIONS"
else
  fail "a JDK without a release file under JAVA_TOOL_OPTIONS: read as '$major', expected $expected_major"
fi

# Classes compiled for 21 do not load on 17: running quiesce at all proves the launcher chose 21+.
java17=/usr/lib/jvm/java-17-openjdk-amd64
if [ -x "$java17/bin/java" ]; then
  launch java17 JAVA_HOME="$java17" PATH="$java17/bin:$PATH" -- --version
  if [ "$(rc_of java17)" = 0 ] && [ "$(cat "$work/java17.out")" = "$version" ]; then
    pass "JAVA_HOME=$java17 (and its java first on PATH): quiesce ran on a JDK 21+"
  else
    fail "JAVA_HOME=$java17: exit $(rc_of java17)" "$work/java17.out" "$work/java17.err"
  fi
else
  echo "skip JAVA_HOME=Java 17: no $java17 here"
fi

# No JDK 21+ anywhere: hide every JDK under /usr/lib/jvm in a mount namespace of our own (root only).
if unshare -m true 2>/dev/null; then
  rc=0
  (cd "$clone" && unshare -m sh -c 'mount -t tmpfs none /usr/lib/jvm && exec env -u JAVA_HOME ./quiesce --version') \
    >"$work/no-jdk.out" 2>"$work/no-jdk.err" || rc=$?
  if [ "$rc" = 5 ] && grep -q 'JDK 21 or newer' "$work/no-jdk.err"; then
    pass "no JDK 21+: exit 5 and a message that says what to install"
  else
    fail "no JDK 21+: exit $rc, expected 5" "$work/no-jdk.out" "$work/no-jdk.err"
  fi
else
  echo "skip no JDK: unshare -m needs root"
fi

# Last, as it leaves the clone broken: a build that fails exits 5, not 1 ("a rule failed"), and
# leaves the jar that was there whole.
jar_before=$(cd "$clone" && find cli/target -name quiesce.jar | sort | xargs cat | cksum)
echo 'this is not Java' >>"$touched"
launch broken -- --version
jar_after=$(cd "$clone" && find cli/target -name quiesce.jar | sort | xargs cat | cksum)
if [ "$(rc_of broken)" = 5 ] && grep -q 'build failed' "$work/broken.err" && [ "$jar_before" = "$jar_after" ]; then
  pass "a build that fails: exit 5, the jar built before is untouched"
else
  fail "a build that fails: exit $(rc_of broken), expected 5; jar untouched: $([ "$jar_before" = "$jar_after" ] && echo yes || echo no)" \
    "$work/broken.out" "$work/broken.err"
fi

echo "$failures failed ($((SECONDS)) s)"
[ "$failures" = 0 ]
