#!/usr/bin/env python3
"""Writes a CIB for the scheduler benchmark (bench/policy/scheduler.sh) to stdout.

usage: gencib.py PRIMITIVES running|cold [CLONES]

The cluster: 10 nodes, all online members; PRIMITIVES ocf:heartbeat:Dummy primitives, each with
start, stop and a 10 s monitor, in groups of 5 (a remainder of fewer than 5 stays ungrouped);
resource-stickiness 100 by default. The top-level resources (groups, and any ungrouped
primitives) form "applications" of 4, each at home on one node, the applications spread over
the nodes in turn. Per top-level resource: a location preferring its application's home (100),
every second one a -INFINITY ban from the node opposite the home, and, for all but the first
of an application, a mandatory colocation with and an order after the previous one. So at
10,000 primitives: 2,000 groups, 500 applications, 6,000 constraints; everything grows in
proportion to PRIMITIVES.

CLONES (default 0) adds that many anonymous clones of one Dummy primitive ("c0" in "cl0" ...),
one instance per node, outside the applications and constraints: the shape of the issue has
none, but history recorded under a clone's primitive id takes another path through unpacking.

running: the status section says every primitive runs on its application's home node (a start
and a recurring monitor there, a probe that found it stopped on each other node), which is
where the constraints put it: the scheduler has nothing to do but must check everything.
cold:    every node is up with an empty operation history, as after a full cluster start: every
primitive needs a probe on every node and a start and monitor on its home node.

This is not bench/cib/gencib.py's shape on purpose: that one is made for parsing and checking
(16 nodes, two agents with parameters, constraints whose placement nobody computes), while a
"running" status must put every resource where the scheduler will want it, which needs
placement known in advance.

The op-digest values are what Pacemaker 2.1.5 records for a Dummy with no parameters and these
operations (taken from its crm_simulate -S -O on a small cold cluster), so its scheduler sees no
definition change; ours does not compare digests.
"""
import sys

NODES = 10
GROUP_SIZE = 5
APPLICATION = 4  # top-level resources colocated and ordered together on one home node
OPERATIONS = (("monitor", "10s"), ("start", "0s"), ("stop", "0s"))  # each with timeout 20s
TE_UUID = "b9a727e7-174d-4152-a531-985ecf300aba"
LAST_RC_CHANGE = 1700000000
DIGEST = {
    # operation, interval -> Pacemaker's op-digest for this primitive's definition
    ("start", 0): "f2317cad3d54cec5d7d7aa7d0bf35cf8",
    ("monitor", 0): "f2317cad3d54cec5d7d7aa7d0bf35cf8",
    ("monitor", 10000): "4811cef7f7f94e3a35a70be7916cb2fd",
}


def node_name(index):
    """index 0..NODES-1 -> node01.."""
    return f"node{index + 1:02d}"


def primitive(out, rid, indent):
    p = " " * indent
    out.append(f'{p}<primitive id="{rid}" class="ocf" provider="heartbeat" type="Dummy">')
    out.append(f'{p}  <operations>')
    for name, interval in OPERATIONS:
        out.append(f'{p}    <op id="{rid}-{name}-{interval}" name="{name}" interval="{interval}" timeout="20s"/>')
    out.append(f'{p}  </operations>')
    out.append(f'{p}</primitive>')


def resources(out, primitives, clones):
    """Writes the resources; returns the top-level ones but the clones as (id, [primitive ids])."""
    top = []
    groups = primitives // GROUP_SIZE
    for g in range(groups):
        members = list(range(g * GROUP_SIZE, (g + 1) * GROUP_SIZE))
        out.append(f'      <group id="g{g}">')
        for i in members:
            primitive(out, f"r{i}", 8)
        out.append('      </group>')
        top.append((f"g{g}", [f"r{i}" for i in members]))
    for i in range(groups * GROUP_SIZE, primitives):
        primitive(out, f"r{i}", 6)
        top.append((f"r{i}", [f"r{i}"]))
    for c in range(clones):
        out.append(f'      <clone id="cl{c}">')
        primitive(out, f"c{c}", 8)
        out.append('      </clone>')
    return top


