#!/usr/bin/env bash
# The demo of the user's document, for real: two nodes node01 and node02 in network namespaces on
# a bridge, a client in a third namespace, our heartbeat on both, and a group of the shared disk
# (ocf:heartbeat:Filesystem), a virtual IP (ocf:heartbeat:IPaddr2) and Debian's PostgreSQL 15
# (ocf:heartbeat:pgsql), fenced by a power switch (demo/stonith/netns-pdu) in the client's
# namespace; then a failover experiment measured from the client: the active node's daemon killed,
# the active machine crashed, its link cut, PostgreSQL killed, standby moves. Needs root
# (namespaces, the postgres user). README: "The node01/node02 demo".
#
#   demo/seed-demo.sh [--style pacemaker|hb21|both] [--ci]
#   demo/seed-demo.sh --v1 [--auto-failback on|off] [--ci]
#   demo/seed-demo.sh --cleanup        removes what an interrupted run left (namespaces, links)
#
# --style   the form of cib.xml: pacemaker (current Pacemaker, default), hb21 (the Heartbeat 2.1
#           form of the 2007 talk, upgraded by our CIB when it reads it), both (one run each)
# --v1      Heartbeat v1 mode instead: crm off and an haresources line (demo/resource.d), no fencing
# --auto-failback  v1's auto_failback (default on)
# --ci      keepalive 200ms / deadtime 2 s (else 500ms / 3 s); both styles, then --v1 with
#           auto_failback on; bin/test runs it
#
# Environment: JHB_DEMO_NS_PREFIX (prefix of the namespace, bridge and veth names; default none,
# so the namespaces are node01, node02, client), JHB_DEMO_SUBNET (default 10.250.0: nodes .11
# and .12, client .100, VIP .50), JHB_DEMO_KEEPALIVE / JHB_DEMO_DEADTIME (detection settings),
# JHB_DEMO_KEEP=1 (keep the work directory, printed at the start, with every log).
#
# The script checks itself and exits 1 when an assertion fails: after each takeover the lost node
# was fenced first (not in v1 mode, which has no fencing) and the group came back on the other
# node; PostgreSQL never ran in both nodes' namespaces at once (sampled every 20 ms); every row
# whose INSERT the client saw acknowledged is still there afterwards.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
demo=$root/demo
pgbin=/usr/lib/postgresql/15/bin
# where the daemons (and crm_verify) find the PDU's plugin, external/netns-pdu
export STONITH_EXTERNAL_PATH=$demo/stonith/external
daemon_env=()    # more of the daemons' environment (v1: HA_RESOURCEDIR)

usage() { sed -n '10,25p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

styles=pacemaker style_set=no v1=no auto_failback=on failback_set=no ci=no cleanup_only=no
while [ $# -gt 0 ]; do
    case "$1" in
        --style) [ $# -ge 2 ] || usage
            case "$2" in pacemaker|hb21) styles=$2 ;; both) styles="pacemaker hb21" ;; *) usage ;; esac
            style_set=yes; shift 2 ;;
        --v1) v1=yes; shift ;;
        --auto-failback) [ $# -ge 2 ] || usage
            case "$2" in on|off) auto_failback=$2 ;; *) echo "seed-demo: --auto-failback takes on or off, not '$2'" >&2; usage ;; esac
            failback_set=yes; shift 2 ;;
        --ci) ci=yes; shift ;;
        --cleanup) cleanup_only=yes; shift ;;
        -h|--help) usage ;;
        *) echo "seed-demo: unknown argument '$1'" >&2; usage ;;
    esac
done
if [ $v1 = yes ] && [ $style_set = yes ]; then
    echo "seed-demo: --style chooses the form of cib.xml, which --v1 does not load (the CIB comes from haresources)" >&2; exit 2
fi
if [ $failback_set = yes ] && [ $v1 = no ]; then
    echo "seed-demo: --auto-failback is a Heartbeat v1 setting: use it with --v1" >&2; exit 2
fi
# the runs: a style of cib.xml each, "v1" for Heartbeat v1 mode
if [ $v1 = yes ]; then runs=v1
elif [ $ci = yes ]; then runs="pacemaker hb21 v1"
else runs=$styles; fi

prefix=${JHB_DEMO_NS_PREFIX-}
subnet=${JHB_DEMO_SUBNET:-10.250.0}
if ! [[ $subnet =~ ^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]]; then
    echo "seed-demo: JHB_DEMO_SUBNET must be the first three parts of an IPv4 address (e.g. 10.250.0), not '$subnet'" >&2
    exit 2
