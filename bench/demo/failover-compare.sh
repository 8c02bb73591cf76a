#!/bin/bash
# Issue 7's failover experiment on three implementations side by side: ours (bin/heartbeat,
# crm on), Debian's Pacemaker 2.1.5 + Corosync 3, and Debian's heartbeat 3.0.6 in v1 mode
# (haresources). Each gets two machines node01 and node02 (lib.sh machine_boot: own network,
# pid, mount, UTS and IPC namespaces, hostname = node name) on a bridge of its own, the client
# namespace b-client on all three bridges, and the same resources: the group of
# ocf:heartbeat:IPaddr2 (the VIP, .100 of the subnet) and ocf:heartbeat:pgsql (Debian's
# PostgreSQL 15) on one data directory both machines reach, standing in for shared storage.
#
#   ours       b-o-node01/02  10.250.20.0/24  ha.cf crm on, the CIB below loaded with our cibadmin
#   Pacemaker  b-p-node01/02  10.250.21.0/24  corosync knet, two_node, the same CIB with Debian's cibadmin
#   heartbeat  b-r-node01/02  10.250.22.0/24  ha.cf crm off, haresources
#                                             "node01 IPaddr2::VIP/24/eth0 OCF::pgsql::db"
#
# Per run: the client asks PostgreSQL through the VIP every 50 ms (crashwatch.py); the node
# holding the VIP fails as a machine does (its link goes down and every one of its processes is
# killed at once); outage = last answer before -> first answer after; detection = the
# survivor's log line ("node NODE: is dead", Corosync's "Members left: ID"); recovery =
# detection -> first answer, split by PostgreSQL's log into the cluster's reaction (->
# "starting PostgreSQL") and PostgreSQL's own start. The failed machine then boots again and
# rejoins (the group stays where it is: auto_failback off, resource-stickiness). Runs alternate
# ours / Pacemaker / heartbeat, RUNS of each per setting:
#   slow: keepalive 1 s, deadtime 5 s   vs Corosync token 5000 ms
#   fast: keepalive 200 ms, deadtime 2 s vs Corosync token 2000 ms
# (Corosync adds its consensus timeout, at least 1.2 x token, before it forms the new
# membership; that is part of how it detects a failure, so it is left at its default.)
# Last, "agents alone": IPaddr2 start then pgsql start by hand on a machine with no cluster
# software, right after a crash of PostgreSQL, timed the same way: the floor under every
# recovery. Before the runs of the slow setting: CPU and RSS of each node's cluster daemons
# over IDLE s with the group running (ours: the java process; Pacemaker: corosync, pacemakerd
# and its pacemaker-* daemons; heartbeat: its heartbeat processes; agents and PostgreSQL not
# counted).
#
# usage: sudo bench/demo/failover-compare.sh [RUNS]   RUNS per implementation and setting (20)
#   IDLE=S         seconds of the idle measurement (default 60; 0 skips it)
#   SETTINGS=LIST  e.g. "fast" (default "slow fast"; "" only the agents alone)
#   ONLY=LIST      implementations, of "o p r" (default all three)
#   JHBB_KEEP=1    keep the logs (the path is printed)
# Namespaces and links are all named b-*; it refuses to start while any exist, and removes
# everything it made on exit, Ctrl-C included. It never starts the host's own services.
set -u
NS_PREFIX=b-
BENCH_NET=10.250
. "$(dirname "$0")/../lib.sh"

RUNS=${1:-20}
IDLE=${IDLE:-60}
SETTINGS=${SETTINGS-slow fast}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || bench_die "RUNS must be a positive whole number, not '$RUNS'"
[[ $IDLE =~ ^[0-9]+$ ]] || bench_die "IDLE must be a whole number of seconds, not '$IDLE'"
PG=/usr/lib/postgresql/15/bin
for tool in corosync pacemakerd cibadmin crm_mon "$REAL_HB" "$PG/initdb" "$PG/pg_ctl" \
	/usr/lib/ocf/resource.d/heartbeat/IPaddr2 /usr/lib/ocf/resource.d/heartbeat/pgsql; do
	command -v "$tool" >/dev/null || bench_die "needs $tool (Debian: apt-get install pacemaker corosync heartbeat resource-agents postgresql-15)"
