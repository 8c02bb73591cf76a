package org.jheartbeat.policy.graph;

import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Ordering;
import org.jheartbeat.policy.model.Primitive;

/**
 * The start of a resource that stops for good, where a serialize order starts from it.
 * Pacemaker makes the start an order names when the resource has none; the resource's stop
 * then makes that start required, and with no node to run on it is blocked. A serialize order
 * keeps such an input in the graph ({@link OrderConstraints}), so what it orders never runs
 * and the transition ends there. Other kinds of order let a blocked input go (or block the then
 * as well), so the start is made only for serialize orders.
 */
final class StartsNoNodeTakes {

    private final Cluster cluster;
    private final ActionIndex index;

    StartsNoNodeTakes(Cluster cluster, ActionIndex index) {
        this.cluster = cluster;
        this.index = index;
    }

    void add() {
        for (Ordering o : cluster.orderings()) {
            if (o.kind() == Ordering.Kind.SERIALIZE && "start".equals(o.firstAction())
                    && o.first() instanceof Primitive p && index.of(p, "start").isEmpty()
                    && !index.of(p, "stop").isEmpty()) {
                index.add(p, "start", null, 0, false)
                        .blockBecause("no node can run " + p.id() + " after it stops");
            }
        }
    }
}
