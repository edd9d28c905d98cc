# Sourced by ./quiesce and the bench and example scripts (mvn finds its JDK itself, through the
# toolchain). Prints a JDK home whose java is 21 or newer: JAVA_HOME when it qualifies, else the
# newest such JDK under /usr/lib/jvm. Fails with a message saying what it found and what to install.

java_major() { # java_home -> major version, or nothing
  local version="" line
  # The release file answers without starting a JVM, so JAVA_TOOL_OPTIONS (which makes java print
  # "Picked up JAVA_TOOL_OPTIONS: ..." first) and a slow start do not matter.
  if [ -f "$1/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
  fi
  if [ -z "$version" ] && [ -x "$1/bin/java" ]; then
    # No release file (some JREs, hand-made trees): ask java, without the options that could make
    # it print more or refuse to start, and take the line that holds the version.
    while IFS= read -r line; do
      case "$line" in
        *' version "'*)
          version=${line#*\"}
          version=${version%%\"*}
          break
          ;;
      esac
    done < <(env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS -u _JAVA_OPTIONS "$1/bin/java" -version 2>&1)
  fi
  case "$version" in
    1.*) version=${version#1.} ;;
  esac
  printf '%s\n' "${version%%[!0-9]*}"
}

find_java_home() {
  local found="" candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
    found="JAVA_HOME=$JAVA_HOME (Java ${major:-of unknown version})"
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
    echo "Install one (Debian 12 has no openjdk-21 package: install temurin-21-jdk or newer from"
    echo "Adoptium's apt repository, https://adoptium.net/installation/linux/), or set JAVA_HOME to one."
  } >&2
  return 1
}
