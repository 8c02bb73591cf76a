package org.jheartbeat.policy.assign;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Colocation;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * placement-strategy utilization, balanced and minimal: a node without the capacity a resource
 * (with the members and dependents that must come along) needs is not a candidate.
 */
final class Capacity {

    private Capacity() {
    }

    static boolean enforced(String strategy) {
        return !"default".equalsIgnoreCase(strategy);
    }

    /** Bans nodes that cannot hold the resource and what must follow it; just the resource if no node could hold all. */
    static Map<Node, Integer> banInsufficient(Primitive p, Map<Node, Integer> table) {
        Map<String, Integer> together = demandOf(together(p));
        boolean anyFitsAll = false;
        for (Map.Entry<Node, Integer> e : table.entrySet()) {
            if (e.getValue() >= 0 && e.getKey().canRunResources() && e.getKey().hasCapacityFor(together)) {
                anyFitsAll = true;
                break;
            }
        }
        Map<String, Integer> demand = anyFitsAll ? together : p.utilization();
        Map<Node, Integer> out = new LinkedHashMap<>(table);
        for (Map.Entry<Node, Integer> e : out.entrySet()) {
            if (!e.getKey().hasCapacityFor(demand)) {
                e.setValue(-Score.INFINITY);
            }
        }
        return out;
    }

    /**
     * When no candidate node can hold the resource with what must follow it, the candidate with
     * the most capacity left (Pacemaker then prefers it, where it scores as well as the best);
     * null while some node can hold them all.
     */
    static Node roomiestWhereNoneFitsAll(Primitive p, Map<Node, Integer> table) {
        Map<String, Integer> together = demandOf(together(p));
        Node roomiest = null;
        for (Map.Entry<Node, Integer> e : table.entrySet()) {
            Node n = e.getKey();
            if (e.getValue() < 0 || !n.canRunResources()) {
                continue;
            }
            if (n.hasCapacityFor(together)) {
                return null;
            }
            if (roomiest == null || compareRemaining(n, roomiest) < 0) {
                roomiest = n;
            }
        }
        return roomiest;
    }

    /** The resource, the later members of its group and unplaced resources that must be on its node. */
    private static Set<Primitive> together(Primitive p) {
        Set<Primitive> out = new LinkedHashSet<>();
        collect(p, out);
        return out;
    }

    private static void collect(Resource r, Set<Primitive> out) {
        for (Primitive p : r.primitives()) {
            if (p.assignedNode() != null || !out.add(p)) {
                continue;
            }
            if (p.parent() instanceof Group g) {
                int i = g.children().indexOf(p);
                for (int j = i + 1; j < g.children().size(); j++) {
                    collect(g.children().get(j), out);
                }
                for (Colocation c : g.asPrimary()) {
                    if (c.score() >= Score.INFINITY && !c.dependent().isAssigned()) {
                        collect(c.dependent(), out);
                    }
                }
            }
            for (Colocation c : p.asPrimary()) {
                if (c.score() >= Score.INFINITY && !c.dependent().isAssigned()) {
                    collect(c.dependent(), out);
                }
            }
        }
    }

    private static Map<String, Integer> demandOf(Set<Primitive> primitives) {
        Map<String, Integer> total = new LinkedHashMap<>();
        for (Primitive p : primitives) {
            p.utilization().forEach((k, v) -> total.merge(k, v, Integer::sum));
        }
        return total;
    }

    /** balanced: the node with more capacity left in more attributes first. */
    static int compareRemaining(Node a, Node b) {
        Set<String> attributes = new LinkedHashSet<>(a.utilization().keySet());
        attributes.addAll(b.utilization().keySet());
        int result = 0;
        for (String attr : attributes) {
            int ra = a.remaining(attr);
            int rb = b.remaining(attr);
            if (ra > rb) {
                result--;
            } else if (ra < rb) {
                result++;
            }
        }
        return result;
    }
}
