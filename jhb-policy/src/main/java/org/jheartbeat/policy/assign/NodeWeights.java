package org.jheartbeat.policy.assign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Node;

/** Operations on a resource's node-score table (the order of nodes is Pacemaker's elsewhere too). */
public final class NodeWeights {

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
    public static List<Node> sorted(Map<Node, Integer> weights, String strategy) {
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

    /**
     * What another resource's score on a node weighs through a colocation of this factor:
     * score * factor rounded half away from zero, saturated like {@link #scaled}; a non-zero
     * score that a small factor rounds to nothing still counts 1, signed as the factor (Pacemaker
     * does so even for a negative score under a positive factor).
     */
    static int colocated(int score, double factor) {
        int weight = (int) Math.max(-Score.INFINITY, Math.min(Score.INFINITY, Math.round(Math.abs(score * factor))
                * Math.signum(score * factor)));
        if (weight == 0 && score != 0 && factor != 0) {
            return factor > 0 ? 1 : -1;
        }
        return weight;
    }

    /**
     * The factor of a colocation one step further along a chain of colocations: that
     * colocation's own weight, turned round when the chain so far works against the node
     * (Pacemaker does not weaken it by the earlier steps' scores).
     */
    static double chained(double factor, int colocationScore) {
        return (factor < 0 ? -1.0 : 1.0) * colocationScore / Score.INFINITY;
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
