package org.jheartbeat.policy.graph;

import java.util.List;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Ordering;
import org.jheartbeat.policy.model.OrderingDuplicates;
import org.jheartbeat.policy.model.Resource;

/**
 * rsc_order constraints as edges: the then action waits for the first action, and a
 * symmetrical ordering also makes the then's inverse (stop for start, demote for promote)
 * come before the first's. Mandatory and optional orderings both become edges (an optional
 * one only orders actions that happen anyway, which is all the graph holds); serialize orders
 * the first's action before the then's, and not the other way round on the way down. A group or clone takes part through its pseudo actions: as the first
 * its "running" (stopped, promoted, demoted), as the then its "start" (stop, promote, demote).
 * Interleaved clones order each instance only after the first's instance on the same node.
 */
final class OrderConstraints {

    private final Cluster cluster;
    private final ActionIndex index;

    OrderConstraints(Cluster cluster, ActionIndex index) {
        this.cluster = cluster;
        this.index = index;
    }

    void add() {
        OrderingDuplicates duplicates = new OrderingDuplicates(cluster.orderings());
        for (Ordering o : cluster.orderings()) {
            boolean forward = !duplicates.forwardDropped(o);
            if (o.kind() == Ordering.Kind.SERIALIZE) {
                // one way only: what is both starting waits (the then's start for the first's),
                // and it waits even for a first that cannot run
                if (forward) {
                    order(o.first(), o.firstAction(), o.then(), o.thenAction(), true);
                }
                continue;
            }
            List<Resource> firsts = o.alternatives().isEmpty() ? listOf(o.first()) : o.alternatives();
            for (Resource first : firsts) {
                if (forward) {
                    order(first, o.firstAction(), o.then(), o.thenAction(), false);
                }
                String undoFirst = OrderingDuplicates.inverse(o.firstAction());
                String undoThen = OrderingDuplicates.inverse(o.thenAction());
                if (o.symmetrical() && undoFirst != null && undoThen != null && !duplicates.inverseDropped(o)) {
                    order(o.then(), undoThen, first, undoFirst, false);
                }
            }
        }
    }

    private static List<Resource> listOf(Resource r) {
        return r == null ? List.of() : List.of(r);
    }

    /**
     * Orders the then's actions after the first's; {@code keepBlocked}: the then waits even for
     * a first that cannot run, as Pacemaker keeps such an input when the order could change the
     * actions and not only order them (a serialize order).
     */
    private void order(Resource first, String firstAction, Resource then, String thenAction, boolean keepBlocked) {
        if (first == null || then == null) {
            return;
        }
        if (first instanceof Clone fc && then instanceof Clone tc && tc.interleave()) {
            interleaved(fc, firstAction, tc, thenAction, keepBlocked);
            return;
        }
        edges(index.ends(first, firstAction, true), index.ends(then, thenAction, false), keepBlocked);
    }

    private void interleaved(Clone first, String firstAction, Clone then, String thenAction, boolean keepBlocked) {
        for (Resource ti : then.children()) {
            Node node = ti.instanceNode();
            for (Resource fi : first.children()) {
                if (node != null && node == fi.instanceNode()) {
                    edges(index.ends(fi, firstAction, true), index.ends(ti, thenAction, false), keepBlocked);
                }
            }
        }
    }

    private static void edges(List<Action> firsts, List<Action> thens, boolean keepBlocked) {
        for (Action then : thens) {
            for (Action first : firsts) {
                if (keepBlocked) {
                    then.waitFor(first);
                } else {
                    then.runAfter(first);
                }
            }
        }
    }
}
