#!/bin/bash
# Idle cost per node: CPU (% of one core, utime+stime from /proc/PID/stat over the period) and
# memory (VmRSS from /proc/PID/status at the end; for Debian's heartbeat summed over all the
# processes of the node) of two nodes of ours and two of Debian's heartbeat 3.0.6 (when
# installed) at keepalive 200ms / warntime 600ms / deadtime 1s, all four idle side by side.
# The period starts 10 s after both pairs see each other active (past start-up and JIT).
#
# usage: sudo bench/idle.sh [SECONDS]     length of the measured period (default 60)
#   JHBB_KEEP=1   keep the logs (the path is printed)
set -u
. "$(dirname "$0")/lib.sh"

PERIOD=${1:-60}
[[ $PERIOD =~ ^[1-9][0-9]*$ ]] || bench_die "SECONDS must be a positive whole number, not '$PERIOD'"
bench_init "$@"
TICKS=$(getconf CLK_TCK)

start_pairs 200ms 600ms 1 10
sleep 10

declare -A PIDS START
for tag in "${TAGS[@]}"; do
	for i in 1 2; do
		node=$NS_PREFIX$tag$i
		PIDS[$node]=$(node_pids "$node" | xargs)
		START[$node]=$(cpu_ticks ${PIDS[$node]})
	done
done
bench_log "measuring $PERIOD s"
began=$(date +%s.%N)
sleep "$PERIOD"
ended=$(date +%s.%N)

echo
echo "Idle cost per node: keepalive 200ms, deadtime 1s, $PERIOD s"
echo
echo "| implementation | node | processes | CPU (% of one core) | CPU time in the period | RSS |"
echo "|---|---|---|---|---|---|"
for tag in "${TAGS[@]}"; do
	for i in 1 2; do
		node=$NS_PREFIX$tag$i
		label=$(impl_of "$node"); [ "$label" = real ] && label="heartbeat 3.0.6"
		now=$(node_pids "$node" | xargs)
		[ "$now" = "${PIDS[$node]}" ] || bench_log "$node: processes changed during the period: ${PIDS[$node]} -> $now"
		ticks=$(( $(cpu_ticks ${PIDS[$node]}) - START[$node] ))
		"$PYTHON" -c 'import sys
ticks, hz, began, ended, kb, label, node, procs = sys.argv[1:]
ms = int(ticks) * 1000 / int(hz)
pct = ms / 10 / (float(ended) - float(began))
print(f"| {label} | {node} | {procs} | {pct:.2f}% | {ms:.0f} ms | {int(kb) / 1024:.1f} MB |")' \
			"$ticks" "$TICKS" "$began" "$ended" "$(rss_kb ${PIDS[$node]})" "$label" "$node" "$(wc -w <<< "${PIDS[$node]}")"
	done
done