done
bench_init "$@"
chmod 755 "$BASE"    # postgres reads the shared data directory below it

read -r -a IMPLS <<< "${ONLY:-o p r}"
declare -A SUBNET=([o]=20 [p]=21 [r]=22)
declare -A LABEL=([o]="ours" [p]="Pacemaker 2.1.5 + Corosync 3" [r]="heartbeat 3.0.6 (v1)")
# keepalive warntime deadtime initdead token(ms)
declare -A TIMING=([slow]="1 3 5 20 5000" [fast]="200ms 1 2 20 2000")
NODES=(node01 node02)
CLIENT=${NS_PREFIX}client

vip() { echo "$BENCH_NET.${SUBNET[$1]}.100"; }
netns_of() { echo "$NS_PREFIX$1-$2"; }
machine_of() { echo "$1-$2"; }
node_dir() { echo "$BASE/$1-$2"; }
other() { [ "$1" = node01 ] && echo node02 || echo node01; }
index_of() { echo "${1#node0}"; }

# --- network ---------------------------------------------------------------------------

ip netns add "$CLIENT" || bench_die "cannot create namespace $CLIENT"
BENCH_NAMESPACES+=("$CLIENT")
ip -n "$CLIENT" link set lo up
for impl in "${IMPLS[@]}"; do
	pair_up "$impl-" "${SUBNET[$impl]}" "${NODES[@]}"
	link=${NS_PREFIX}c-$impl
	ip link add "$link" type veth peer name "${link}p" || bench_die "cannot create veth $link"
	BENCH_LINKS+=("$link")
	ip link set "${link}p" netns "$CLIENT"
	ip -n "$CLIENT" addr add "$BENCH_NET.${SUBNET[$impl]}.254/24" dev "${link}p"
	ip -n "$CLIENT" link set "${link}p" up
	ip link set "$link" master "${NS_PREFIX}br-$impl" up
done

# --- shared storage: one PostgreSQL data directory per implementation ----------------------

pg_setup() {
	local impl=$1 data=$BASE/$1-pgdata sock=$BASE/$1-pgsock
	mkdir -p "$data" "$sock"
	chown postgres:postgres "$data" "$sock"
	runuser -u postgres -- "$PG/initdb" -D "$data" -A trust -U postgres --no-sync >"$BASE/$impl-initdb.log" 2>&1 \
		|| bench_die "initdb failed: $(tail -5 "$BASE/$impl-initdb.log")"
	cat >> "$data/postgresql.conf" <<-EOF
		listen_addresses = '*'
		port = 5432
		unix_socket_directories = '$sock'
		log_timezone = 'UTC'
		log_line_prefix = '%m [%p] '
		fsync = off
	EOF
	# fsync off: after a crash PostgreSQL fsyncs its whole data directory before recovery, 0.2 to 2 s
	# here depending on what else writes to this disk, noise common to all three that would swamp
	# their differences; the "shared storage" is this machine's page cache, which no crash here loses
	echo "host all all $BENCH_NET.0.0/16 trust" >> "$data/pg_hba.conf"
	touch "$BASE/$impl-postgres.log"
	chown postgres:postgres "$BASE/$impl-postgres.log"
}

# pgsql's parameters, NAME=VALUE per line
pgsql_params() {
	cat <<-EOF
		pgctl=$PG/pg_ctl
		psql=$PG/psql
		pgdata=$BASE/$1-pgdata
		socketdir=$BASE/$1-pgsock
		logfile=$BASE/$1-postgres.log
	EOF
}

