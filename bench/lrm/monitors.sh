#!/bin/bash
# LRM load: N ocf:heartbeat:Dummy resources on one node (a daemon on loopback with its own
# directories), each started and then monitored every second, for D seconds after a 10 s
# warm-up. Prints the daemon's own CPU (its utime+stime from /proc, which leaves out the
# agents it ran), the agents' CPU, operations per second and how late the monitors started.
#
# usage: bench/lrm/monitors.sh [N] [D]     (default 200 60; needs the build: mvn -q install -DskipTests)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-200}
D=${2:-60}
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "monitors.sh: N must be a positive whole number, not '$N'" >&2; exit 1; }
[[ $D =~ ^[1-9][0-9]*$ ]] || { echo "monitors.sh: D must be a positive whole number of seconds, not '$D'" >&2; exit 1; }
ls "$root"/jhb-dist/target/lib/*.jar >/dev/null 2>&1 || { echo "monitors.sh: no jars: run mvn -q install -DskipTests" >&2; exit 1; }
[ -x /usr/lib/ocf/resource.d/heartbeat/Dummy ] || { echo "monitors.sh: needs resource-agents (ocf:heartbeat:Dummy)" >&2; exit 1; }
work=$(mktemp -d /tmp/jhb-lrm-bench.XXXXXX)
port=$((27600 + RANDOM % 300))
pid=
cleanup() {
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
    wait 2>/dev/null
    [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT INT TERM

mkdir -p "$work/etc" "$work/state"
printf 'logfacility none\nlogfile %s/ha-log\nkeepalive 1\ndeadtime 10\ninitdead 20\nudpport %s\nucast lo 127.0.0.1\nnode n1\ncrm no\n' \
    "$work" "$port" > "$work/etc/ha.cf"
printf 'auth 1\n1 sha1 lrm-bench\n' > "$work/etc/authkeys"; chmod 600 "$work/etc/authkeys"
"$root/bin/heartbeat" --config-dir "$work/etc" --state-dir "$work/state" --node-name n1 > "$work/out" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -S "$work/state/heartbeat.sock" ] && break; sleep 0.2; done
[ -S "$work/state/heartbeat.sock" ] || { echo "monitors.sh: the daemon did not start; see $work/out" >&2; KEEP=1; exit 1; }
java -cp "$root/jhb-dist/target/lib/*" "$root/bench/lrm/MonitorLoad.java" "$work/state/heartbeat.sock" "$pid" "$N" "$D"
