# Sourced by ./quiesce and .ci/run. Prints a JDK home whose java is 21 or newer: JAVA_HOME when it
# qualifies, else the newest such JDK under /usr/lib/jvm. Fails with a message saying what it found.

java_major() { # java_home -> major version, or nothing
  local line
  line=$("$1/bin/java" -version 2>&1 | head -n 1) || return 0
  line=${line#*\"}
  line=${line%%\"*}
  case "$line" in
    1.*) line=${line#1.} ;;
  esac
  printf '%s\n' "${line%%[!0-9]*}"
}

find_java_home() {
  local found="" candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
    found="JAVA_HOME=$JAVA_HOME (Java ${major:-?})"
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    [ -n "$major" ] || continue
    found="$found${found:+, }$candidate (Java $major)"
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -n "$best" ]; then
    printf '%s\n' "$best"
    return 0
  fi
  {
    echo "quiesce needs a JDK 21 or newer; found: ${found:-no JDK under /usr/lib/jvm and no JAVA_HOME}."
    echo "Install one (Debian/Ubuntu: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it."
  } >&2
  return 1
}
