package org.jheartbeat.policy.assign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Node;

/** Operations on a resource's node-score table. */
final class NodeWeights {

    private NodeWeights() {
    }

    static Map<Node, Integer> copy(Map<Node, Integer> weights) {
        return new LinkedHashMap<>(weights);
    }

    /** Is there a node it could run on (available, score not negative)? */
    static boolean canRunAny(Map<Node, Integer> weights) {
        for (Map.Entry<Node, Integer> e : weights.entrySet()) {
            if (e.getValue() >= 0 && e.getKey().canRunResources()) {
                return true;
            }
        }
        return false;
    }

    static int effective(Node node, int weight) {
        return node.canRunResources() ? weight : -Score.INFINITY;
    }

    /**
     * Nodes best first: higher score, then (unless the strategy is "minimal") fewer resources
     * already placed there, then node name.
     */
    static List<Node> sorted(Map<Node, Integer> weights, String strategy) {
        return sorted(weights, strategy, null);
    }

    /** As {@link #sorted(Map, String)}, with the resource's current node winning a tie before the name does. */
    static List<Node> sorted(Map<Node, Integer> weights, String strategy, Node current) {
        List<Node> nodes = new ArrayList<>(weights.keySet());
        boolean balance = !"minimal".equalsIgnoreCase(strategy);
        nodes.sort((a, b) -> {
            int wa = effective(a, weights.get(a));
            int wb = effective(b, weights.get(b));
            if (wa != wb) {
                return wa > wb ? -1 : 1;
            }
            if ("balanced".equalsIgnoreCase(strategy)) {
                int c = Capacity.compareRemaining(a, b);
                if (c != 0) {
                    return c;
                }
            }
            if (balance && a.assignedCount() != b.assignedCount()) {
                return a.assignedCount() < b.assignedCount() ? -1 : 1;
            }
            if (current != null && (a == current || b == current)) {
                return a == current ? -1 : 1;
            }
            return a.name().compareTo(b.name());
        });
        return nodes;
    }

    /** score * factor with Pacemaker's saturation, so a weak colocation weakens an infinite score. */
    static int scaled(int score, double factor) {
        double v = score * factor;
        if (v >= Score.INFINITY) {
            return Score.INFINITY;
        }
        if (v <= -Score.INFINITY) {
            return -Score.INFINITY;
        }
        return (int) v;
    }
}