# The CIB of ours and Pacemaker's: the group, no fencing, resources stay where they run
cib_resources() {
	local impl=$1 name value
	echo '<group id="grp">'
	echo '  <meta_attributes id="grp-meta"><nvpair id="grp-stickiness" name="resource-stickiness" value="100"/></meta_attributes>'
	echo '  <primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2">'
	echo '    <instance_attributes id="vip-params">'
	echo "      <nvpair id=\"vip-ip\" name=\"ip\" value=\"$(vip "$impl")\"/>"
	echo '      <nvpair id="vip-cidr_netmask" name="cidr_netmask" value="24"/>'
	echo '      <nvpair id="vip-nic" name="nic" value="eth0"/>'
	echo '    </instance_attributes>'
	echo '    <operations><op id="vip-monitor" name="monitor" interval="10s" timeout="20s"/></operations>'
	echo '  </primitive>'
	echo '  <primitive id="pgsql" class="ocf" provider="heartbeat" type="pgsql">'
	echo '    <instance_attributes id="pgsql-params">'
	while IFS== read -r name value; do
		echo "      <nvpair id=\"pgsql-$name\" name=\"$name\" value=\"$value\"/>"
	done < <(pgsql_params "$impl")
	echo '    </instance_attributes>'
	echo '    <operations>'
	echo '      <op id="pgsql-start" name="start" interval="0" timeout="60s"/>'
	echo '      <op id="pgsql-stop" name="stop" interval="0" timeout="60s"/>'
	echo '      <op id="pgsql-monitor" name="monitor" interval="10s" timeout="30s"/>'
	echo '    </operations>'
	echo '  </primitive>'
	echo '</group>'
}

# cib_load IMPL NODE BINDIR: through the cluster's own tools on NODE
cib_load() {
	local impl=$1 node=$2 bin=$3 m
	m=$(machine_of "$impl" "$node")
	cib_resources "$impl" > "$BASE/$impl-resources.xml"
	machine_run "$m" "$bin/crm_attribute" -t crm_config -n stonith-enabled -v false \
		&& machine_run "$m" "$bin/cibadmin" -C -o resources -x "$BASE/$impl-resources.xml" \
		|| bench_die "${LABEL[$impl]}: loading the CIB failed"
}

# --- ha.cf of ours and heartbeat 3.0.6 ------------------------------------------------------

# ha_cf_demo IMPL NODE CRM: keepalive etc. from $TIMING_NOW
ha_cf_demo() {
	local impl=$1 d keepalive warntime deadtime initdead token
	d=$(node_dir "$1" "$2")
	read -r keepalive warntime deadtime initdead token <<< "$TIMING_NOW"
	cat <<-EOF
		logfacility none
		logfile $d/ha-log
		debugfile $d/ha-debug
		udpport 694
		keepalive $keepalive
		warntime $warntime
		deadtime $deadtime
		initdead $initdead
		ucast eth0 $BENCH_NET.${SUBNET[$impl]}.1
		ucast eth0 $BENCH_NET.${SUBNET[$impl]}.2
		node ${NODES[*]}
		auto_failback off
		crm $3
	EOF
}

# --- per implementation: set up a node's disk, boot it, start its cluster stack -------------

o_setup() {
	local d
	d=$(node_dir o "$1")
	mkdir -p "$d/etc" "$d/varlib"
	ha_cf_demo o "$1" on > "$d/etc/ha.cf"
	write_authkeys "$d/etc"
}

o_boot() {
	local d m
	d=$(node_dir o "$1") m=$(machine_of o "$1")
	rm -f "$d/varlib/heartbeat.pid" "$d/varlib/heartbeat.sock"
	machine_boot "$m" "$(netns_of o "$1")" "$1" "$(( $(index_of "$1") * 10000 ))" \
		"$d/etc:/etc/ha.d" "$d/varlib:/var/lib/heartbeat"
	machine_detach "$m" "$d/daemon" "$REPO_HOME/bin/heartbeat" --node-name "$1" </dev/null >>"$d/stdout" 2>&1
}

o_peer_active() { [ "$(machine_run "$(machine_of o "$1")" "$REPO_HOME/bin/cl_status" nodestatus "$(other "$1")" 2>/dev/null)" = active ]; }
o_load() { cib_load o node01 "$REPO_HOME/bin"; }
o_log() { echo "$(node_dir o "$1")/ha-log"; }
o_dead_line() { echo "node $1: is dead"; }
o_daemons() { machine_pids "$(machine_of o "$1")" '^java$'; }

