# Shared code of the bench/*.sh scripts (sourced, not run).
#
# A "pair" is two nodes on their own bridge, each in its own network namespace:
#   pair o (ours): namespaces jhbb-o1, jhbb-o2 on bridge jhbb-br-o, 10.253.1.1 and .2
#   pair r (real): namespaces jhbb-r1, jhbb-r2 on bridge jhbb-br-r, 10.253.2.1 and .2
# The node names are the namespace names. Debian's heartbeat reads fixed paths, so each of
# its nodes also gets a holder process with a private mount and UTS namespace (bind mounts
# over /etc/ha.d, /var/lib/heartbeat and /run, hostname = node name); everything of that
# node runs through nsenter into the holder. Every address lives inside these namespaces.
#
# bench_init installs a trap that, on any exit (including Ctrl-C), kills every process in
# the namespaces, the holders and the load processes, deletes the veths, bridges and
# namespaces, and removes the work directory (kept when JHBB_KEEP=1).

BENCH_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_HOME=$(dirname "$BENCH_HOME")
REAL_HB=/usr/libexec/heartbeat/heartbeat
PYTHON=$(command -v /usr/bin/python3 || command -v python3)
SECRET=jhbb-bench-key
BENCH_NET=${BENCH_NET:-10.253}   # pair_up's addresses: BENCH_NET.SUBNET.N
NS_PREFIX=${NS_PREFIX:-jhbb-}   # bench/demo sets its own
BENCH_PIDS=()       # processes started by the script outside the namespaces (load, holders)
BENCH_NAMESPACES=()
BENCH_LINKS=()

# detach PIDFILE COMMAND...: runs COMMAND in its own session under a subshell that reaps it
# as soon as it dies (this machine's init reaps orphans only after a second or so, and a
# zombie still counts as "already running" for a daemon that checks its pid file); its pid
# goes to PIDFILE. The command must exec its program (ip netns exec, setsid and the
# launchers do), so the pid is the program's.
detach() {
	local pidfile=$1; shift
	rm -f "$pidfile"
	# the subshell's own stderr goes to /dev/null (no "Killed" notice), the command's stays
	( exec 3>&2 2>/dev/null; setsid "$@" 2>&3 3>&- & echo $! > "$pidfile.new"; mv "$pidfile.new" "$pidfile"; wait ) &
	while [ ! -s "$pidfile" ]; do sleep 0.01; done
}

# wait_gone SECONDS PID...: until none of the processes exists any more (zombies included)
wait_gone() {
	local deadline=$((SECONDS + $1)) p alive; shift
	while [ $SECONDS -lt $deadline ]; do
		alive=
		for p in "$@"; do [ -e "/proc/$p" ] && alive=1; done
		[ -z "$alive" ] && return 0
		sleep 0.05
	done
	bench_log "processes $* still exist after the wait"
	return 1
}

