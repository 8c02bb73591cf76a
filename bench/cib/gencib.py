#!/usr/bin/env python3
"""Writes a current-form (pacemaker-3.9) CIB of a given size to stdout, for bench/cib/size.sh.

usage: gencib.py PRIMITIVES CONSTRAINTS

The shape is what a large real configuration looks like: 16 nodes; primitives alternating
ocf:heartbeat:Dummy and ocf:heartbeat:IPaddr2, each with instance_attributes and monitor/start/
stop ops; a fifth of them in groups of five; constraints on the top-level resources (groups and
ungrouped primitives): 40 % location (one in ten by rule), 30 % colocation, 30 % order.
Colocations and orders stay within "applications" of 20 consecutive top-level resources and
always point from a resource to a later one: no loops and no dependency chain longer than an
application, as in a real cluster. Every score is finite or a positive INFINITY, so no
constraint contradicts another: the file is valid and the time is all parsing and checking.
"""
import sys
from xml.sax.saxutils import quoteattr

NODES = 16
GROUP_SIZE = 5
GROUPED_EVERY = 5  # one primitive in GROUPED_EVERY sits in a group
APPLICATION = 20  # top-level resources that colocations and orders link among themselves


def primitive(out, i, indent):
    rid = f"r{i}"
    if i % 2 == 0:
        agent = "Dummy"
        params = [("state", f"/run/resource-agents/{rid}.state"), ("fake", f"value-{i}")]
    else:
        agent = "IPaddr2"
        params = [("ip", f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}"), ("cidr_netmask", "16")]
    p = " " * indent
    out.append(f'{p}<primitive id="{rid}" class="ocf" provider="heartbeat" type="{agent}">')
    out.append(f'{p}  <instance_attributes id="{rid}-params">')
    for name, value in params:
        out.append(f'{p}    <nvpair id="{rid}-{name}" name="{name}" value={quoteattr(value)}/>')
    out.append(f'{p}  </instance_attributes>')
    if i % 10 == 0:
        out.append(f'{p}  <meta_attributes id="{rid}-meta">')
        out.append(f'{p}    <nvpair id="{rid}-target-role" name="target-role" value="Started"/>')
        out.append(f'{p}  </meta_attributes>')
    out.append(f'{p}  <operations>')
    out.append(f'{p}    <op id="{rid}-monitor-10s" name="monitor" interval="10s" timeout="20s"/>')
    out.append(f'{p}    <op id="{rid}-start-0" name="start" interval="0s" timeout="20s"/>')
    out.append(f'{p}    <op id="{rid}-stop-0" name="stop" interval="0s" timeout="20s"/>')
    out.append(f'{p}  </operations>')
    out.append(f'{p}</primitive>')


def resources(out, primitives):
    """Writes the resources; returns the ids of the top-level ones, in document order."""
    top = []
    grouped = primitives // GROUPED_EVERY // GROUP_SIZE * GROUP_SIZE
    for g in range(grouped // GROUP_SIZE):
        gid = f"g{g}"
        out.append(f'      <group id="{gid}">')
        for i in range(g * GROUP_SIZE, (g + 1) * GROUP_SIZE):
            primitive(out, i, 8)
        out.append('      </group>')
        top.append(gid)
    for i in range(grouped, primitives):
        primitive(out, i, 6)
        top.append(f"r{i}")
    return top


def constraints(out, count, top):
    locations = count * 4 // 10
    colocations = count * 3 // 10
    orders = count - locations - colocations
    n = len(top)
    for c in range(locations):
        rsc = top[c % n]
        node = f"node{c % NODES + 1:02d}"
        score = (100, 200, 50, -100)[c % 4]
        if c % 10 == 9:
            out.append(f'      <rsc_location id="loc{c}" rsc="{rsc}">')
            out.append(f'        <rule id="loc{c}-rule" score="{score}">')
            out.append(f'          <expression id="loc{c}-expr" attribute="#uname" operation="eq" value="{node}"/>')
            out.append('        </rule>')
            out.append('      </rsc_location>')
        else:
            out.append(f'      <rsc_location id="loc{c}" rsc="{rsc}" node="{node}" score="{score}"/>')
    size = min(APPLICATION, n)
    applications = n // size
    links = [(a, a + gap) for gap in range(1, size) for a in range(size - gap)]

    def pair(k):
        """The k-th link: applications in turn, then the links inside one by growing distance."""
        base = (k % applications) * size
        a, b = links[(k // applications) % len(links)]
        return top[base + b], top[base + a]

    for c in range(colocations):
        rsc, with_rsc = pair(c)
        score = "INFINITY" if c % 3 == 0 else str(100 + c % 400)
        out.append(f'      <rsc_colocation id="col{c}" rsc="{rsc}" with-rsc="{with_rsc}" score="{score}"/>')
    for c in range(orders):
        then, first = pair(c + colocations)
        kind = "Mandatory" if c % 2 == 0 else "Optional"
        out.append(f'      <rsc_order id="ord{c}" first="{first}" then="{then}" kind="{kind}"/>')


def main():
    if len(sys.argv) != 3 or not all(a.isdigit() and int(a) > 1 for a in sys.argv[1:]):
        sys.exit("usage: gencib.py PRIMITIVES CONSTRAINTS (whole numbers above 1)")
    primitives, count = int(sys.argv[1]), int(sys.argv[2])
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">',
           '  <configuration>',
           '    <crm_config>',
           '      <cluster_property_set id="cib-bootstrap-options">',
           '        <nvpair id="opt-stonith" name="stonith-enabled" value="false"/>',
           '        <nvpair id="opt-quorum" name="no-quorum-policy" value="ignore"/>',
           '      </cluster_property_set>',
           '    </crm_config>',
           '    <nodes>']
    out += [f'      <node id="{i}" uname="node{i:02d}"/>' for i in range(1, NODES + 1)]
    out += ['    </nodes>', '    <resources>']
    top = resources(out, primitives)
    out += ['    </resources>', '    <constraints>']
    constraints(out, count, top)
    out += ['    </constraints>', '  </configuration>', '  <status/>', '</cib>']
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
