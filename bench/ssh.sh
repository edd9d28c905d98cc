#!/usr/bin/env bash
# SSH benchmarks on a loopback sshd started here (as root: it creates the user qzbench, whose shell is
# /bin/sh, since root's .bashrc on these machines is slow to start). Prints (1) one host's full audit
# against `ssh -o BatchMode=yes host true`, warmed up, as a ratio; (2) fleets of distinct connections
# at several parallelisms, with wall time, hosts/s and peak heap under -Xmx256m.
#   bench/ssh.sh [FLEETS] [PARALLELISMS]      defaults: 200,500 and 1,8,32
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/find-java-home.sh"
JAVA_HOME=$(find_java_home)
export JAVA_HOME
[ "$(id -u)" = 0 ] || { echo "run as root (it starts sshd and creates a user)" >&2; exit 2; }
(cd "$here" && mvn -q -B -DskipTests package -pl bench -am >&2)

dir=$(mktemp -d)
chmod 755 "$dir"
user=qzbench
id "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/sh "$user"
usermod -p '*' "$user"
ssh-keygen -q -t ed25519 -N '' -f "$dir/host_ed25519"
ssh-keygen -q -t ed25519 -N '' -f "$dir/client_ed25519"
cp "$dir/client_ed25519.pub" "$dir/authorized_keys_$user"
mkdir -p /run/sshd
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$dir/sshd_config" <<CONFIG
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_ed25519
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys_%u
StrictModes no
UsePAM no
UseDNS no
PasswordAuthentication no
KbdInteractiveAuthentication no
MaxStartups 200:30:400
LogLevel ERROR
CONFIG
/usr/sbin/sshd -D -e -f "$dir/sshd_config" 2>"$dir/sshd.log" &
sshd=$!
trap 'kill $sshd 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 50); do ssh-keyscan -p "$port" 127.0.0.1 >/dev/null 2>&1 && break; sleep 0.1; done
echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$dir/host_ed25519.pub")" >"$dir/known_hosts"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM; $(ssh -V 2>&1); $(date -u +%Y-%m-%dT%H:%MZ)"
"$JAVA_HOME/bin/java" -Xmx256m -cp "$here/bench/target/quiesce-bench.jar" dev.quiesce.bench.SshBenchmark \
  "$port" "$user" "$dir/client_ed25519" "$dir/known_hosts" "${1:-200,500}" "${2:-1,8,32}"
