package org.jheartbeat.policy.graph;

import java.util.List;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Colocation;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;

/**
 * The orderings Pacemaker adds for a -INFINITY colocation, both ways round: what makes one
 * resource leave the role the colocation names (stop, or demote from Promoted, or for the
 * Unpromoted role also promote) comes before what makes the other take its role (start, or
 * promote to Promoted, or for Unpromoted also demote), so the two never hold those roles on a
 * node at once. An input counts only on the same node (a group's or clone's pseudo action has
 * none, so it always does), and it is kept even when it cannot run: the then waits for it
 * all the same and the transition stops there.
 */
final class AntiColocationOrders {

    private final Cluster cluster;
    private final ActionIndex index;

    AntiColocationOrders(Cluster cluster, ActionIndex index) {
        this.cluster = cluster;
        this.index = index;
    }

    void add() {
        for (Colocation c : cluster.colocations()) {
            if (c.score() <= -Score.INFINITY) {
                order(c.dependent(), c.dependentRole(), c.primary(), c.primaryRole());
                order(c.primary(), c.primaryRole(), c.dependent(), c.dependentRole());
            }
        }
    }

    private void order(Resource first, Role firstRole, Resource then, Role thenRole) {
        List<String> leave = firstRole == Role.PROMOTED ? List.of("demote")
                : firstRole == Role.UNPROMOTED ? List.of("stop", "promote") : List.of("stop");
        List<String> take = thenRole == Role.PROMOTED ? List.of("promote")
                : thenRole == Role.UNPROMOTED ? List.of("start", "demote") : List.of("start");
        for (String firstTask : leave) {
            for (String thenTask : take) {
                for (Action before : index.ends(first, firstTask, true)) {
                    for (Action after : index.ends(then, thenTask, false)) {
                        if (before.node() == null || after.node() == null || before.node() == after.node()) {
                            after.waitFor(before);
                        }
                    }
                }
            }
        }
    }
}
