#!/bin/bash
# CIB change rate: N small cibadmin -M changes (one nvpair each) against a running 3-node
# cluster on loopback (127.0.0.1-3, own directories, as bin/demo runs it), sent to the DC and
# to a member; each change is answered once a majority of the nodes has it on disk. As root,
# tcpdump on lo also measures what the CIB messages put on the wire per change.
#
# usage: bench/cib/changes.sh [N]      (default 1000; needs the build: mvn -q install -DskipTests)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-1000}
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "changes.sh: N must be a positive whole number, not '$N'" >&2; exit 1; }
ls "$root"/jhb-dist/target/lib/*.jar >/dev/null 2>&1 || { echo "changes.sh: no jars: run mvn -q install -DskipTests" >&2; exit 1; }
work=$(mktemp -d /tmp/jhb-cib-changes.XXXXXX)
port=$((27100 + RANDOM % 500))
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
    wait 2>/dev/null
    [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT INT TERM

for i in 1 2 3; do
    mkdir -p "$work/n$i/etc" "$work/n$i/state"
    {
        echo "logfacility none"; echo "logfile $work/n$i/ha-log"
        echo "keepalive 200ms"; echo "deadtime 2"; echo "initdead 12"; echo "udpport $port"
        for j in 1 2 3; do echo "ucast lo 127.0.0.$j"; echo "nodeaddr n$j 127.0.0.$j"; done
        echo "node n1 n2 n3"; echo "crm on"
    } > "$work/n$i/etc/ha.cf"
    printf 'auth 1\n1 sha1 cib-bench\n' > "$work/n$i/etc/authkeys"; chmod 600 "$work/n$i/etc/authkeys"
    "$root/bin/heartbeat" --config-dir "$work/n$i/etc" --state-dir "$work/n$i/state" --node-name "n$i" \
        > "$work/n$i/out" 2>&1 &
    pids+=($!)
done
status() { "$root/bin/cl_status" --state-dir "$work/n$1/state" --config-dir "$work/n$1/etc" "${@:2}" 2>/dev/null; }
for i in 1 2 3; do
    for _ in $(seq 200); do [ "$(status "$i" nodestatus n3)" = active ] && [ "$(status "$i" nodestatus n1)" = active ] && break; sleep 0.2; done
done
sleep 2
dc=$(grep -ho "DC n[123]" "$work"/n1/ha-log | tail -1 | cut -d' ' -f2)
member=n1; [ "$dc" = n1 ] && member=n2
echo "cluster up on port $port; DC $dc, member $member" >&2

capture=
if [ "$(id -u)" = 0 ] && command -v tcpdump >/dev/null; then
    tcpdump -Z root -U -i lo -w "$work/wire.pcap" -s 0 "udp port $port" >/dev/null 2>&1 &
    capture=$!; pids+=($capture); sleep 1
fi
classpath="$root/jhb-dist/target/lib/*"
echo
echo "CIB changes: $N cibadmin -M of one nvpair each, answered once a majority has them on disk"
echo
echo "| sent to | changes | changes/s | median (ms) | p95 (ms) | max (ms) |"
echo "|---|---|---|---|---|---|"
java -cp "$classpath" "$root/bench/cib/ChangeRate.java" "$work/n${dc#n}/state/heartbeat.sock" "$N" "DC" || exit 1
java -cp "$classpath" "$root/bench/cib/ChangeRate.java" "$work/n${member#n}/state/heartbeat.sock" "$N" "member" || exit 1
if [ -n "$capture" ]; then
    sleep 1; kill "$capture"; wait "$capture" 2>/dev/null
    python3 - "$work/wire.pcap" "$((2 * N))" <<'PY'
import struct, sys, collections
data = open(sys.argv[1], 'rb').read(); changes = int(sys.argv[2])
off = 24; sizes = collections.Counter(); counts = collections.Counter()
linktype = struct.unpack('<I', data[20:24])[0]
while off + 16 <= len(data):
    _, _, incl, _ = struct.unpack('<IIII', data[off:off+16]); pkt = data[off+16:off+16+incl]; off += 16 + incl
    ip = pkt[4:] if linktype == 0 else pkt[14:] if linktype == 1 else pkt[16:]
    ihl = (ip[0] & 0x0f) * 4; payload = ip[ihl+8:]
    for kind in (b'cib_diff', b'cib_applied', b'cib_req', b'cib_reply', b'NS_ackmsg', b'status'):
        if b't=' + kind + b',' in payload:
            sizes[kind.decode()] += len(payload); counts[kind.decode()] += 1; break
print()
print("On the wire (UDP payload on lo, every datagram of every node, for %d changes):" % changes)
print()
print("| message | datagrams | bytes | bytes per change |")
print("|---|---|---|---|")
for kind in ('cib_diff', 'cib_applied', 'cib_req', 'cib_reply'):
    print("| %s | %d | %d | %.0f |" % (kind, counts[kind], sizes[kind], sizes[kind] / changes))
total = sum(sizes[k] for k in ('cib_diff', 'cib_applied', 'cib_req', 'cib_reply'))
print("| all CIB messages | | %d | %.0f |" % (total, total / changes))
PY
else
    echo; echo "(not root or no tcpdump: wire sizes not measured)"
fi
