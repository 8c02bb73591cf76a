package org.jheartbeat.policy.assign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;

/**
 * Spreads a clone's instances over nodes: instances stay where they run when they may, the
 * others go to the best nodes, at most clone-node-max per node and clone-max in all, evenly
 * first.
 */
final class CloneDistribution {

    private final Assigner assigner;
    private final Clone clone;
    private final Map<Node, Integer> cloneTable;
    /** The clone's scores without its dependents' preferences (see {@link #keeps}). */
    private final Map<Node, Integer> ownCloneTable;
    /**
     * The clone's own scores with its dependents' preferences but not its colocations: where
     * they are negative no instance may run (Pacemaker checks each node against them).
     */
    private final Map<Node, Integer> cloneScores;
    private final String strategy;
    private final Map<Node, Integer> perNode = new HashMap<>();
    private int placed;
    /**
     * Whether the dependents' preferences steer the instances: only when some nodes get no
     * instance (Pacemaker passes a clone's positive colocations to its instances only then).
     */
    private boolean withDependents = true;

    CloneDistribution(Assigner assigner, Clone clone, Map<Node, Integer> cloneTable,
                      Map<Node, Integer> ownCloneTable, Map<Node, Integer> cloneScores, String strategy) {
        this.assigner = assigner;
        this.clone = clone;
        this.cloneTable = cloneTable;
        this.ownCloneTable = ownCloneTable;
        this.cloneScores = cloneScores;
        this.strategy = strategy;
    }

    void distribute() {
        int max = Math.min(clone.cloneMax(countNodes()), clone.children().size());
        int nodeMax = clone.cloneNodeMax();
        int available = 0;
        int usable = 0;
        for (Map.Entry<Node, Integer> e : cloneTable.entrySet()) {
            if (e.getKey().canRunResources()) {
                usable++;
                if (e.getValue() >= 0) {
                    available++;
                }
            }
        }
        int evenLimit = available == 0 ? 0 : Math.min(nodeMax, (max + available - 1) / available);
        withDependents = max < usable;
        // instances stay where they run up to an even share of the usable nodes (whatever their scores), rounded down
        int stayLimit = Math.min(nodeMax, Math.max(1, usable == 0 ? 0 : max / usable));
        List<Resource> unplaced = new ArrayList<>();
        for (Resource instance : clone.children()) {
            Node current = currentNode(instance);
            if (current != null && fixed(instance)) {
                place(instance, current);
            } else if (fixed(instance) || orphan(instance)) {
                // an unmanaged instance that is not running stays stopped, taking no node from the others;
                // an instance beyond clone-max never runs
                stop(instance);
            } else if (current != null && placed < max && fits(current, stayLimit)
                    && keeps(instance, current, nodeMax)) {
                place(instance, current);
            } else {
                unplaced.add(instance);
            }
        }
        List<Resource> later = new ArrayList<>();
        for (Resource instance : placementOrder(unplaced)) {
            Node n = placed < max ? best(instance, evenLimit) : null;
            if (n == null) {
                later.add(instance);
            } else {
                place(instance, n);
            }
        }
        for (Resource instance : later) {
            Node n = placed < max ? best(instance, nodeMax) : null;
            if (n == null) {
                stop(instance);
            } else {
                place(instance, n);
            }
        }
    }

    private int countNodes() {
        return cloneTable.size();
    }

    private boolean fits(Node n, int limit) {
        return perNode.getOrDefault(n, 0) < limit;
    }

    Map<Node, Integer> instanceTable(Resource instance) {
        return instanceTable(instance, withDependents ? cloneTable : ownCloneTable);
    }

    private Map<Node, Integer> instanceTable(Resource instance, Map<Node, Integer> parentTable) {
        return assigner.applyPrimaries(instance, withOwnScores(instance, parentTable, Integer.MAX_VALUE));
    }

    /**
     * The scores an instance is placed by: the clone's without its own colocations, nodes
     * already holding {@code limit} instances banned, then the clone's colocations applied to
     * this instance (Pacemaker applies them instance by instance, after the ban, so a share that
     * would leave no node is left out), then the instance's own.
     */
    private Map<Node, Integer> instanceTable(Resource instance, int limit) {
        Map<Node, Integer> base = withDependents ? cloneScores : clone.allowedNodes();
        return assigner.applyPrimaries(instance, assigner.applyPrimaries(clone, withOwnScores(instance, base, limit)));
    }

    /** The parent's scores plus the instance's own, nowhere where the clone may not run or that holds {@code limit} instances. */
    private Map<Node, Integer> withOwnScores(Resource instance, Map<Node, Integer> parentTable, int limit) {
        Map<Node, Integer> own = assigner.ownTable(instance);
        Map<Node, Integer> table = new LinkedHashMap<>();
        for (Map.Entry<Node, Integer> e : parentTable.entrySet()) {
            Integer o = own.get(e.getKey());
            int score = cloneScores.getOrDefault(e.getKey(), 0) < 0 || !fits(e.getKey(), limit) ? -Score.INFINITY
                    : Score.add(e.getValue(), o == null ? 0 : o);
            // a promotion score counts only where the instance is allowed to run at all
            table.put(e.getKey(), score < 0 ? score : Score.add(score, PromotionPreference.of(clone, instance, e.getKey())));
        }
        return table;
    }

    /** What orders the instances still to place, worked out once per instance. */
    private record SortKey(Resource instance, boolean unwelcome, int priority, boolean inactive, int bestWeight) {
    }