p_setup() {
	local d keepalive warntime deadtime initdead token
	d=$(node_dir p "$1")
	read -r keepalive warntime deadtime initdead token <<< "$TIMING_NOW"
	mkdir -p "$d/etc-corosync" "$d/corosync-lib" "$d/log"
	cp -a /var/lib/pacemaker "$d/pacemaker-lib"
	chown hacluster:haclient "$d/log"
	cat > "$d/etc-corosync/corosync.conf" <<-EOF
		totem {
		    version: 2
		    cluster_name: bench
		    transport: knet
		    token: $token
		    crypto_cipher: none
		    crypto_hash: none
		}
		nodelist {
		    node {
		        ring0_addr: $BENCH_NET.${SUBNET[p]}.1
		        name: node01
		        nodeid: 1
		    }
		    node {
		        ring0_addr: $BENCH_NET.${SUBNET[p]}.2
		        name: node02
		        nodeid: 2
		    }
		}
		quorum {
		    provider: corosync_votequorum
		    two_node: 1
		}
		logging {
		    to_logfile: yes
		    logfile: $d/log/corosync.log
		    to_syslog: no
		    to_stderr: no
		    timestamp: hires
		}
	EOF
}

p_boot() {
	local d m
	d=$(node_dir p "$1") m=$(machine_of p "$1")
	machine_boot "$m" "$(netns_of p "$1")" "$1" "$(( $(index_of "$1") * 10000 ))" \
		"$d/etc-corosync:/etc/corosync" "$d/corosync-lib:/var/lib/corosync" "$d/pacemaker-lib:/var/lib/pacemaker"
	machine_detach "$m" "$d/corosync" corosync -f </dev/null >>"$d/stdout" 2>&1
	for _ in $(seq 100); do
		machine_run "$m" corosync-cfgtool -s >/dev/null 2>&1 && break
		sleep 0.1
	done
	machine_detach "$m" "$d/pacemakerd" env PCMK_logfile="$d/log/pacemaker.log" PCMK_logfacility=none \
		pacemakerd </dev/null >>"$d/stdout" 2>&1
}

p_peer_active() { machine_run "$(machine_of p "$1")" crm_mon -1 2>/dev/null | grep -q "Online: \[ ${NODES[*]} \]"; }
p_load() { cib_load p node01 /usr/sbin; }
p_log() { echo "$(node_dir p "$1")/log/corosync.log"; }
p_dead_line() { echo "Members left: $(index_of "$1")"; }
p_daemons() { machine_pids "$(machine_of p "$1")" '^(corosync|pacemakerd|pacemaker-.*)$'; }

r_setup() {
	local d name value
	d=$(node_dir r "$1")
	mkdir -p "$d/etc-ha.d" "$d/varlib"
	cp -a /etc/ha.d/. "$d/etc-ha.d/"
	cp -a /var/lib/heartbeat/. "$d/varlib/"
	rm -f "$d"/varlib/{hb_uuid,hb_generation,hostcache,delhostcache}
	ha_cf_demo r "$1" off > "$d/etc-ha.d/ha.cf"
	write_authkeys "$d/etc-ha.d"
	# the OCF wrapper in resource.d reads an instance's parameters from conf/OCF/AGENT/INSTANCE
	echo "node01 IPaddr2::$(vip r)/24/eth0 OCF::pgsql::db" > "$d/etc-ha.d/haresources"
	mkdir -p "$d/etc-ha.d/conf/OCF/pgsql"
	{
		echo "OCF_ROOT=/usr/lib/ocf"
		echo "OCF_RESOURCE_INSTANCE=pgsql"
		while IFS== read -r name value; do echo "OCF_RESKEY_$name=$value"; done < <(pgsql_params r)
	} > "$d/etc-ha.d/conf/OCF/pgsql/db"
}

r_boot() {
	local d m
	d=$(node_dir r "$1") m=$(machine_of r "$1")
	machine_boot "$m" "$(netns_of r "$1")" "$1" "$(( $(index_of "$1") * 10000 ))" \
		"$d/etc-ha.d:/etc/ha.d" "$d/varlib:/var/lib/heartbeat"
	machine_run "$m" bash -c 'mkdir -p /run/heartbeat/ccm /run/heartbeat/crm /run/heartbeat/dopd /run/lock/subsys /run/resource-agents &&
		chown -R hacluster:haclient /run/heartbeat && chmod 750 /run/heartbeat'
	# Debian's OCF wrapper looks for AGENT in $OCF_AGENTS/*/, but shellfuncs defaults
	# OCF_AGENTS to .../resource.d/heartbeat/, one level too deep: without this it finds no agent
	machine_run "$m" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin OCF_AGENTS=/usr/lib/ocf/resource.d "$REAL_HB" \
		</dev/null >>"$d/stdout" 2>&1 || bench_die "heartbeat 3.0.6 did not start on $1: $(tail -5 "$d/stdout" "$d/ha-log")"
}

