#!/bin/bash
# Failure-detection latency: time from kill -9 of node 1 to "node NODE1: is dead" in node 2's
# log, for our daemon and Debian's heartbeat 3.0.6 side by side, two nodes each in network
# namespaces (see lib.sh). Per run: node 2 sees node 1 active (cl_status), 2 s later node 1 is
# killed (ours: its java process; Debian's: all its heartbeat processes at once), node 2's log
# is polled every 2 ms, then node 1 is restarted. Runs of ours and Debian's alternate so both
# meet the same background load.
#
# usage: sudo bench/detection.sh [RUNS]     RUNS per implementation and config (default 20)
#   RUNS_SLOW=N   runs of the keepalive 1s / deadtime 5s config (default RUNS)
#   JHBB_KEEP=1   keep the logs (the path is printed)
set -u
. "$(dirname "$0")/lib.sh"

RUNS=${1:-20}
RUNS_SLOW=${RUNS_SLOW:-$RUNS}
[[ $RUNS =~ ^[1-9][0-9]*$ && $RUNS_SLOW =~ ^[1-9][0-9]*$ ]] || bench_die "RUNS must be a positive whole number, not '$RUNS' / '$RUNS_SLOW'"
bench_init "$@"

# name keepalive warntime deadtime initdead deadtime-in-seconds runs
CONFIGS=(
	"100ms/500ms 100ms 250ms 500ms 10 0.5 $RUNS"
	"1s/5s 1 3 5 10 5 $RUNS_SLOW"
)
IMPLS=(ours)
if have_real_heartbeat; then IMPLS+=(real); else bench_log "no $REAL_HB: measuring ours only"; fi

pair_up o 1
have_real_heartbeat && pair_up r 2
mkdir -p "$BASE/results"

stop_node() {
	local pids
	pids=$(node_pids "$1")
	kill -9 $pids 2>/dev/null
	wait_gone 10 $pids
}

# measure IMPL CONFIG DEADTIME: one kill of node 1, one restart
measure() {
	local impl=$1 tag=${1:0:1} a b result pids
	a=$NS_PREFIX${tag}1 b=$NS_PREFIX${tag}2
	wait_active "$b" "$a" 60 || { echo "not-active" >> "$BASE/results/$impl-${2/\//-}"; return; }
	sleep 2
	pids=$(node_pids "$a")
	result=$("$PYTHON" "$BENCH_HOME/killwatch.py" "$(node_log "$b")" "node $a: is dead" "$(echo "$3 + 10" | bc)" $pids)
	echo "$result" >> "$BASE/results/$impl-${2/\//-}"
	bench_log "$impl $2 run $4: $result"
	wait_gone 10 $pids
	node_start "$a"
}

for config in "${CONFIGS[@]}"; do
	read -r name keepalive warntime deadtime initdead seconds runs <<< "$config"
	bench_log "config $name: keepalive $keepalive, warntime $warntime, deadtime $deadtime, initdead $initdead, $runs runs"
	ours_configure "$keepalive" "$warntime" "$deadtime" "$initdead"
	have_real_heartbeat && real_configure "$keepalive" "$warntime" "$deadtime" "$initdead"
	for impl in "${IMPLS[@]}"; do
		node_start "$NS_PREFIX${impl:0:1}2"
		node_start "$NS_PREFIX${impl:0:1}1"
	done
	for run in $(seq "$runs"); do
		for impl in "${IMPLS[@]}"; do measure "$impl" "$name" "$seconds" "$run"; done
	done
	for impl in "${IMPLS[@]}"; do
		stop_node "$NS_PREFIX${impl:0:1}1"
		stop_node "$NS_PREFIX${impl:0:1}2"
	done
done

echo
echo "Failure detection: kill -9 of node 1 -> 'node ...: is dead' in node 2's log (seconds)"
echo "within = runs detected at most deadtime + 50 ms after the kill"
echo
echo "| implementation | keepalive/deadtime | deadtime (s) | runs | misses | within | min | median | p95 | max |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for config in "${CONFIGS[@]}"; do
	read -r name keepalive warntime deadtime initdead seconds runs <<< "$config"
	for impl in "${IMPLS[@]}"; do
		label=$impl; [ "$impl" = real ] && label="heartbeat 3.0.6"
		"$PYTHON" "$BENCH_HOME/stats.py" "$BASE/results/$impl-${name/\//-}" "$(echo "$seconds + 0.05" | bc)" \
			"$label" "$name" "$seconds"
	done
done
