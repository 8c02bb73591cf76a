#!/bin/bash
# False deaths under CPU load: two nodes of ours and two of Debian's heartbeat 3.0.6 (when
# installed), keepalive 100ms / warntime 250ms / deadtime 500ms, all four running during the
# same period while one busy loop per core (sha1sum /dev/zero, normal priority) saturates the
# machine. Counts the "is dead" and "Late heartbeat" lines each node logs during the period (no
# node is stopped, so every one is false) and the longest interval a late line reports.
#
# usage: sudo bench/false-deaths.sh [SECONDS]     length of the loaded period (default 300)
#   LOAD=N        number of busy loops (default: one per core)
#   JHBB_KEEP=1   keep the logs (the path is printed)
set -u
. "$(dirname "$0")/lib.sh"

PERIOD=${1:-300}
[[ $PERIOD =~ ^[1-9][0-9]*$ ]] || bench_die "SECONDS must be a positive whole number, not '$PERIOD'"
bench_init "$@"
CORES=$(nproc)
LOAD=${LOAD:-$CORES}
[[ $LOAD =~ ^[0-9]+$ ]] || bench_die "LOAD must be a whole number, not '$LOAD'"

start_pairs 100ms 250ms 500ms 10
sleep 2

declare -A OFFSET
for tag in "${TAGS[@]}"; do
	for i in 1 2; do
		node=$NS_PREFIX$tag$i
		OFFSET[$node]=$(stat -c %s "$(node_log "$node")")
		bench_log "$node: scheduling $(ps -o cls=,rtprio= -p "$(node_pids "$node" | head -1)" | xargs)"
	done
done
bench_log "load: $LOAD x sha1sum /dev/zero for $PERIOD s"
load_start "$LOAD"
sleep "$PERIOD"
for p in "${BENCH_PIDS[@]}"; do
	case $(ps -o comm= -p "$p") in sha1sum) kill -9 "$p" ;; esac
done
sleep 1

# count NODE: "is dead" lines, "Late heartbeat" lines, longest interval (ms) since OFFSET[NODE]
count() {
	tail -c +$((OFFSET[$1] + 1)) "$(node_log "$1")" | "$PYTHON" -c '
import re, sys
dead = late = longest = 0
for line in sys.stdin:
    if "is dead" in line:
        dead += 1
    m = re.search(r"Late heartbeat: Node \S+: interval (\d+) ms", line)
    if m:
        late += 1
        longest = max(longest, int(m.group(1)))
print(dead, late, f"{longest} ms" if late else "-")'
}

echo
echo "False deaths: keepalive 100ms, warntime 250ms, deadtime 500ms, $PERIOD s with $LOAD busy loops on $CORES cores"
echo
echo "| implementation | node | scheduling | \"is dead\" lines | \"Late heartbeat\" lines | longest late interval | still sees peer active |"
echo "|---|---|---|---|---|---|---|"
for tag in "${TAGS[@]}"; do
	for i in 1 2; do
		node=$NS_PREFIX$tag$i peer=$NS_PREFIX$tag$((3 - i))
		label=$(impl_of "$node"); [ "$label" = real ] && label="heartbeat 3.0.6"
		read -r dead late longest <<< "$(count "$node")"
		sched=$(ps -o cls=,rtprio= -p "$(node_pids "$node" | head -1)" | xargs)
		echo "| $label | $node | $sched | $dead | $late | $longest | $(node_status "$node" "$peer") |"
	done
done