    /**
     * As Pacemaker sorts them: an instance active where it may no longer run comes last; then
     * the higher priority (a promotable instance's best promotion score) first; one active
     * elsewhere (on a node that cannot keep it) before those that are not active; then the one
     * whose best node scores higher (scores differ through promotion preferences or, in unique
     * clones, their own constraints); otherwise in order.
     */
    private List<Resource> placementOrder(List<Resource> instances) {
        List<SortKey> keys = new ArrayList<>();
        for (Resource instance : instances) {
            keys.add(new SortKey(instance, activeWhereUnwelcome(instance), priority(instance),
                    currentNode(instance) == null, bestWeight(instance)));
        }
        keys.sort(Comparator.comparing(SortKey::unwelcome)
                .thenComparing(SortKey::priority, Comparator.reverseOrder())
                .thenComparing(SortKey::inactive)
                .thenComparing(SortKey::bestWeight, Comparator.reverseOrder()));
        List<Resource> ordered = new ArrayList<>();
        for (SortKey key : keys) {
            ordered.add(key.instance());
        }
        return ordered;
    }

    private int bestWeight(Resource instance) {
        Map<Node, Integer> table = instanceTable(instance);
        int best = -Score.INFINITY;
        for (Map.Entry<Node, Integer> e : table.entrySet()) {
            best = Math.max(best, NodeWeights.effective(e.getKey(), e.getValue()));
        }
        return best;
    }

    /**
     * May an instance stay on its current node before the others are placed? Only where that
     * node scores at least as well as the best node it could go to: a node the clone prefers
     * more draws the instance away. The preferences of resources colocated with the clone
     * count only when some nodes get no instance (else every node gets one anyway).
     */
    private boolean keeps(Resource instance, Node current, int nodeMax) {
        if (!current.canRunResources() || blockedFromRunning(instance)) {
            return false;
        }
        Map<Node, Integer> table = instanceTable(instance, nodeMax);
        Integer w = table.get(current);
        if (w == null || w < 0) {
            return false;
        }
        for (Map.Entry<Node, Integer> e : table.entrySet()) {
            if (e.getValue() > w && e.getKey().canRunResources() && fits(e.getKey(), nodeMax)
                    && cloneTable.getOrDefault(e.getKey(), -1) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Unmanaged or blocked instances stay where they are, whatever the scores say. */
    static boolean fixed(Resource instance) {
        for (Primitive p : instance.primitives()) {
            if (!p.managed() || p.blocked()) {
                return true;
            }
        }
        return false;
    }

    private static boolean orphan(Resource instance) {
        for (Primitive p : instance.primitives()) {
            if (p.orphan()) {
                return true;
            }
        }
        return false;
    }

    /**
     * An instance kept from running: its (first) primitive is disabled or stopped for good. A
     * later group member that is disabled stops only itself and what follows it.
     */
    private static boolean blockedFromRunning(Resource instance) {
        List<Primitive> primitives = instance.primitives();
        if (primitives.isEmpty()) {
            return false;
        }
        Primitive first = primitives.get(0);
        return first.stopOnly() || first.targetRole() == Role.STOPPED;
    }

    private Node best(Resource instance, int limit) {
        if (blockedFromRunning(instance)) {
            return null;
        }
        Map<Node, Integer> table = instanceTable(instance, limit);
        for (Node n : NodeWeights.sorted(table, strategy)) {
            int w = NodeWeights.effective(n, table.get(n));
            if (w < 0) {
                return null;
            }
            if (fits(n, limit)) {
                return n;
            }
        }
        return null;
    }

    /**
     * Active on a node the instance may not run on by its own and the clone's scores (bans,
     * locations; colocations are not applied yet when Pacemaker sorts the instances).
     */
    private boolean activeWhereUnwelcome(Resource instance) {
        Node current = currentNode(instance);
        if (current == null) {
            return false;
        }
        Integer cloneScore = clone.allowedNodes().get(current);
        Integer own = assigner.ownTable(instance).get(current);
        return cloneScore == null || Score.add(cloneScore, own == null ? 0 : own) < 0;
    }

    /**
     * An instance's priority as Pacemaker orders instances by it: its own, raised to the best
     * promotion score it has recorded on a node that can run it.
     */
    private int priority(Resource instance) {
        int priority = instance.priority();
        if (clone.promotable()) {
            for (Node n : cloneTable.keySet()) {
                Integer recorded = n.canRunResources() ? PromotionPreference.recorded(clone, instance, n) : null;
                if (recorded != null && recorded > priority) {
                    priority = recorded;
                }
            }
        }
        return priority;
    }

    /** The node an instance runs on now (its first primitive that runs), or null. */
    static Node currentNode(Resource instance) {
        for (Primitive p : instance.primitives()) {
            if (p.currentNode() != null) {
                return p.currentNode();
            }
        }
        return null;
    }

    private void place(Resource instance, Node n) {
        Role role = clone.promotable() ? Role.UNPROMOTED : Role.STARTED;
        if (instance instanceof Group g) {
            Node node = n;
            for (Primitive m : g.children()) {
                Integer w = node == null ? null : m.allowedNodes().get(node);
                // a managed member cannot start where nothing may run (an unmanaged one before it
                // may keep the instance on a node in maintenance)
                boolean cannotStart = node != null && m.managed() && !m.blocked() && !node.canRunResources();
                if (node != null && (w == null || w < 0 || cannotStart || m.stopOnly()
                        || m.targetRole() == Role.STOPPED)) {
                    node = null;
                }
                m.assign(node, role);
            }
        } else if (instance instanceof Primitive p) {
            p.assign(n, role);
        }
        perNode.merge(n, 1, Integer::sum);
        placed++;
    }

    private static void stop(Resource instance) {
        for (Primitive p : instance.primitives()) {
            p.assign(null, Role.STOPPED);
        }
    }
}
