# The seed demo in Heartbeat v1 mode, sourced by demo/seed-demo.sh: crm off, auto_failback and an
# haresources line instead of cib.xml; the daemon generates the CIB (group_1, SCRIPT_1_K). The
# scripts are Heartbeat-class ones of demo/resource.d (HA_RESOURCEDIR): Heartbeat's own IPaddr and
# Filesystem (links to /etc/ha.d/resource.d), and a pgsql wrapping the OCF agent, which Debian
# lacks. v1 has neither fencing nor resource monitors, so the experiment is the crash, the
# rejoin (auto_failback) and standby moves.
run_v1() {
    local run=v1 n line holder
    fencing=no
    rsc_disk=Filesystem_1_1 rsc_vip=IPaddr_1_2 rsc_pg=pgsql_1_3
    daemon_env=(HA_RESOURCEDIR="$demo/resource.d")
    setup v1
    record auto_failback "$auto_failback"
    line="node01 Filesystem::$work/disk::$work/mnt::none::bind IPaddr::$vip/24/eth0 pgsql::$work/mnt/pgdata::$work/sock"
    for n in "${nodes[@]}"; do
        printf '# the seed demo in Heartbeat v1 mode: the shared disk (a bind mount), the VIP, PostgreSQL\n%s\n' "$line" \
            > "$work/$n/etc/haresources"
    done
    say "[v1] haresources (the same on both nodes; scripts from $demo/resource.d)"
    sed 's/^/    /' "$work/node01/etc/haresources"
    start_cluster
    wait_for "the group starting on node01" 90 group_on node01
    say "[v1] The CIB node01 generated from it (its log)"
    grep -e 'crm off\|haresources:' "$work/node01/ha-log" | sed 's/^/    /'
    say "[v1] crm_mon -1 on node01"
    at node01 crm_mon -1
    start_experiment

    note "v1 mode has no fencing (stonith-enabled=false, as the generated CIB says): killing only node01's daemon or"
    note "cutting its link would leave PostgreSQL running there while node02 starts it on the same data directory,"
    note "so v1 runs without those two steps"
    say "[v1] 3. Crashing node01 as a machine losing power: kill -9 of every process in namespace $(ns node01), its interface down"
    mark
    machine_crash node01
    note "crashed at $(clock "$t_event")"
    takeover crash node01 node02
    if [ "$auto_failback" = on ]; then
        say "[v1] 4. node01 boots again and rejoins: auto_failback on, the group goes back to node01"
        rejoin node01 node01 failback
    else
        say "[v1] 4. node01 boots again and rejoins: auto_failback off, the group stays on node02"
        rejoin node01 node02 crash_rejoin
    fi
    say "[v1] 5. kill -9 of the postmaster: skipped: v1 mode runs no monitors (Heartbeat v1 watched nodes, not resources), so nothing would notice"

    holder=$(group_node)
    say "[v1] 6. crm_standby -v on -N $holder: the group ($rsc_disk, $rsc_vip, $rsc_pg) moves to $(other "$holder")"
    if [ "$auto_failback" = on ]; then
        standby_move "$holder" "$(other "$holder")" back
    else
        standby_move "$holder" "$(other "$holder")"
        say "[v1] crm_standby -v on -N $(other "$holder"): the group moves back to $holder"
        standby_move "$(other "$holder")" "$holder"
    fi
    record standby_outages_ms "$(IFS=,; echo "${standby_outages[*]}")"
    daemon_env=()
    finish v1
}
