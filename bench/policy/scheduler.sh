#!/bin/bash
# Scheduler benchmark: Debian's Pacemaker 2.1.5 crm_simulate -R and ours (-R, and -S), each a
# whole process under /usr/bin/time (elapsed, CPU, memory), on the same generated CIBs in the
# same run (10 nodes, Dummy primitives in groups of 5, constraints in proportion; see
# gencib.py): clusters where everything runs, and
# a cold one where nothing has been probed yet. Then, unless JMH=0, our scheduler in-process
# with JMH on the same files, and how its time grows with the number of resources.
# Prints Markdown tables; no root needed.
#
# usage: bench/policy/scheduler.sh
#   SIZES="1000 5000 10000"  primitives of the "running" clusters
#   COLD="5000"              primitives of the "cold" clusters ("" for none)
#   CLONED=""                primitives of "running" clusters that also have one anonymous clone
#                            per 10 primitives (not the issue's shape; default none)
#   PCMK_MAX=N               run Pacemaker only on clusters of at most N primitives (it needs about
#                            40 s at 10,000 running and 150 s at 5,000 cold); default: all
#   RUNS=3 / PCMK_RUNS=1     whole-process runs of ours / of Pacemaker per file (the median counts)
#   JMH=0                    skip the in-process part; JMH_OPTS adds options to JMH (e.g. "-i 3")
#   JHB_KEEP=1               keep the generated files and outputs (the path is printed)
#   CDS=0                    run ours without the class data sharing archive bin/install makes
# Needs python3, Pacemaker's crm_simulate (pacemaker-cli-utils; rows say so when it is missing)
# and the built jars: mvn -q -o install -DskipTests -pl jhb-dist,jhb-bench -am
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$(dirname "$HERE")")
SIZES=${SIZES-1000 5000 10000}
COLD=${COLD-5000}
CLONED=${CLONED-}
RUNS=${RUNS:-3}
PCMK_RUNS=${PCMK_RUNS:-1}
PCMK=/usr/sbin/crm_simulate
OURS=$REPO/bin/crm_simulate
BENCH_JAR=$(ls "$REPO"/jhb-bench/target/jhb-bench-*.jar 2>/dev/null | head -1)
for n in $SIZES $COLD $CLONED ${PCMK_MAX:-1} "$RUNS" "$PCMK_RUNS"; do
	[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "scheduler.sh: sizes, PCMK_MAX and run counts must be positive whole numbers, not '$n'" >&2; exit 2; }
done
ls "$REPO"/jhb-dist/target/lib/jhb-policy-*.jar >/dev/null 2>&1 \
	|| { echo "scheduler.sh: no jars in jhb-dist/target/lib: build first (mvn -q -o install -DskipTests -pl jhb-dist,jhb-bench -am)" >&2; exit 2; }
if [[ ${JMH:-1} != 0 && -z $BENCH_JAR ]]; then
	echo "scheduler.sh: no jhb-bench jar: build it (mvn -q -o install -DskipTests -pl jhb-bench -am) or set JMH=0" >&2
	exit 2
fi
# Both must run the same scheduler; a build without -am takes jars from ~/.m2, which other
# worktrees on the same machine install into.
if [[ ${JMH:-1} != 0 ]] && ! cmp -s "$REPO"/jhb-dist/target/lib/jhb-policy-*.jar "$REPO"/jhb-bench/target/lib/jhb-policy-*.jar; then
	echo "scheduler.sh: jhb-dist/target/lib and jhb-bench/target/lib hold different jhb-policy jars: rebuild both (rm -rf jhb-dist/target/lib jhb-bench/target/lib; mvn -q -o install -DskipTests -pl jhb-dist,jhb-bench -am)" >&2
	exit 2
