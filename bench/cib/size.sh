#!/bin/bash
# CIB size benchmark (issue 3): parse, validate, persist, load, modify and diff one large
# current-form cib.xml with our code, next to Pacemaker's crm_verify -x and cibadmin -Q on the
# same file. Prints one Markdown table (operation -> min / median ms) and the sizes.
#
# usage: bench/cib/size.sh [PRIMITIVES] [CONSTRAINTS]     (default 10000 20000)
#   JHB_RUNS / JHB_WARMUPS             timed / untimed runs of our operations (default 5 / 5; warm-up
#                                      lasts 3 s at least, or the first rows run partly unoptimized)
#   JHB_TOOL_RUNS / JHB_TOOL_WARMUPS   the same for Pacemaker's tools (default 3 / 1)
#   JHB_KEEP=1                         keep the generated cib.xml (the path is printed)
# Needs the built jars (jhb-dist/target/lib) and python3; Pacemaker's tools if installed
# (pacemaker-cli-utils), else their rows say why they failed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$(dirname "$HERE")")
PRIMITIVES=${1:-10000}
CONSTRAINTS=${2:-20000}
for n in "$PRIMITIVES" "$CONSTRAINTS"; do
	[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "size.sh: PRIMITIVES and CONSTRAINTS must be positive whole numbers, not '$n'" >&2; exit 2; }
done
LIB=$REPO/jhb-dist/target/lib
ls "$LIB"/jhb-cib-*.jar >/dev/null 2>&1 || { echo "size.sh: no jars in $LIB: build first (mvn -q -o install -DskipTests)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/jhb-cib-size.XXXXXX)
if [[ ${JHB_KEEP:-0} == 1 ]]; then
	echo "keeping $WORK" >&2
else
	trap 'rm -rf "$WORK"' EXIT
fi
CIB=$WORK/cib.xml
python3 "$HERE/gencib.py" "$PRIMITIVES" "$CONSTRAINTS" >"$CIB" || exit 1

echo "CIB of $PRIMITIVES primitives and $CONSTRAINTS constraints, $(date '+%Y-%m-%d %H:%M'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
java -cp "$LIB/*" "$HERE/CibSizeBench.java" "$CIB" "${JHB_RUNS:-5}" "${JHB_WARMUPS:-5}" \
	"${JHB_TOOL_RUNS:-3}" "${JHB_TOOL_WARMUPS:-1}"