fi
nodes=(node01 node02)
declare -A addr=([node01]=$subnet.11 [node02]=$subnet.12 [client]=$subnet.100)
vip=$subnet.50
bridge=${prefix}hbdemo0
ns() { echo "$prefix$1"; }                 # the namespace of node01, node02 or client
veth() { echo "${prefix}hb-$1"; }          # its veth's end on the bridge
if [ ${#bridge} -gt 15 ] || [ ${#prefix} -gt 6 ]; then
    echo "seed-demo: JHB_DEMO_NS_PREFIX '$prefix' is too long for interface names (6 characters at most)" >&2
    exit 2
fi
# CI: short detection, and how the README's figures were measured
if [ $ci = yes ]; then keepalive=${JHB_DEMO_KEEPALIVE:-200ms} deadtime=${JHB_DEMO_DEADTIME:-2}
else keepalive=${JHB_DEMO_KEEPALIVE:-500ms} deadtime=${JHB_DEMO_DEADTIME:-3}; fi

say() { printf '\n\033[1m=== %s\033[0m\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() { echo "seed-demo: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }

if [ "$(id -u)" != 0 ]; then
    die "needs root (network namespaces, a bridge, PostgreSQL run as the postgres user): run  sudo $0 $*"
fi

leftovers() {
    local n
    for n in node01 node02 client; do
        if ip netns list | awk '{print $1}' | grep -qx "$(ns $n)"; then echo "ip netns pids $(ns $n) | xargs -r kill -9; ip netns del $(ns $n)"; fi
        if ip link show "$(veth $n)" >/dev/null 2>&1; then echo "ip link del $(veth $n)"; fi
    done
    if ip link show "$bridge" >/dev/null 2>&1; then echo "ip link del $bridge"; fi
}

kill_namespace() {
    local tries=0 pids
    # kill -9 of all at once, again until none is left: an agent may fork while we kill
    while pids=$(ip netns pids "$1" 2>/dev/null) && [ -n "$pids" ]; do
        # shellcheck disable=SC2086
        kill -9 $pids 2>/dev/null || true
        tries=$((tries + 1))
        [ $tries -lt 100 ] || { echo "seed-demo: processes in $1 survive kill -9: $pids" >&2; return 1; }
        sleep 0.05
    done
}

work=""
helpers=()     # this shell's background processes: the client's loops, the watcher, the log stampers
stop_helpers() {
    local pid
    for pid in "${helpers[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${helpers[@]}"; do wait "$pid" 2>/dev/null || true; done
    helpers=()
}

teardown() {
    local n
    stop_helpers
    for n in node01 node02 client; do
        if ip netns list | awk '{print $1}' | grep -qx "$(ns $n)"; then
            kill_namespace "$(ns $n)" || true
            ip netns del "$(ns $n)" 2>/dev/null || true
        fi
        ip link del "$(veth $n)" 2>/dev/null || true
    done
    ip link del "$bridge" 2>/dev/null || true
    if [ -n "$work" ] && [ -d "$work" ]; then
        if [ "${JHB_DEMO_KEEP:-}" = 1 ]; then echo "seed-demo: kept $work"; else rm -rf "$work"; fi
    fi
    work=""
}

if [ $cleanup_only = yes ]; then
    teardown
    echo "seed-demo: removed the namespaces and links of prefix '${prefix}'"
    exit 0
fi

left=$(leftovers)
if [ -n "$left" ]; then
    {
        echo "seed-demo: a previous run left namespaces or links behind; remove them with"
        echo "    JHB_DEMO_NS_PREFIX='$prefix' $0 --cleanup"
        echo "or by hand:"
        echo "$left" | sed 's/^/    /'
    } >&2
    exit 1
fi

prerequisites() {
    local need=()
    [ -x $pgbin/pg_ctl ] || need+=(postgresql)
    [ -x /usr/lib/ocf/resource.d/heartbeat/pgsql ] || need+=(resource-agents)
    command -v ip >/dev/null || need+=(iproute2)
    # the Filesystem agent refuses to run without modprobe and fuser, even for a bind mount
    command -v modprobe >/dev/null || need+=(kmod)
    command -v fuser >/dev/null || need+=(psmisc)
    command -v python3 >/dev/null || need+=(python3)
    [ ${#need[@]} -eq 0 ] && return
    echo "seed-demo: installing ${need[*]}..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
    # Debian starts the cluster-wide PostgreSQL it installs; the demo runs its own
    if [[ " ${need[*]} " == *" postgresql "* ]] && [ -d /run/systemd/system ]; then
        systemctl disable --now postgresql.service >/dev/null 2>&1 || true
    fi
}

build() {
    if [ ! -d "$root/jhb-dist/target/lib" ]; then
        echo "seed-demo: building jheartbeat (mvn -q install -DskipTests)..."
        (cd "$root" && mvn -B -q install -DskipTests)
    fi
}

network() {
    local n
    ip link add "$bridge" type bridge forward_delay 0 stp_state 0
    ip link set "$bridge" up
    for n in node01 node02 client; do machine_up "$n"; done
}

# A machine's network as it boots: its namespace, eth0 on the bridge with its own address only.
machine_up() {
    local n=$1
    ip netns add "$(ns $n)"
    ip -n "$(ns $n)" link set lo up
    ip link add "$(veth $n)" type veth peer name eth0 netns "$(ns $n)"
    ip -n "$(ns $n)" addr add "${addr[$n]}/24" brd + dev eth0
    ip -n "$(ns $n)" link set eth0 up
    ip link set "$(veth $n)" master "$bridge" up
}

# A machine losing power: every process killed at once, and its kernel's network state gone (its
# interface down without addresses: the virtual IP it held no longer answers ARP, the survivor's
# is the only one). The namespace stays, as the machine does: the PDU's outlet is wired to it.
machine_crash() {
    local n=$1
    kill_namespace "$(ns $n)"
    ip -n "$(ns $n)" addr flush dev eth0
    ip -n "$(ns $n)" link set eth0 down
}

# A machine booting after a crash or after the PDU switched it off: its cable back in (a cut link
# restored), its own address only (the PDU's "on" already did that when it fenced), its /run empty
# (where the agents keep their state and PostgreSQL its socket), and its heartbeat started.
machine_boot() {
    local n=$1
    ip link set "$(veth $n)" up
    if ! ip -n "$(ns $n)" -4 -o addr show dev eth0 | grep -q " ${addr[$n]}/"; then
        ip -n "$(ns $n)" addr add "${addr[$n]}/24" brd + dev eth0
    fi
    ip -n "$(ns $n)" link set eth0 up
    rm -rf "$work/$n/state/rsctmp"
    find "$work/$n/run" -mindepth 1 -delete
    start_node "$n"
}

# The "shared storage": one data directory both nodes reach. A node mounts it (a bind mount,
# ocf:heartbeat:Filesystem) only while it runs the group, in the mount namespace of its own
# daemon, as a SAN volume would be mounted: the other node's pgsql probe then finds no
# postmaster.pid there and says "not running", instead of seeing the active node's postmaster
# through the shared process table.
postgres_data() {
    mkdir -p "$work/disk" "$work/mnt" "$work/sock"
    chown postgres:postgres "$work/disk" "$work/sock"
    touch "$work/postgres.log" && chown postgres:postgres "$work/postgres.log"
    runuser -u postgres -- $pgbin/initdb -D "$work/disk/pgdata" --locale=C -E UTF8 --auth=trust >"$work/initdb.log" 2>&1 \
        || { cat "$work/initdb.log" >&2; die "initdb failed"; }
    cat >> "$work/disk/pgdata/postgresql.conf" <<EOF

# seed demo: the clients come through the virtual IP; the agent's psql through the socket
listen_addresses = '*'
port = 5432
unix_socket_directories = '$work/sock'
EOF
    echo "host all all $subnet.0/24 trust" >> "$work/disk/pgdata/pg_hba.conf"
}

# ha.cf, logd.cf and authkeys of node $1; with $2 = v1, crm off and auto_failback (run_v1 adds
# haresources)
configure_node() {
    local n=$1 dir=$work/$1 crm=on
    mkdir -p "$dir/etc" "$dir/state" "$dir/run"
    chown postgres:postgres "$dir/run"
    if [ "$2" = v1 ]; then crm="off
auto_failback $auto_failback"; fi
    cat > "$dir/etc/ha.cf" <<EOF
# $n of the seed demo (network namespace $(ns $n), eth0 ${addr[$n]})
use_logd yes
keepalive $keepalive
deadtime $deadtime
initdead 12
udpport 694
bcast eth0
node ${nodes[*]}
crm $crm
EOF
    cat > "$dir/etc/logd.cf" <<EOF
logfile $dir/ha-log
debugfile $dir/ha-debug
logfacility none
EOF
    install -m 600 "$work/authkeys" "$dir/etc/authkeys"
}

# The daemon runs in a mount namespace of its own (ip netns exec makes one), where the node's own
# run directory is mounted over the socket directory the CIB names: each machine has its own
# /run/postgresql, so the socket lock file a killed postmaster leaves does not stop the other
# node's (the dead pid may not be reaped yet when the survivor starts PostgreSQL).
start_node() {
    local n=$1
    # in a subshell, so that this shell does not report the daemon's death when the node crashes
    (ip netns exec "$(ns $n)" env "${daemon_env[@]}" setsid sh -c 'mount --bind "$1" "$2" && shift 2 && exec "$@"' \
        sh "$work/$n/run" "$work/sock" \
        "$root/bin/heartbeat" --config-dir "$work/$n/etc" --state-dir "$work/$n/state" \
        --node-name "$n" >> "$work/$n/stdout" 2>&1 < /dev/null &)
    # its log, each line stamped when it arrives: the log's own times are to the second
    if [ ! -f "$work/$n/ha-log.stamped" ]; then stamp_log "$work/$n/ha-log" "$work/$n/ha-log.stamped"; fi
}

stamp_log() {
    python3 "$demo/seed-demo.py" stamp "$1" "$2" &
    helpers+=($!)
}

at() { local n=$1 tool=$2; shift 2; "$root/bin/$tool" --config-dir "$work/$n/etc" --state-dir "$work/$n/state" "$@"; }

wait_for() {
    local what=$1 limit=$2; shift 2
    local deadline=$((SECONDS + limit))
    until "$@" >/dev/null; do
        [ $SECONDS -lt $deadline ] || die "$what did not happen within $limit s (logs: $work/node0N/ha-log)"
        sleep 0.2
    done
}

both_members() { local n=$1; [ "$(at "$n" crm_node -p 2>/dev/null | wc -w)" = 2 ]; }

# The group's members: the ids of cib.xml, or those v1 mode generates from the haresources line
rsc_disk=disk rsc_vip=vip rsc_pg=pgsql

# The node running the whole group (each member started), as the first daemon that answers sees
# it (a dead or fenced node's does not), else fails.
group_node() {
    local n on r any
    for any in node01 node02; do
        on=$(at "$any" crm_resource -W -r "$rsc_pg" 2>/dev/null) || continue
        [ "$(echo "$on" | grep -c 'is running on')" = 1 ] || return 1
        n=${on##* }
        for r in "$rsc_disk" "$rsc_vip"; do at "$any" crm_resource -W -r "$r" 2>/dev/null | grep -qx "resource $r is running on: $n" || return 1; done
        echo "$n"
        return 0
    done
    return 1
}

group_on() { [ "$(group_node)" = "$1" ]; }

other() { if [ "$1" = node01 ]; then echo node02; else echo node01; fi; }

write_cib() {
    sed -e "s|@WORK@|$work|g" -e "s|@VIP@|$vip|g" -e "s|@PGBIN@|$pgbin|g" -e "s|@CLIENT@|${addr[client]}|g" \
        "$demo/seed-cib.$1.xml" > "$work/cib.xml"
}

# Loads cib.xml into the running cluster, section by section: the nodes and the status stay the
# cluster's own.
load_cib() {
    local n=$1 section
    for section in crm_config resources rsc_defaults; do
        if CIB_file="$work/cib.xml" "$root/bin/cibadmin" -Q -o "$section" > "$work/cib-$section.xml" 2>/dev/null; then
            # a section the running CIB does not have yet (rsc_defaults) is created
            at "$n" cibadmin -R -o "$section" -x "$work/cib-$section.xml" >/dev/null 2>&1 \
                || at "$n" cibadmin -C -o configuration -x "$work/cib-$section.xml" >/dev/null
        fi
    done
}

psql_client() {
    ip netns exec "$(ns client)" $pgbin/psql -h "$vip" -U postgres -d postgres -X -q -At -v ON_ERROR_STOP=1 "$@"
}

start_client() {
    ip netns exec "$(ns client)" python3 "$demo/seed-demo.py" probe "$vip" "$work/probe.log" &
    helpers+=($!)
    ip netns exec "$(ns client)" python3 "$demo/seed-demo.py" write "$vip" "$work/write.log" &
    helpers+=($!)
}

# The outage an event caused, from the probe's log: the first failed try after the event, the
# last success before it, the first success after it. "0" when no try failed before the next event.
outage() {
    python3 - "$work/probe.log" "$1" "${2:-99999999999999}" <<'PY'
import sys
log, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
tries = [(int(t), r) for t, r, *_ in (l.split() for l in open(log) if l.strip())]
fails = [t for t, r in tries if r == "fail" and start <= t < end]
if not fails:
    print("0 0 0"); sys.exit()
first_fail = fails[0]
before = max((t for t, r in tries if r == "ok" and t < first_fail), default=start)
after = min((t for t, r in tries if r == "ok" and t > first_fail), default=None)
if after is None:
    print("-1 %d -1" % before)
else:
    print("%d %d %d" % (after - before, before, after))
PY
}

# When the service answers again after the event at $1 (the probe's first success after a failure).
wait_answering() {
    local since=$1 limit=$2 deadline=$((SECONDS + $2))
    until [ "$(outage "$since" | awk '{print $3}')" -gt 0 ] 2>/dev/null; do
        [ $SECONDS -lt $deadline ] || die "the service did not answer through the VIP within $limit s after the event"
        sleep 0.2
    done
}

# When the first line containing $3 reached log $1 (a stamped one) from the time $2 (epoch ms) on.
stamp_since() { awk -v since="$2" -v p="$3" '$1 >= since && index($0, p) { print $1; exit }' "$1"; }

# Rows whose INSERT was acknowledged before $1 (epoch ms), missing from the table now.
lost_rows() {
    # comm compares lines as sort orders them by default (as text)
    awk -v before="$1" '$2 == "ok" && $1 < before { print $3 }' "$work/write.log" | sort > "$work/acked.ids"
    psql_client -c 'SELECT id FROM demo_rows' | sort > "$work/table.ids"
    comm -23 "$work/acked.ids" "$work/table.ids" | wc -l
}

failures=()
check() { if [ "$2" = yes ]; then echo "    [ok]   $1"; else echo "    [FAIL] $1"; failures+=("$1"); fi; }

clock() { date -u -d "@$(( $1 / 1000 )).$(printf '%03d' $(( $1 % 1000 )))" +%H:%M:%S.%3N; }

# The figures of a run, in the order they were measured, for its summary line.
figure_names=()
declare -A figures=()
record() { figure_names+=("$1"); figures[$1]=$2; }
summary() {
    local name line="seed-demo: summary style=$1 keepalive=$keepalive deadtime=${deadtime}s"
    for name in "${figure_names[@]}"; do line+=" $name=${figures[$name]}"; done
    echo "$line"
}

# The machines, the data directory, each node's configuration and the watcher, for run $1 (a
# style of cib.xml, or v1).
setup() {
    local run=$1 n
    work=$(mktemp -d "/tmp/jhb-seed-demo.${prefix}XXXXXX")
    chmod 755 "$work"
    figure_names=() figures=() standby_outages=()
    (umask 077; printf 'auth 1\n1 sha1 %s\n' "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$work/authkeys")
    say "[$run] Two nodes in network namespaces $(ns node01) (${addr[node01]}) and $(ns node02) (${addr[node02]}), client $(ns client) (${addr[client]}), bridge $bridge; work dir $work"
    network
    postgres_data
    for n in "${nodes[@]}"; do configure_node "$n" "$run"; done
    note "ha.cf of node01 (keepalive $keepalive, deadtime $deadtime):"
    sed 's/^/        /' "$work/node01/etc/ha.cf"
    note "logd.cf: $(tr '\n' ';' < "$work/node01/etc/logd.cf")  authkeys: mode $(stat -c %a "$work/node01/etc/authkeys")"
    python3 "$demo/seed-demo.py" watch "$(ns node01),$(ns node02)" "$work/postgres-where.log" &
    helpers+=($!)
}

# Both daemons at once, and both members of the cluster before anything is placed: a node the
# configuration names but the cluster never saw would be fenced at startup.
start_cluster() {
    local n
    for n in "${nodes[@]}"; do start_node "$n"; done
    for n in "${nodes[@]}"; do wait_for "$n seeing both nodes" 60 both_members "$n"; done
}

# The power switch, in the client's namespace: a node reaches it over its own link only, so a node
# cut off cannot switch the other off. Started before the cluster: it records each node's boot
# addresses (its "on" restores those, without a virtual IP added since).
start_pdu() {
    ip netns exec "$(ns client)" "$demo/stonith/netns-pdu" --listen "${addr[client]}:7070" \
        --outlet "node01=$(ns node01)" --outlet "node02=$(ns node02)" 2>> "$work/pdu.log" &
    helpers+=($!)
    wait_for "the PDU answering" 10 pdu_hosts
    note "the PDU at ${addr[client]}:7070, asked from node01's namespace by the plugin (external/netns-pdu gethosts): $(pdu_hosts | tr '\n' ' ')"
}
pdu_hosts() { ip netns exec "$(ns node01)" env pdu_host="${addr[client]}" "$STONITH_EXTERNAL_PATH/netns-pdu" gethosts 2>/dev/null; }

# The start of an event: its time (t_event, epoch ms) and the PDU log's length before it.
mark() {
    t_event=$(now_ms) pdu_mark=0
    if [ -f "$work/pdu.log" ]; then pdu_mark=$(wc -l < "$work/pdu.log"); fi
}

both_since() { awk -v since="$1" '$2 == "BOTH" && $1 >= since' "$work/postgres-where.log" | wc -l; }

yes_no() { if "$@"; then echo yes; else echo no; fi; }

# After event $1 (marked) took node $2 away: the group on $3, the outage, detection and fencing
# times, crm_mon and the log lines of the takeover, and the checks. With fencing, the lines of the
# DC fencing the lost node and of the PDU switching it off.
takeover() {
    local event=$1 lost=$2 survivor=$3 o b a t_dead t_fenced missing both
    wait_for "the group on $survivor" 120 group_on "$survivor"
    wait_answering "$t_event" 60
    read -r o b a <<< "$(outage "$t_event")"
    t_dead=$(stamp_since "$work/$survivor/ha-log.stamped" "$t_event" "node $lost: is dead")
    note "last answer $(clock "$b"), first answer from $survivor $(clock "$a"): outage $o ms"
    record "${event}_outage_ms" "$o"
    record "${event}_detection_ms" $(( ${t_dead:-0} - t_event ))
    if [ $fencing = yes ]; then
        t_fenced=$(stamp_since "$work/$survivor/ha-log.stamped" "$t_event" "Node $lost was fenced")
        note "$lost declared dead after $(( ${t_dead:-0} - t_event )) ms (deadtime ${deadtime}s), switched off by the PDU $(( ${t_fenced:-0} - ${t_dead:-0} )) ms later; the group started $(( a - ${t_fenced:-0} )) ms after that"
        record "${event}_fencing_ms" $(( ${t_fenced:-0} - ${t_dead:-0} ))
    else
        note "$lost declared dead after $(( ${t_dead:-0} - t_event )) ms (deadtime ${deadtime}s)"
    fi
    say "[$run] crm_mon -1 on $survivor"
    at "$survivor" crm_mon -1 | sed -n '/^Node:/,$p' | sed 's/^/    /'
    say "[$run] The takeover in the logs ($work/node0N/ha-log$([ $fencing = no ] || echo ", $work/pdu.log"))"
    log_since "$t_event" "node $lost: is dead\|Taking over as DC\|Node $lost left\|Transition .* actions\|[Ff]encing\|fenced\|_start_0 .*confirmed"
    if [ $fencing = yes ]; then tail -n +"$((pdu_mark + 1))" "$work/pdu.log" | sed 's/^/    pdu: /'; fi
    missing=$(lost_rows "$t_event")
    both=$(both_since "$t_event")
    note "$(wc -l < "$work/acked.ids") rows acknowledged before, $missing of them missing after the failover"
    if [ $fencing = yes ]; then check "$lost was fenced before the group started on $survivor" "$(yes_no [ -n "$t_fenced" ])"; fi
    check "the group came back on the other node ($survivor)" "$(yes_no group_on "$survivor")"
    check "PostgreSQL never ran in both namespaces since the event ($both samples with both)" "$(yes_no [ "$both" = 0 ])"
    check "no acknowledged row lost in the failover ($(wc -l < "$work/acked.ids") rows)" "$(yes_no [ "$missing" = 0 ])"
}

# Node $1 boots again and its heartbeat rejoins; the group settles on $2 (where it runs, or its
# home node with v1's auto_failback on). Records $3_outage_ms: the client's outage meanwhile.
rejoin() {
    local n=$1 expect=$2 t
    t=$(now_ms)
    machine_boot "$n"
    wait_for "$n rejoining" 60 both_members "$(other "$n")"
    sleep "$deadtime"
    wait_for "the group on $expect" 60 group_on "$expect"
    # a group that moved back (v1's auto_failback on) may not answer yet
    if [ "$(outage "$t" | awk '{print $1}')" != 0 ]; then wait_answering "$t" 60; fi
    record "${3}_outage_ms" "$(outage "$t" | awk '{print $1}')"
    note "$n rejoined; the group is on $(group_node); the client's outage meanwhile: ${figures[${3}_outage_ms]} ms"
    check "the group is on $expect after $n rejoined" "$(yes_no group_on "$expect")"
}

# The experiment with cib.xml in the form of style $1 (pacemaker, hb21), fencing on.
run_style() {
    local style=$1 run=$1 active survivor o b a
    fencing=yes
    setup "$style"
    start_pdu
    start_cluster
    write_cib "$style"
    say "[$style] cib.xml ($style form, demo/seed-cib.$style.xml): a group of Filesystem (the shared disk), IPaddr2 $vip, pgsql; stonith-enabled, the PDU as stonith:external/netns-pdu"
    at node01 crm_verify -x "$work/cib.xml" -V 2>&1 | sed 's/^/    /' || true
    load_cib node01
    wait_for "the group starting" 90 group_node
    active=$(group_node)
    survivor=$(other "$active")
    say "[$style] crm_mon -1 on node01"
    at node01 crm_mon -1
    start_experiment

    say "[$style] 3. kill -9 of $active's daemon only (heartbeat): its VIP and PostgreSQL run on until $survivor fences it"
    mark
    kill -9 "$(cat "$work/$active/state/heartbeat.pid")"
    sleep 0.5
    note "killed at $(clock "$t_event"); 0.5 s later in $(ns "$active"): $(ip netns pids "$(ns "$active")" | xargs -r -I{} cat /proc/{}/comm 2>/dev/null | grep -c '^postgres$' || true) postgres processes, the VIP $(ip -n "$(ns "$active")" -4 -o addr show dev eth0 | grep -q " $vip/" && echo "still up" || echo gone)"
    takeover daemon_kill "$active" "$survivor"
    say "[$style] 4. $active (switched off and on by the PDU) starts its heartbeat again and rejoins"
    rejoin "$active" "$survivor" daemon_kill_rejoin
    read -r active survivor <<< "$survivor $active"

    say "[$style] 5. Crashing $active as a machine losing power: kill -9 of every process in namespace $(ns "$active") (daemon, agents, postgres), its interface down"
    mark
    machine_crash "$active"
    note "crashed at $(clock "$t_event"); with fencing on, $survivor switches the dead node off first"
    takeover crash "$active" "$survivor"
    say "[$style] 6. $active boots again (its own address only) and its heartbeat rejoins"
    rejoin "$active" "$survivor" crash_rejoin
    read -r active survivor <<< "$survivor $active"

    say "[$style] 7. Cutting $active's link: ip link set $(veth "$active") down; $active cannot reach the PDU, $survivor can"
    mark
    ip link set "$(veth "$active")" down
    note "cut at $(clock "$t_event")"
    takeover link_cut "$active" "$survivor"
    say "[$style] 8. The link back (ip link set $(veth "$active") up), $active boots again and rejoins"
    rejoin "$active" "$survivor" link_cut_rejoin
    read -r active survivor <<< "$survivor $active"

    say "[$style] 9. kill -9 of the postmaster on $active"
    mark
    kill -9 "$(head -1 "$work/disk/pgdata/postmaster.pid")"
    note "killed at $(clock "$t_event")"
    wait_answering "$t_event" 60
    wait_for "pgsql running again on $active" 60 group_on "$active"
    read -r o b a <<< "$(outage "$t_event")"
    record postgres_kill_outage_ms "$o"
    note "last answer $(clock "$b"), first answer again $(clock "$a"): outage $o ms"
    log_since "$t_event" "monitor of pgsql\|Transition .* actions\|pgsql_st[a-z]*_0 .*confirmed"
    check "PostgreSQL recovered in place on $active" "$(yes_no group_on "$active")"

    say "[$style] 10. crm_standby -v on -N $active: the group moves to $survivor"
    standby_move "$active" "$survivor"
    say "[$style] crm_standby -v on -N $survivor: the group moves back to $active"
    standby_move "$survivor" "$active"
    record standby_outages_ms "$(IFS=,; echo "${standby_outages[*]}")"
    finish "$style"
}

# The client's table, then its probe and writer.
start_experiment() {
    psql_client -c 'CREATE TABLE demo_rows (id int PRIMARY KEY, at timestamptz DEFAULT now())'
    say "[$run] 1-2. The client probes the VIP every 50 ms (SELECT 1) and writes a row every 20 ms"
    start_client
    sleep 3
    note "$(grep -c ' ok' "$work/probe.log") probes answered, $(grep -c ' ok' "$work/write.log") rows acknowledged so far"
}

# The checks over the whole run, its summary line, and the machines removed.
finish() {
    local both samples lost
    say "[$1] Checks"
    sleep 1
    stop_helpers
    lost=$(lost_rows 99999999999999)
    check "no acknowledged row lost over the whole run ($(wc -l < "$work/acked.ids") rows)" "$(yes_no [ "$lost" = 0 ])"
    both=$(both_since 0)
    samples=$(awk '$2 == "samples" { print $3 }' "$work/postgres-where.log")
    check "PostgreSQL never ran in both namespaces at once ($samples samples every 20 ms, $both with both)" "$(yes_no [ "$both" = 0 ])"
    if [ "$both" != 0 ]; then grep BOTH "$work/postgres-where.log" | head -5 | sed 's/^/        /'; fi
    record rows_acknowledged "$(wc -l < "$work/acked.ids")"
    record rows_lost "$lost"
    record double_active_samples "$both"
    summary "$1"
    teardown
}

# The lines of both nodes' logs that match, from the time given (epoch ms) on, in the order they
# were written, each after its node's name: the DC logs the transitions, each node its operations.
log_since() {
    local n
    for n in "${nodes[@]}"; do
        awk -v since="$1" -v node="$n" '$1 >= since { print $1 " " node ": " substr($0, length($1) + 2) }' "$work/$n/ha-log.stamped"
    done | sort -s -n -k1,1 | cut -d' ' -f2- | { grep -e "$2" || true; } | sed 's/^/    /'
}

# crm_standby -v on -N $1: the group moves to $2 (outage in standby_outages); then -v off. With $3
# = back (v1's auto_failback on, $1 the group's home), the group goes back to $1 at once.
standby_move() {
    local from=$1 to=$2 t o b a
    t=$(now_ms)
    at "$from" crm_standby -v on -N "$from"
    wait_for "the group on $to" 90 group_on "$to"
    wait_answering "$t" 60
    read -r o b a <<< "$(outage "$t")"
    standby_outages+=("$o")
    note "group on $to; no answer from $(clock "$b") to $(clock "$a"): $o ms"
    t=$(now_ms)
    at "$from" crm_standby -v off -N "$from"
    note "crm_standby -v off -N $from: $(at "$from" crm_standby -G -N "$from" 2>&1 | tail -1)"
    if [ "${3:-}" = back ]; then
        wait_for "the group back on $from" 90 group_on "$from"
        wait_answering "$t" 60
        read -r o b a <<< "$(outage "$t")"
        standby_outages+=("$o")
        note "auto_failback on: the group went back to $from; no answer from $(clock "$b") to $(clock "$a"): $o ms"
        to=$from
    fi
    at "$to" crm_mon -1 | sed -n '/^Node:/,$p' | sed 's/^/    /'
}

# Heartbeat v1 mode: run_v1
# shellcheck source=demo/seed-demo-v1.sh
. "$demo/seed-demo-v1.sh"

main() {
    trap 'status=$?; trap - EXIT INT TERM; teardown; exit $status' EXIT
    trap 'echo "seed-demo: interrupted, cleaning up" >&2; exit 130' INT TERM
    prerequisites
    build
    for run in $runs; do
        if [ "$run" = v1 ]; then run_v1; else run_style "$run"; fi
    done
    if [ ${#failures[@]} -gt 0 ]; then
        echo "seed-demo: FAILED: ${failures[*]}" >&2
        exit 1
    fi
    echo "seed-demo: all checks passed ($runs)"
}

# on one line, read whole before it runs: editing this file during a run does not change the run
main; exit
