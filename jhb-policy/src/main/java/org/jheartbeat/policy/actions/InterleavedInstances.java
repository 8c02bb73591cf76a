package org.jheartbeat.policy.actions;

import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Ordering;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * An interleaved clone's instance waits for the first clone's instance on its own node; where
 * the first clone has none, the instance is not started there at all (no blocked start is
 * planned), and what is ordered after it in turn loses its instance there too.
 */
final class InterleavedInstances {

    private final Cluster cluster;

    InterleavedInstances(Cluster cluster) {
        this.cluster = cluster;
    }

    void withdrawUnmatched() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Ordering o : cluster.orderings()) {
                if (o.kind() == Ordering.Kind.MANDATORY && o.first() instanceof Clone first
                        && o.then() instanceof Clone then && then.interleave() && o.alternatives().isEmpty()) {
                    changed |= withdraw(first, then);
                }
            }
        }
    }

    private static boolean withdraw(Clone first, Clone then) {
        boolean changed = false;
        for (Resource instance : then.children()) {
            Node node = instance.instanceNode();
            if (node == null || first.instanceOn(node) != null) {
                continue;
            }
            for (Primitive p : instance.primitives()) {
                if (p.currentNode() == null && p.assignedNode() != null) {
                    p.assign(null, p.nextRole());
                    changed = true;
                }
            }
        }
        return changed;
    }
}