def home(position):
    """The node index where the top-level resource at this position runs."""
    return (position // APPLICATION) % NODES


def constraints(out, top):
    for position, (rid, _) in enumerate(top):
        h = home(position)
        out.append(f'      <rsc_location id="loc-{rid}" rsc="{rid}" node="{node_name(h)}" score="100"/>')
        if position % 2 == 1:
            banned = node_name((h + NODES // 2) % NODES)
            out.append(f'      <rsc_location id="ban-{rid}" rsc="{rid}" node="{banned}" score="-INFINITY"/>')
        if position % APPLICATION != 0:
            previous = top[position - 1][0]
            out.append(f'      <rsc_colocation id="col-{rid}" rsc="{rid}" with-rsc="{previous}" score="INFINITY"/>')
            out.append(f'      <rsc_order id="ord-{rid}" first="{previous}" then="{rid}" kind="Mandatory"/>')


def op(out, rid, node, call, task, interval, rc):
    """One lrm_rsc_op as the controller records it ("rid_last_0" for the last non-recurring one)."""
    key = f"{rid}_{task}_{interval}"
    op_id = key if interval else f"{rid}_last_0"
    transition_key = f"{call}:1:{7 if task == 'monitor' and interval == 0 else 0}:{TE_UUID}"
    out.append(f'            <lrm_rsc_op id="{op_id}" operation_key="{key}" operation="{task}"'
               f' crm-debug-origin="do_update_resource" crm_feature_set="3.16.1"'
               f' transition-key="{transition_key}" transition-magic="0:{rc};{transition_key}"'
               f' exit-reason="" on_node="{node}" call-id="{call}" rc-code="{rc}" op-status="0"'
               f' interval="{interval}" last-rc-change="{LAST_RC_CHANGE}" exec-time="10" queue-time="0"'
               f' op-digest="{DIGEST[(task, interval)]}"/>')


def lrm_resource(out, rid, node, call, active):
    """A primitive's history on one node: started and monitored there, or probed and found stopped."""
    out.append(f'          <lrm_resource id="{rid}" type="Dummy" class="ocf" provider="heartbeat">')
    if active:
        op(out, rid, node, call, "start", 0, 0)
        op(out, rid, node, call + 1, "monitor", 10000, 0)
    else:
        op(out, rid, node, call, "monitor", 0, 7)
    out.append('          </lrm_resource>')


def status(out, top, clones, running):
    out.append('  <status>')
    for n in range(NODES):
        name = node_name(n)
        out.append(f'    <node_state id="{n + 1}" uname="{name}" in_ccm="true" crmd="online"'
                   f' crm-debug-origin="do_update_resource" join="member" expected="member">')
        out.append(f'      <lrm id="{n + 1}">')
        out.append('        <lrm_resources>')
        call = 1
        for position, (_, members) in enumerate(top) if running else ():
            for rid in members:
                lrm_resource(out, rid, name, call, home(position) == n)
                call += 2
        for c in range(clones) if running else ():
            lrm_resource(out, f"c{c}", name, call, True)
            call += 2
        out.append('        </lrm_resources>')
        out.append('      </lrm>')
        out.append('    </node_state>')
    out.append('  </status>')


def main():
    args = sys.argv[1:]
    if len(args) not in (2, 3) or not args[0].isdigit() or int(args[0]) < 1 \
            or args[1] not in ("running", "cold") or len(args) == 3 and not args[2].isdigit():
        sys.exit("usage: gencib.py PRIMITIVES running|cold [CLONES]   (PRIMITIVES: a whole number above 0,"
                 " CLONES: 0 or more)")
    primitives, running = int(args[0]), args[1] == "running"
    clones = int(args[2]) if len(args) == 3 else 0
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="1" num_updates="0"'
           ' admin_epoch="0" have-quorum="1" dc-uuid="1">',
           '  <configuration>',
           '    <crm_config>',
           '      <cluster_property_set id="cib-bootstrap-options">',
           '        <nvpair id="opt-stonith" name="stonith-enabled" value="false"/>',
           '      </cluster_property_set>',
           '    </crm_config>',
           '    <nodes>']
    out += [f'      <node id="{n + 1}" uname="{node_name(n)}"/>' for n in range(NODES)]
    out += ['    </nodes>', '    <resources>']
    top = resources(out, primitives, clones)
    out += ['    </resources>', '    <constraints>']
    constraints(out, top)
    out += ['    </constraints>',
            '    <rsc_defaults>',
            '      <meta_attributes id="rsc-options">',
            '        <nvpair id="rsc-options-stickiness" name="resource-stickiness" value="100"/>',
            '      </meta_attributes>',
            '    </rsc_defaults>',
            '  </configuration>']
    status(out, top, clones, running)
    out.append('</cib>')
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
