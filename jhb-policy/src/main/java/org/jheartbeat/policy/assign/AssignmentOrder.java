package org.jheartbeat.policy.assign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * The order resources are placed in, which decides who gets a contested node: higher priority
 * first; with a placement strategy other than default also the better score where it runs now
 * (with what it is colocated with pulled in), then the better scores node by node; otherwise
 * configuration order.
 */
final class AssignmentOrder {

    private final Assigner assigner;
    private final Cluster cluster;
    private final Map<Resource, Map<Node, Integer>> tables = new HashMap<>();

    AssignmentOrder(Assigner assigner, Cluster cluster) {
        this.assigner = assigner;
        this.cluster = cluster;
    }

    List<Resource> sorted() {
        List<Resource> order = new ArrayList<>(cluster.resources().values());
        if (!Capacity.enforced(cluster.options().placementStrategy())) {
            order.sort((a, b) -> Integer.compare(b.priority(), a.priority()));
            return order;
        }
        for (Resource r : order) {
            tables.put(r, assigner.forwardTable(r, null, 1.0, new HashSet<>()));
        }
        List<Node> nodes = NodeWeights.sorted(zeroes(), cluster.options().placementStrategy());
        order.sort((a, b) -> compare(a, b, nodes));
        return order;
    }

    private Map<Node, Integer> zeroes() {
        Map<Node, Integer> all = new HashMap<>();
        cluster.nodes().values().forEach(n -> all.put(n, 0));
        return all;
    }

    private int compare(Resource a, Resource b, List<Node> nodes) {
        if (a.priority() != b.priority()) {
            return a.priority() > b.priority() ? -1 : 1;
        }
        int ca = currentScore(a);
        int cb = currentScore(b);
        if (ca != cb) {
            return ca > cb ? -1 : 1;
        }
        for (Node n : nodes) {
            int wa = tables.get(a).getOrDefault(n, -Score.INFINITY);
            int wb = tables.get(b).getOrDefault(n, -Score.INFINITY);
            if (wa != wb) {
                return wa > wb ? -1 : 1;
            }
        }
        return 0;
    }

    private int currentScore(Resource r) {
        Node current = null;
        for (Primitive p : r.primitives()) {
            if (p.currentNode() != null) {
                current = p.currentNode();
                break;
            }
        }
        if (current == null || !current.canRunResources()) {
            return -Score.INFINITY;
        }
        return tables.get(r).getOrDefault(current, -Score.INFINITY);
    }
}
