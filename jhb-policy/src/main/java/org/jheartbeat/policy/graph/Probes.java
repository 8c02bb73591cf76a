package org.jheartbeat.policy.graph;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Location;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * Probes: a one-off monitor of every resource on every node whose history says nothing about it,
 * so the cluster learns what already runs before it starts anything. Pacemaker probes on every
 * online member (in maintenance too, and unmanaged resources too), not on pending or unclean
 * nodes, not orphans, and only where resource-discovery allows (never: not on the location's
 * nodes; exclusive: only on the nodes of such locations). An anonymous clone is probed once
 * per node, as the instance placed there, else as its first instance.
 */
final class Probes {

    private final Cluster cluster;
    private final ActionIndex index;

    Probes(Cluster cluster, ActionIndex index) {
        this.cluster = cluster;
        this.index = index;
    }

    void add() {
        if (!MetaValues.bool(cluster.options().get("enable-startup-probes", "true"), true)) {
            return;
        }
        List<Node> nodes = new ArrayList<>();
        for (Node node : cluster.nodes().values()) {
            if (node.online() && !node.unclean() && !node.pending()) {
                nodes.add(node);
            }
        }
        // Found resource by resource, each resource's history read once for every node (node by
        // node, the 10,000 resources' maps came out of memory ten times), then added node by
        // node, the order the actions take.
        List<List<Primitive>> probedOn = new ArrayList<>();
        nodes.forEach(node -> probedOn.add(new ArrayList<>()));
        for (Primitive p : cluster.primitives()) {
            if (p.orphan()) {
                continue;
            }
            for (int i = 0; i < nodes.size(); i++) {
                if (needsProbe(p, nodes.get(i))) {
                    probedOn.get(i).add(p);
                }
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (Primitive p : probedOn.get(i)) {
                index.add(p, "monitor", nodes.get(i), 0, false);
            }
        }
    }

    private static boolean needsProbe(Primitive p, Node node) {
        // the history first: on a cluster that has run a while it rules out nearly all
        if (anonymousInstance(p)) {
            return discoverable(p, node) && p == probedInstance(p, node) && !knownInClone(p, node);
        }
        return !p.historyIds().containsKey(node) && discoverable(p, node);
    }

    private static boolean anonymousInstance(Primitive p) {
        return p.top() instanceof Clone c && !c.globallyUnique();
    }

    /** The instance an anonymous clone is probed as on a node: the one placed there, else the first. */
    private static Primitive probedInstance(Primitive p, Node node) {
        Clone clone = (Clone) p.top();
        int member = memberIndex(p);
        Resource chosen = clone.children().get(0);
        for (Resource instance : clone.children()) {
            List<Primitive> members = instance.primitives();
            if (!members.isEmpty() && members.get(0).assignedNode() == node) {
                chosen = instance;
                break;
            }
        }
        List<Primitive> members = chosen.primitives();
        return member < members.size() ? members.get(member) : null;
    }

    private static int memberIndex(Primitive p) {
        Resource instance = p.parent() instanceof Clone ? p : p.parent();
        return instance.primitives().indexOf(p);
    }

    /** Whether the node keeps history of any instance of this clone member. */
    private static boolean knownInClone(Primitive p, Node node) {
        int member = memberIndex(p);
        for (Resource instance : ((Clone) p.top()).children()) {
            List<Primitive> members = instance.primitives();
            if (member < members.size() && members.get(member).historyIds().containsKey(node)) {
                return true;
            }
        }
        return false;
    }

    /** resource-discovery of the locations of the resource and of the groups and clones holding it. */
    private static boolean discoverable(Primitive p, Node node) {
        boolean exclusive = false;
        boolean inExclusive = false;
        for (Resource r = p; r != null; r = r.parent()) {
            for (Location loc : r.locations()) {
                boolean here = loc.scores().containsKey(node);
                if ("never".equals(loc.discovery()) && here) {
                    return false;
                }
                if ("exclusive".equals(loc.discovery())) {
                    exclusive = true;
                    inExclusive |= here;
                }
            }
        }
        return !exclusive || inExclusive;
    }
}