bench_die() { echo "$(basename "$0"): $*" >&2; exit 1; }
bench_log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# Checks root, tools and that no other bench (or a leftover of one) is around; sets BASE.
bench_init() {
	[ "$(id -u)" = 0 ] || bench_die "needs root: it creates network namespaces, bridges and veths (run: sudo $0 $*)"
	local tool
	for tool in ip unshare nsenter "$PYTHON" java; do
		command -v "$tool" >/dev/null || bench_die "needs '$tool' (Debian: apt-get install iproute2 util-linux python3 openjdk-17-jre-headless)"
	done
	ls "$REPO_HOME"/jhb-dist/target/lib/*.jar >/dev/null 2>&1 \
		|| bench_die "no jars in $REPO_HOME/jhb-dist/target/lib: run 'mvn -q install -DskipTests' at the top of the source tree first"
	if ip netns list | grep -q "^$NS_PREFIX" || ip -o link show | grep -q ": $NS_PREFIX"; then
		bench_die "namespaces or links named ${NS_PREFIX}* exist: another bench is running (they would disturb each other) or one was killed with -9; see 'ip netns list' and 'ip link', remove them with 'ip netns del NAME' / 'ip link del NAME'"
	fi
	BASE=$(mktemp -d /tmp/jhbb.XXXXXX)
	trap bench_cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM HUP
}

have_real_heartbeat() { [ -x "$REAL_HB" ]; }

bench_cleanup() {
	local status=$? ns p
	trap - EXIT INT TERM HUP
	for p in "${BENCH_PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done
	for ns in "${BENCH_NAMESPACES[@]}"; do
		for p in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
	done
	sleep 0.2
	for ns in "${BENCH_NAMESPACES[@]}"; do
		for p in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
	done
	for p in "${BENCH_LINKS[@]}"; do ip link del "$p" 2>/dev/null; done
	for ns in "${BENCH_NAMESPACES[@]}"; do ip netns del "$ns" 2>/dev/null; done
	if [ "${JHBB_KEEP:-0}" = 1 ]; then
		echo "logs kept in $BASE" >&2
	else
		rm -rf "$BASE"
	fi
	exit "$status"
}

# pair_up TAG SUBNET [SUFFIX...]: bridge ${NS_PREFIX}br-TAG, a namespace ${NS_PREFIX}TAGSUFFIX per
# suffix (default 1 2) with eth0 $BENCH_NET.SUBNET.1, .2, ...
pair_up() {
	local tag=$1 subnet=$2 i=0 suffix ns br=${NS_PREFIX}br-${1%-} suffixes; shift 2
	suffixes=("$@"); [ $# -gt 0 ] || suffixes=(1 2)
	ip link add "$br" type bridge forward_delay 0 stp_state 0 || bench_die "cannot create bridge $br"
	BENCH_LINKS+=("$br")
	ip link set "$br" up
	for suffix in "${suffixes[@]}"; do
		i=$((i + 1))
		ns=$NS_PREFIX$tag$suffix
		ip netns add "$ns" || bench_die "cannot create namespace $ns"
		BENCH_NAMESPACES+=("$ns")
		ip link add "$ns" type veth peer name "${ns}p" || bench_die "cannot create veth $ns"
		BENCH_LINKS+=("$ns")
		ip link set "${ns}p" netns "$ns"
		ip -n "$ns" link set "${ns}p" name eth0
		ip -n "$ns" addr add "$BENCH_NET.$subnet.$i/24" brd + dev eth0
		ip -n "$ns" link set eth0 up
		ip -n "$ns" link set lo up
		ip link set "$ns" master "$br" up
	done
}

# ha_cf TAG SUBNET DIR KEEPALIVE WARNTIME DEADTIME INITDEAD: the ha.cf lines both kinds of node share
ha_cf() {
	local tag=$1 subnet=$2 dir=$3
	cat <<-EOF
		logfacility none
		logfile $dir/ha-log
		debugfile $dir/ha-debug
		udpport 694
		keepalive $4
		warntime $5
		deadtime $6
		initdead $7
		ucast eth0 $BENCH_NET.$subnet.1
		ucast eth0 $BENCH_NET.$subnet.2
		node $NS_PREFIX${tag}1 $NS_PREFIX${tag}2
		auto_failback on
		crm no
	EOF
}

write_authkeys() {
	printf 'auth 1\n1 sha1 %s\n' "$SECRET" > "$1/authkeys"
	chmod 600 "$1/authkeys"
}

# --- our daemon (pair o) ---------------------------------------------------------------

ours_dir() { echo "$BASE/$1"; }

# ours_configure KEEPALIVE WARNTIME DEADTIME INITDEAD: config of both nodes of pair o
ours_configure() {
	local i node d
	for i in 1 2; do
		node=${NS_PREFIX}o$i d=$BASE/${NS_PREFIX}o$i
		mkdir -p "$d/etc" "$d/state"
		{
			ha_cf o 1 "$d" "$@"
			echo "nodeaddr ${NS_PREFIX}o1 $BENCH_NET.1.1"
			echo "nodeaddr ${NS_PREFIX}o2 $BENCH_NET.1.2"
		} > "$d/etc/ha.cf"
		write_authkeys "$d/etc"
	done
}

# ours_start NODE: starts the daemon in its namespace; its pid (the java process) in DIR/pid
ours_start() {
	local node=$1 d=$BASE/$1
	detach "$d/pid" ip netns exec "$node" "$REPO_HOME/bin/heartbeat" --config-dir "$d/etc" --state-dir "$d/state" \
		--node-name "$node" </dev/null >>"$d/stdout" 2>&1
}

ours_pids() { cat "$BASE/$1/pid"; }

# ours_status OBSERVER NODE: how OBSERVER sees NODE (active, dead, ...)
ours_status() {
	local d=$BASE/$1
	"$REPO_HOME/bin/cl_status" --state-dir "$d/state" --config-dir "$d/etc" nodestatus "$2" 2>/dev/null
}

# --- Debian's heartbeat 3.0.6 (pair r) -------------------------------------------------

# real_configure KEEPALIVE WARNTIME DEADTIME INITDEAD: files and holders of both nodes of pair r
real_configure() {
	local i node d
	for i in 1 2; do
		node=${NS_PREFIX}r$i d=$BASE/${NS_PREFIX}r$i
		if [ ! -d "$d/etc-ha.d" ]; then
			mkdir -p "$d/etc-ha.d" "$d/varlib" "$d/run"
			cp -a /etc/ha.d/. "$d/etc-ha.d/"
			cp -a /var/lib/heartbeat/. "$d/varlib/"
			rm -f "$d"/varlib/{hb_uuid,hb_generation,hostcache,delhostcache}
			mkdir -p "$d/run/heartbeat/ccm" "$d/run/heartbeat/crm" "$d/run/heartbeat/dopd" \
				"$d/run/lock/subsys" "$d/run/resource-agents"
			chown -R hacluster:haclient "$d/run/heartbeat"
			chmod 750 "$d/run/heartbeat"
			: > "$d/etc-ha.d/haresources"
			detach "$d/holder" ip netns exec "$node" unshare --mount --uts --propagation private bash -c "
				mount --bind '$d/etc-ha.d' /etc/ha.d && mount --bind '$d/varlib' /var/lib/heartbeat &&
				mount --bind '$d/run' /run && hostname '$node' && exec sleep infinity" \
				</dev/null >"$d/holder.out" 2>&1
			BENCH_PIDS+=("$(cat "$d/holder")")
		fi
		{ ha_cf r 2 "$d" "$@"; echo "msgfmt classic"; } > "$d/etc-ha.d/ha.cf"
		write_authkeys "$d/etc-ha.d"
	done
	for i in 1 2; do
		node=${NS_PREFIX}r$i
		for _ in $(seq 50); do
			[ "$(real_inside "$node" uname -n 2>/dev/null)" = "$node" ] && break
			sleep 0.1
		done
		[ "$(real_inside "$node" uname -n 2>/dev/null)" = "$node" ] || bench_die "holder of $node did not come up: $(cat "$BASE/$node/holder.out")"
	done
}

real_inside() {
	local node=$1; shift
	nsenter -t "$(cat "$BASE/$node/holder")" -m -u -n -- "$@"
}

# real_pids NODE: every heartbeat process of NODE (those sharing its holder's mount namespace)
real_pids() {
	local mns p
	mns=$(readlink "/proc/$(cat "$BASE/$1/holder")/ns/mnt")
	for p in $(pgrep -x heartbeat); do
		[ "$(readlink "/proc/$p/ns/mnt" 2>/dev/null)" = "$mns" ] && echo "$p"
	done
}

# real_start NODE: heartbeat daemonizes itself; a pid file left by kill -9 would stop it
real_start() {
	local d=$BASE/$1
	[ -n "$(real_pids "$1")" ] || rm -f "$d/run/heartbeat.pid"
	real_inside "$1" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "$REAL_HB" >>"$d/stdout" 2>&1 \
		|| bench_die "heartbeat did not start on $1: $(tail -5 "$d/stdout" "$d/ha-log" 2>/dev/null)"
}

real_status() { real_inside "$1" cl_status nodestatus "$2" 2>/dev/null; }

# --- machines (bench/demo) -------------------------------------------------------------
# A machine is a holder process inside a network namespace that is pid 1 of its own pid, mount,
# UTS and IPC namespaces, with fresh tmpfs on /run and /dev/shm and the node's "disk" bound over
# fixed paths. Killing its pid 1 with SIGKILL makes the kernel kill every process of the
# machine at once, as a power failure would; booting it again gives a new, empty /run, /dev/shm
# and process table. Each machine numbers its processes from its own FIRSTPID, so a pid read
# from a file another machine wrote (postmaster.pid in a shared data directory) does not name a
# process here by chance.

# machine_boot NAME NETNS HOSTNAME FIRSTPID [SRC:DST...]: pid 1 (host pid) in $BASE/NAME/init
machine_boot() {
	local name=$1 netns=$2 host=$3 firstpid=$4 d=$BASE/$1 b binds="" init=""; shift 4
	for b in "$@"; do binds+="mount --bind '${b%%:*}' '${b#*:}' && "; done
	mkdir -p "$d"
	detach "$d/unshare" ip netns exec "$netns" unshare --pid --fork --mount --mount-proc --uts --ipc \
		--propagation private bash -c "echo $firstpid > /proc/sys/kernel/ns_last_pid &&
			mount -t tmpfs -o mode=755 tmpfs /run && mount -t tmpfs -o mode=1777 tmpfs /dev/shm &&
			$binds hostname '$host' && exec $PYTHON '$BENCH_HOME/reaper.py'" </dev/null >"$d/machine.out" 2>&1
	for _ in $(seq 100); do
		init=$(cat "/proc/$(cat "$d/unshare")/task/$(cat "$d/unshare")/children" 2>/dev/null | xargs)
		[ -n "$init" ] && [ "$(nsenter -t "$init" -u uname -n 2>/dev/null)" = "$host" ] && break
		init=""
		sleep 0.05
	done
	[ -n "$init" ] || bench_die "machine $name did not boot: $(cat "$d/machine.out")"
	echo "$init" > "$d/init"
}

# machine_run NAME COMMAND...: runs COMMAND inside the machine
machine_run() {
	local name=$1; shift
	nsenter -t "$(cat "$BASE/$name/init")" -m -u -i -n -p -- "$@"
}

# machine_detach NAME PIDFILE COMMAND...: COMMAND inside the machine, in the background (detach)
machine_detach() {
	local name=$1 pidfile=$2; shift 2
	detach "$pidfile" nsenter -t "$(cat "$BASE/$name/init")" -m -u -i -n -p -- "$@"
}

# machine_crash NAME: every process of the machine killed at once
machine_crash() {
	local d=$BASE/$1
	kill -9 "$(cat "$d/init")" 2>/dev/null
	wait_gone 10 "$(cat "$d/unshare")"
}

# cpu_ticks PID...: utime + stime of the processes (all their threads), in clock ticks
cpu_ticks() {
	local p total=0 stat fields
	for p in "$@"; do
		stat=$(cat "/proc/$p/stat" 2>/dev/null) || continue
		stat=${stat##*) }    # fields after the command name, which may hold spaces
		read -r -a fields <<< "$stat"
		total=$((total + fields[11] + fields[12]))
	done
	echo "$total"
}

# proc_kb FILE FIELD PID...: the kB value of FIELD in /proc/PID/FILE, summed over the processes
proc_kb() {
	local file=$1 field=$2 p total=0 kb
	shift 2
	for p in "$@"; do
		kb=$(awk -v f="$field:" '$1 == f {print $2}' "/proc/$p/$file" 2>/dev/null)
		total=$((total + ${kb:-0}))
	done
	echo "$total"
}

# rss_kb PID...: summed VmRSS
rss_kb() { proc_kb status VmRSS "$@"; }

# pss_kb PID...: summed Pss (/proc/PID/smaps_rollup), each shared page counted once over all
# the processes sharing it, so the sum does not overstate processes of one program
pss_kb() { proc_kb smaps_rollup Pss "$@"; }

# --- both ------------------------------------------------------------------------------

# impl_of NODE: ours or real
impl_of() { case $1 in "${NS_PREFIX}o"*) echo ours ;; *) echo real ;; esac; }

node_start() { "$(impl_of "$1")_start" "$1"; }
node_pids() { "$(impl_of "$1")_pids" "$1"; }
node_status() { "$(impl_of "$1")_status" "$1" "$2"; }
node_log() { echo "$BASE/$1/ha-log"; }

# wait_active OBSERVER NODE SECONDS: until OBSERVER's cl_status says NODE is active
wait_active() {
	local deadline=$((SECONDS + $3))
	while [ $SECONDS -lt $deadline ]; do
		[ "$(node_status "$1" "$2")" = active ] && return 0
		sleep 0.3
	done
	bench_log "$1 does not see $2 active after $3 s"
	return 1
}

# load_start N: N busy loops at normal priority (sha1sum of an endless stream)
load_start() {
	local i
	for i in $(seq "$1"); do
		detach "$BASE/load$i" sha1sum /dev/zero
		BENCH_PIDS+=("$(cat "$BASE/load$i")")
	done
}

# start_pairs KEEPALIVE WARNTIME DEADTIME INITDEAD: our pair (and Debian's, when installed)
# configured, started and seen active from both sides; sets TAGS to the pairs that run.
start_pairs() {
	TAGS=(o)
	if have_real_heartbeat; then TAGS+=(r); else bench_log "no $REAL_HB: measuring ours only"; fi
	pair_up o 1
	ours_configure "$@"
	if have_real_heartbeat; then
		pair_up r 2
		real_configure "$@"
	fi
	local tag
	for tag in "${TAGS[@]}"; do
		node_start "$NS_PREFIX${tag}1"
		node_start "$NS_PREFIX${tag}2"
	done
	for tag in "${TAGS[@]}"; do
		wait_active "$NS_PREFIX${tag}2" "$NS_PREFIX${tag}1" 60 || bench_die "the $(impl_of "$NS_PREFIX$tag") pair did not come up"
		wait_active "$NS_PREFIX${tag}1" "$NS_PREFIX${tag}2" 60 || bench_die "the $(impl_of "$NS_PREFIX$tag") pair did not come up"
	done
}
