package org.jheartbeat.cli.clusterstatus;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;

/**
 * The "Node List" of a status: nodes in a state worth a line of their own (unclean, pending,
 * standby, maintenance, unhealthy) one by one, then the plain online and offline nodes gathered in
 * "Online: [ ... ]" and "OFFLINE: [ ... ]", remote nodes in lists of their own.
 */
final class NodeList {

    private final Cluster cluster;

    NodeList(Cluster cluster) {
        this.cluster = cluster;
    }

    void print(TextList out) {
        List<String> online = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        List<String> remoteOnline = new ArrayList<>();
        List<String> remoteOffline = new ArrayList<>();
        out.begin("Node List");
        for (Node node : sorted()) {
            boolean remote = "remote".equals(node.type());
            if (needsOwnLine(node)) {
                out.item((remote ? "RemoteNode " : "Node ") + node.name() + ": " + state(node));
            } else if (node.online()) {
                (remote ? remoteOnline : online).add(node.name());
            } else {
                (remote ? remoteOffline : offline).add(node.name());
            }
        }
        summary(out, "Online", online);
        summary(out, "OFFLINE", offline);
        summary(out, "RemoteOnline", remoteOnline);
        summary(out, "RemoteOFFLINE", remoteOffline);
        out.end();
    }

    private List<Node> sorted() {
        List<Node> nodes = new ArrayList<>(cluster.nodes().values());
        nodes.sort((a, b) -> NodeNames.ORDER.compare(a.name(), b.name()));
        return nodes;
    }

    private static void summary(TextList out, String name, List<String> nodes) {
        if (!nodes.isEmpty()) {
            out.item(name, "[ " + String.join(" ", nodes) + " ]");
        }
    }

    private boolean needsOwnLine(Node node) {
        return node.unclean() || node.pending() || node.standby() || node.maintenance()
                || node.standbyOnFail() && node.online() || health(node) != NodeHealth.FINE;
    }

    private NodeHealth health(Node node) {
        return NodeHealth.of(node, cluster.options());
    }

    /** The words Pacemaker uses for a node's state, most serious first. */
    String state(Node node) {
        if (node.unclean()) {
            return node.online() ? "UNCLEAN (online)" : node.pending() ? "UNCLEAN (pending)" : "UNCLEAN (offline)";
        }
        if (node.pending()) {
            return "pending";
        }
        if (node.standbyOnFail() && node.online()) {
            return "standby (on-fail)";
        }
        if (node.standby()) {
            if (!node.online()) {
                return "OFFLINE (standby)";
            }
            return hasActiveResources(node) ? "standby (with active resources)" : "standby";
        }
        if (node.maintenance()) {
            return node.online() ? "maintenance" : "OFFLINE (maintenance)";
        }
        if (!node.online()) {
            return "OFFLINE";
        }
        NodeHealth health = health(node);
        return health == NodeHealth.FINE ? "online" : "online (health is " + health + ")";
    }

    private boolean hasActiveResources(Node node) {
        for (Primitive p : cluster.primitives()) {
            if (p.active().containsKey(node)) {
                return true;
            }
        }
        return false;
    }
}