r_peer_active() { [ "$(machine_run "$(machine_of r "$1")" cl_status nodestatus "$(other "$1")" 2>/dev/null)" = active ]; }
r_load() { :; }    # haresources, written by r_setup
r_log() { echo "$(node_dir r "$1")/ha-log"; }
r_dead_line() { echo "node $1: is dead"; }
r_daemons() { machine_pids "$(machine_of r "$1")" '^heartbeat$'; }

# machine_pids MACHINE REGEX: host pids of the machine's processes whose name matches
machine_pids() {
	local mns p
	mns=$(readlink "/proc/$(cat "$BASE/$1/init")/ns/pid")
	for p in $(ip netns pids "$NS_PREFIX$1"); do
		[ "$(readlink "/proc/$p/ns/pid" 2>/dev/null)" = "$mns" ] || continue
		grep -Eq "$2" "/proc/$p/comm" 2>/dev/null && echo "$p"
	done
}

# --- the experiment ------------------------------------------------------------------------

answers() { ip netns exec "$CLIENT" "$PYTHON" "$BENCH_HOME/demo/crashwatch.py" --answers "$(vip "$1")"; }

# active IMPL: the node holding the VIP
active() {
	local node
	for node in "${NODES[@]}"; do
		ip -n "$(netns_of "$1" "$node")" -o -4 addr show dev eth0 | grep -q " $(vip "$1")/" && { echo "$node"; return 0; }
	done
	return 1
}

# settled IMPL SECONDS: both nodes see each other, the group answers through the VIP
settled() {
	local impl=$1 deadline=$((SECONDS + $2)) node
	while [ $SECONDS -lt $deadline ]; do
		if "${impl}_peer_active" node01 && "${impl}_peer_active" node02 && active "$impl" >/dev/null && answers "$impl"; then
			return 0
		fi
		sleep 0.5
	done
	bench_log "${LABEL[$impl]}: not settled after $2 s"
	return 1
}

net_reset() {
	local ns
	ns=$(netns_of "$1" "$2")
	ip -n "$ns" addr flush dev eth0
	ip -n "$ns" addr add "$BENCH_NET.${SUBNET[$1]}.$(index_of "$2")/24" brd + dev eth0
	ip -n "$ns" link set eth0 up
}

# cluster_up IMPL: fresh disks, both machines booted, the resources loaded, the group answering
cluster_up() {
	local impl=$1 node
	rm -rf "$BASE/$impl-node0"?
	[ -d "$BASE/$impl-pgdata" ] || pg_setup "$impl"
	for node in "${NODES[@]}"; do
		net_reset "$impl" "$node"
		"${impl}_setup" "$node"
	done
	for node in "${NODES[@]}"; do "${impl}_boot" "$node"; done
	for _ in $(seq 240); do "${impl}_peer_active" node01 && "${impl}_peer_active" node02 && break; sleep 0.5; done
	"${impl}_load"
	settled "$impl" 180 || bench_die "${LABEL[$impl]}: the group did not come up; logs in $BASE (JHBB_KEEP=1 keeps them)"
	bench_log "${LABEL[$impl]}: group running on $(active "$impl")"
}

cluster_down() {
	local node
	for node in "${NODES[@]}"; do machine_crash "$(machine_of "$1" "$node")"; done
}