fi
[[ -x /usr/bin/time ]] || { echo "scheduler.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
# Ours runs as installed: bin/install makes a class data sharing archive of the jars, and so
# does this for the source tree's (CDS=0: without one).
if [[ ${CDS:-1} != 0 ]]; then
	"$REPO"/packaging/cds/make-archive "$REPO"/jhb-dist/target/lib \
		|| { echo "scheduler.sh: packaging/cds/make-archive failed" >&2; exit 2; }
else
	rm -f "$REPO"/jhb-dist/target/lib/jheartbeat.jsa
fi

# Our crm_simulate gains -R (--run: schedule and show the summary, no simulation); until then
# -S, which also only schedules and prints the summary.
if "$OURS" --help 2>&1 | grep -q -- '--run'; then
	OURS_MODE=-R
else
	OURS_MODE=-S
fi

WORK=$(mktemp -d /tmp/jhb-sched-bench.XXXXXX)
if [[ ${JHB_KEEP:-0} == 1 ]]; then
	echo "keeping $WORK" >&2
else
	trap 'rm -rf "$WORK"' EXIT
fi

# measure IMPL N VARIANT FILE RUN COMMAND...: one timed run, one line in results.tsv
measure() {
	local impl=$1 n=$2 variant=$3 file=$4 run=$5; shift 5
	local out=$WORK/$impl-$variant-$n.out rc
	/usr/bin/time -f '%e %M %U %S' -o "$WORK/time" "$@" -x "$file" >"$out" 2>"$WORK/$impl-$variant-$n.err"
	rc=$?
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$impl" "$n" "$variant" "$run" "$(tail -1 "$WORK/time")" "$rc" "$out" \
		| tr ' ' '\t' >>"$WORK/results.tsv"
}

echo "Scheduler benchmark, $(date '+%Y-%m-%d %H:%M'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Pacemaker: $PCMK -R -x FILE ($("$PCMK" --version 2>/dev/null | head -1 || echo missing)); ours: bin/crm_simulate $OURS_MODE -x FILE (launcher defaults: ${JHB_JAVA_OPTS:-$(sed -n 's/^opts=${JHB_JAVA_OPTS:-\(.*\)}$/\1/p' "$REPO/bin/.launch")}; class data sharing archive: $([[ ${CDS:-1} != 0 ]] && echo yes || echo no))"
[[ $OURS_MODE == -S ]] && echo "(our crm_simulate has no -R yet: -S, which only schedules and prints the summary, stands in)"
echo

CASES=()  # primitives, variant, gencib.py's arguments after the primitives
for n in $SIZES; do CASES+=("$n running running"); done
for n in $COLD; do CASES+=("$n cold cold"); done
for n in $CLONED; do CASES+=("$n running+clones running $((n / 10))"); done
: >"$WORK/files.tsv"
for c in "${CASES[@]}"; do
	read -r n variant args <<<"$c"
	file=$WORK/$variant-$n.xml
	# shellcheck disable=SC2086  # args is a list of arguments
	python3 "$HERE/gencib.py" "$n" $args >"$file" || exit 1
	printf '%s\t%s\t%s\n' "$file" "$n" "$variant" >>"$WORK/files.tsv"
	for ((r = 1; r <= RUNS; r++)); do
		measure ours "$n" "$variant" "$file" "$r" "$OURS" "$OURS_MODE"
		measure ours-S "$n" "$variant" "$file" "$r" "$OURS" -S
	done
	if [[ -n ${PCMK_MAX:-} && $n -gt $PCMK_MAX ]]; then
		printf 'pacemaker\t%s\t%s\t0\tskipped\t-\t-\t-\t-\t-\n' "$n" "$variant" >>"$WORK/results.tsv"
	elif [[ ! -x $PCMK ]]; then
		printf 'pacemaker\t%s\t%s\t0\tmissing\t-\t-\t-\t-\t-\n' "$n" "$variant" >>"$WORK/results.tsv"
	else
		for ((r = 1; r <= PCMK_RUNS; r++)); do
			measure pacemaker "$n" "$variant" "$file" "$r" "$PCMK" -R
		done
	fi
	echo "done: $n $variant ($(du -h "$file" | cut -f1) file), $(date +%H:%M:%S), load average $(cut -d' ' -f1 /proc/loadavg)" >&2
done
python3 "$HERE/report.py" processes "$WORK/results.tsv" "$WORK/files.tsv"

if [[ ${JMH:-1} != 0 ]]; then
	echo
	echo "In-process (JMH), $(date '+%H:%M'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
	echo
	files=$(cut -f1 "$WORK/files.tsv" | paste -sd,)
	# shellcheck disable=SC2086  # JMH_OPTS is a list of options
	java -cp "$REPO/jhb-bench/target/lib/*:$BENCH_JAR" org.openjdk.jmh.Main SchedulerBenchmark \
		-p cib="$files" -prof gc -prof org.jheartbeat.bench.ProcessCpuProfiler -rf csv -rff "$WORK/jmh.csv" ${JMH_OPTS:-} >"$WORK/jmh.log" 2>&1 \
		|| { echo "JMH failed; its log:" >&2; tail -30 "$WORK/jmh.log" >&2; exit 1; }
	python3 "$HERE/report.py" jmh "$WORK/jmh.csv" "$WORK/files.tsv"
fi
