package org.jheartbeat.policy.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.assign.NodeWeights;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Ordering;
import org.jheartbeat.policy.model.OrderingDuplicates;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * An interleaved clone's instance waits for the first clone's instance placed on its own node;
 * where the first clone has none placed there (an instance that is blocked, or leaves the node,
 * does not count), a mandatory symmetrical order takes the instance's placement away: it is not
 * started there, or stops there if it runs (no blocked start is planned), and what is ordered
 * after it in turn loses its instance there too. An asymmetrical order only orders.
 *
 * <p>Pacemaker does this once it has made the actions, so a withdrawn instance that runs keeps
 * the stop it is given then, without a reason; but the order is looked at again for the instance,
 * now placed nowhere, and paired with the first's instance on the best of its nodes (by its own
 * scores, as Pacemaker sorts nodes) that has one: if that one starts, the instance's start,
 * which had nothing to do, is required by it, and that is the reason its stop is shown with.
 */
final class InterleavedInstances {

    private final Cluster cluster;

    InterleavedInstances(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Withdraws the unmatched instances; returns the primitives whose placement was taken away,
     * each with the first's instance it is paired with afterwards (null if none).
     */
    Map<Primitive, Resource> withdrawUnmatched() {
        Map<Primitive, Resource> withdrawn = new LinkedHashMap<>();
        // a mandatory order whose steps an earlier order already orders does not withdraw anything
        OrderingDuplicates duplicates = new OrderingDuplicates(cluster.orderings());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Ordering o : cluster.orderings()) {
                if (o.kind() == Ordering.Kind.MANDATORY && o.symmetrical() && !duplicates.forwardDropped(o)
                        && !afterTakingDown(o) && o.first() instanceof Clone first
                        && o.then() instanceof Clone then && then.interleave() && o.alternatives().isEmpty()) {
                    changed |= withdraw(first, then, withdrawn);
                }
            }
        }
        return withdrawn;
    }

    /**
     * An order after the first's stop or demote: Pacemaker pairs the instances by where the
     * first's run now, and one finding no partner there is left as it is, not withdrawn.
     */
    private static boolean afterTakingDown(Ordering o) {
        return "stop".equals(o.firstAction()) || "demote".equals(o.firstAction());
    }

    private boolean withdraw(Clone first, Clone then, Map<Primitive, Resource> withdrawn) {
        boolean changed = false;
        for (Resource instance : then.children()) {
            Node node = placedNode(instance);
            if (node == null || instancePlacedOn(first, node) != null) {
                continue;
            }
            for (Primitive p : instance.primitives()) {
                if (p.assignedNode() != null) {
                    p.assign(null, p.nextRole());
                    withdrawn.put(p, null);
                    changed = true;
                }
            }
            if (instance instanceof Primitive p) {
                withdrawn.put(p, pairedAfterwards(p, first));
            }
        }
        return changed;
    }

    /** The first's instance on the best of the instance's nodes that has one placed. */
    private Resource pairedAfterwards(Primitive instance, Clone first) {
        Map<Node, Integer> weights = new LinkedHashMap<>();
        for (Node n : cluster.nodes().values()) {
            weights.put(n, instance.allowedNodes().getOrDefault(n, -Score.INFINITY));
        }
        for (Node n : NodeWeights.sorted(weights, cluster.options().placementStrategy())) {
            Resource match = instancePlacedOn(first, n);
            if (match != null) {
                return match;
            }
        }
        return null;
    }

    private static Resource instancePlacedOn(Clone clone, Node node) {
        for (Resource instance : clone.children()) {
            if (instance.primitives().stream().noneMatch(Primitive::blocked) && placedNode(instance) == node) {
                return instance;
            }
        }
        return null;
    }

    /** The one node an instance's placed members are on; null if none is placed, or they are split. */
    private static Node placedNode(Resource instance) {
        Node found = null;
        for (Primitive p : instance.primitives()) {
            Node n = p.assignedNode();
            if (n != null && found != null && n != found) {
                return null;
            }
            found = n == null ? found : n;
        }
        return found;
    }
}