# run IMPL SETTING N: one crash of the active node, its reboot
run() {
	local impl=$1 victim survivor result m
	settled "$impl" 120 || { echo "not-settled" >> "$BASE/results/$impl-$2"; return; }
	sleep 2    # the rejoin's probes and transitions done
	victim=$(active "$impl") survivor=$(other "$(active "$impl")")
	m=$(machine_of "$impl" "$victim")
	result=$(ip netns exec "$CLIENT" "$PYTHON" "$BENCH_HOME/demo/crashwatch.py" "$(vip "$impl")" \
		"$("${impl}_log" "$survivor")" "$("${impl}_dead_line" "$victim")" "$BASE/$impl-postgres.log" 60 -- \
		bash -c "ip -n $(netns_of "$impl" "$victim") link set eth0 down; kill -9 $(cat "$BASE/$m/init")")
	echo "$result" >> "$BASE/results/$impl-$2"
	bench_log "${LABEL[$impl]} $2 run $3: $victim crashed: outage detection recovery reaction postgres = $result"
	wait_gone 10 "$(cat "$BASE/$m/unshare")"
	net_reset "$impl" "$victim"
	"${impl}_boot" "$victim"
}

idle() {
	local impl node key ticks=$(getconf CLK_TCK) began ended
	declare -A pids start
	for impl in "${IMPLS[@]}"; do
		for node in "${NODES[@]}"; do
			key=$impl-$node
			pids[$key]=$("${impl}_daemons" "$node" | xargs)
			start[$key]=$(cpu_ticks ${pids[$key]})
		done
	done
	bench_log "idle: measuring $IDLE s"
	began=$(date +%s.%N)
	sleep "$IDLE"
	ended=$(date +%s.%N)
	for impl in "${IMPLS[@]}"; do
		for node in "${NODES[@]}"; do
			key=$impl-$node
			"$PYTHON" -c 'import sys
ticks, hz, began, ended, rss, pss, label, node, procs, active = sys.argv[1:]
ms = int(ticks) * 1000 / int(hz)
pct = ms / 10 / (float(ended) - float(began))
print(f"| {label} | {node}{active} | {procs} | {pct:.2f}% | {ms:.0f} ms | {int(rss) / 1024:.1f} MB | {int(pss) / 1024:.1f} MB |")' \
				"$(( $(cpu_ticks ${pids[$key]}) - start[$key] ))" "$ticks" "$began" "$ended" "$(rss_kb ${pids[$key]})" \
				"$(pss_kb ${pids[$key]})" "${LABEL[$impl]}" "$node" "$(wc -w <<< "${pids[$key]}")" \
				"$([ "$(active "$impl")" = "$node" ] && echo " (active)")"
		done
	done > "$BASE/results/idle"
}

