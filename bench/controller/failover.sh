#!/usr/bin/env bash
# Failover benchmark of the controller, on the local demo's cluster (three daemons on loopback,
# no root): the group demo (two Dummies and the WebServer HTTP service on 127.0.0.1) and
#   - crash: the node running the group fails as a machine does (daemon and services killed
#     with kill -9); time until the service answers from another node;
#   - monitor: the HTTP server alone is killed; time until it answers again (its monitor runs
#     every second: detection, then stop and start in place).
# Each with keepalive 100ms / deadtime 1s and keepalive 1s / deadtime 5s, RUNS times (20).
# Prints min / median / p95 / max (seconds) as a table. Usage: bench/controller/failover.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${RUNS:-20}
work=$(mktemp -d)
export JHB_DEMO_DIR="$work/cluster" JHB_DEMO_PORT=${JHB_DEMO_PORT:-18090} JHB_DEMO_UDPPORT=${JHB_DEMO_UDPPORT:-6950}
trap '"$root/bin/demo" stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

now() { date +%s%N; }
answer() { python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=0.5).read().decode().strip())' \
    "http://127.0.0.1:$JHB_DEMO_PORT/" 2>/dev/null; }
seconds() { python3 -c "print(f'{($2 - $1) / 1e9:.3f}')"; }

# Waits until the whole group runs on one node and the service answers; prints that node.
settled() {
    local deadline=$((SECONDS + 120)) on
    until on=$("$root/bin/demo" where 2>/dev/null) && answer >/dev/null; do
        [ $SECONDS -lt $deadline ] || { echo "bench: the group did not settle" >&2; return 1; }
        sleep 0.2
    done
    echo "$on"
}

measure() {
    local label=$1 keepalive=$2 deadtime=$3 out
    export JHB_DEMO_KEEPALIVE=$keepalive JHB_DEMO_DEADTIME=$deadtime
    "$root/bin/demo" stop >/dev/null 2>&1 || true
    rm -rf "$JHB_DEMO_DIR"
    "$root/bin/demo" start >/dev/null
    out="$work/crash-$label"; : > "$out"
    for _ in $(seq "$runs"); do
        local on t0 got
        on=$(settled)
        t0=$(now)
        "$root/bin/demo" crash "${on#node}" >/dev/null
        local deadline=$((SECONDS + 60))
        until got=$(answer) && [ "$got" != "served by $on" ]; do
            [ $SECONDS -lt $deadline ] || { got=timeout; break; }
            sleep 0.02
        done
        if [ "$got" = timeout ]; then echo timeout >> "$out"; else seconds "$t0" "$(now)" >> "$out"; fi
        "$root/bin/demo" start "${on#node}" >/dev/null
        sleep "$deadtime"
    done
    out="$work/monitor-$label"; : > "$out"
    for _ in $(seq "$runs"); do
        local on t0
        on=$(settled)
        t0=$(now)
        kill -9 "$(cat "$JHB_DEMO_DIR/$on/state/rsctmp/WebServer-www.pid")"
        while answer >/dev/null; do sleep 0.01; done
        local deadline=$((SECONDS + 60)) back=yes
        until answer >/dev/null; do
            [ $SECONDS -lt $deadline ] || { back=no; break; }
            sleep 0.02
        done
        if [ "$back" = yes ]; then seconds "$t0" "$(now)" >> "$out"; else echo timeout >> "$out"; fi
    done
}

measure fast 100ms 1
measure slow 1 5
echo
echo "| event | keepalive / deadtime | runs | no answer within 60 s | min s | median s | p95 s | max s |"
echo "|---|---|---|---|---|---|---|---|"
for label in fast slow; do
    setting=$([ "$label" = fast ] && echo "100ms / 1s" || echo "1s / 5s")
    for event in crash monitor; do
        python3 - "$work/$event-$label" "$event" "$setting" <<'PY'
import math, statistics, sys
lines = [v.strip() for v in open(sys.argv[1]) if v.strip()]
values = sorted(float(v) for v in lines if v != "timeout")
misses = len(lines) - len(values)
p95 = values[math.ceil(0.95 * len(values)) - 1]
event = {"crash": "node crash → service answers elsewhere", "monitor": "server killed → answers again (monitor 2 s)"}[sys.argv[2]]
print(f"| {event} | {sys.argv[3]} | {len(values)} | {misses} | {values[0]:.3f} | {statistics.median(values):.3f} | {p95:.3f} | {values[-1]:.3f} |")
PY
    done
done