# agents_alone: the floor under any cluster's recovery. On a machine of ours' network with no
# cluster software, right after PostgreSQL crashed on the data directory (the state a takeover
# finds): IPaddr2 start, then pgsql start, timed as the runs are, from the moment they are run.
agents_alone() {
	local m ns d log n name value env=() result
	m=$(machine_of o node01) ns=$(netns_of o node01) d=$(node_dir o node01) log=$BASE/agents.log
	[ -d "$BASE/o-pgdata" ] || pg_setup o
	rm -rf "$d"
	: > "$log"
	while IFS== read -r name value; do env+=("OCF_RESKEY_$name=$value"); done < <(pgsql_params o)
	for n in $(seq "$RUNS"); do
		for step in crash measure; do
			net_reset o node01
			machine_boot "$m" "$ns" node01 10000
			machine_run "$m" mkdir -p /run/resource-agents
			if [ "$step" = crash ]; then
				machine_run "$m" env OCF_ROOT=/usr/lib/ocf OCF_RESOURCE_INSTANCE=pgsql "${env[@]}" \
					/usr/lib/ocf/resource.d/heartbeat/pgsql start >>"$log.out" 2>&1 || bench_die "pgsql start failed: $(tail -5 "$log.out")"
				machine_crash "$m"
				continue
			fi
			result=$(ip netns exec "$CLIENT" "$PYTHON" "$BENCH_HOME/demo/crashwatch.py" --cold "$(vip o)" "$log" \
				"agents: starting" "$BASE/o-postgres.log" 60 -- bash -c "echo 'agents: starting' >> '$log'
				exec nsenter -t $(cat "$BASE/$m/init") -m -u -i -n -p -- env OCF_ROOT=/usr/lib/ocf HA_RSCTMP=/run/resource-agents \
					sh -c 'OCF_RESOURCE_INSTANCE=vip OCF_RESKEY_ip=$(vip o) OCF_RESKEY_cidr_netmask=24 OCF_RESKEY_nic=eth0 \
						/usr/lib/ocf/resource.d/heartbeat/IPaddr2 start && OCF_RESOURCE_INSTANCE=pgsql ${env[*]} \
						/usr/lib/ocf/resource.d/heartbeat/pgsql start' >>'$log.out' 2>&1")
			echo "$result" >> "$BASE/results/agents"
			bench_log "agents alone run $n: from IPaddr2 start: answer reaction postgres = $(cut -d' ' -f1,4,5 <<< "$result")"
			machine_crash "$m"
		done
	done
}

mkdir -p "$BASE/results"
for setting in $SETTINGS; do
	[ -n "${TIMING[$setting]:-}" ] || bench_die "unknown setting '$setting' (slow, fast)"
	TIMING_NOW=${TIMING[$setting]}
	bench_log "setting $setting: keepalive/warntime/deadtime/initdead/token = $TIMING_NOW"
	for impl in "${IMPLS[@]}"; do cluster_up "$impl"; done
	if [ "$setting" = slow ] && [ "$IDLE" -gt 0 ]; then
		sleep 10
		idle
	fi
	for n in $(seq "$RUNS"); do
		for impl in "${IMPLS[@]}"; do run "$impl" "$setting" "$n"; done
	done
	for impl in "${IMPLS[@]}"; do cluster_down "$impl"; done
done
[[ " ${IMPLS[*]} " = *" o "* ]] && agents_alone

for setting in $SETTINGS; do
	for impl in "${IMPLS[@]}"; do
		for column in 1 2 3 4 5; do
			measure=$(echo "outage detection recovery reaction postgres" | cut -d' ' -f$column)
			cut -d' ' -f$column "$BASE/results/$impl-$setting" > "$BASE/results/$impl-$setting-$measure"
		done
	done
done
if [ -n "$SETTINGS" ]; then
	echo
	echo "Outage (s), min / median / p95 / max of $RUNS runs each"
	echo
	header="| setting |" rule="|---|"
	for impl in "${IMPLS[@]}"; do header+=" ${LABEL[$impl]} |" rule+="---|"; done
	echo "$header"
	echo "$rule"
	for setting in $SETTINGS; do
		files=()
		for impl in "${IMPLS[@]}"; do files+=("$BASE/results/$impl-$setting-outage"); done
		"$PYTHON" "$BENCH_HOME/stats.py" --side-by-side "$setting" "${files[@]}"
	done
fi
echo
echo "Failover: the node holding the VIP crashes (link down, every process killed); the client asks"
echo "PostgreSQL through the VIP every 50 ms. Seconds. outage = last answer before -> first after;"
echo "detection = crash -> the survivor's log line; recovery = that line -> first answer, of which"
echo "reaction = that line -> PostgreSQL starting (its log), postgres = starting -> ready."
echo
echo "| implementation | setting | measure | runs | misses | min | median | p95 | max |"
echo "|---|---|---|---|---|---|---|---|---|"
for setting in $SETTINGS; do
	for impl in "${IMPLS[@]}"; do
		for column in 1 2 3 4 5; do
			measure=$(echo "outage detection recovery reaction postgres" | cut -d' ' -f$column)
			"$PYTHON" "$BENCH_HOME/stats.py" "$BASE/results/$impl-$setting-$measure" \
				- "${LABEL[$impl]}" "$setting" "$measure"
		done
	done
done
if [ -f "$BASE/results/agents" ]; then
	for column in 1 4 5; do
		measure=$(echo "answer - - reaction postgres" | cut -d' ' -f$column)
		cut -d' ' -f$column "$BASE/results/agents" > "$BASE/results/agents-$measure"
		"$PYTHON" "$BENCH_HOME/stats.py" "$BASE/results/agents-$measure" - "agents alone (no cluster)" - "$measure"
	done
fi
if [ -f "$BASE/results/idle" ]; then
	echo
	echo "Idle, group running, $IDLE s: the cluster daemons of each node (agents and PostgreSQL not counted)"
	echo
	echo "| implementation | node | processes | CPU (% of one core) | CPU time in the period | RSS (sum) | PSS (sum) |"
	echo "|---|---|---|---|---|---|---|"
	cat "$BASE/results/idle"
fi
