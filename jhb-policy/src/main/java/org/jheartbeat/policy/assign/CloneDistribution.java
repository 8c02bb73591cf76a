package org.jheartbeat.policy.assign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Colocation;
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
    /**
     * The clone's own scores with its dependents' preferences but not its colocations: where
     * they are negative no instance may run (Pacemaker checks each node against them).
     */
    private final Map<Node, Integer> cloneScores;
    private final String strategy;
    private final Map<Node, Integer> perNode = new HashMap<>();
    /**
     * Instances that could not stay where they run and are placed afresh: Pacemaker has handed
     * them the clone's colocations twice by then, and both count.
     */
    private final Set<Resource> placedAfresh = new HashSet<>();
    /** Instances whose own scores, as they were last placed by them, forbid the node they run on. */
    private final Set<Resource> unwelcomeWhereTheyRun = new HashSet<>();
    /**
     * Instances whose turn came once clone-max instances were placed: Pacemaker bans them and
     * never assigns them, so a colocation with the clone later passes them over.
     */
    private final Set<Resource> neverAssigned = new HashSet<>();
    /**
     * Unmanaged or blocked instances whose turn came once clone-max instances were placed: they
     * stay where they are, but Pacemaker assigns them no node.
     */
    private final Set<Resource> leftBeyondLimit = new HashSet<>();
    private int placed;
    /**
     * Whether the dependents' preferences steer the instances: only when some nodes get no
     * instance (Pacemaker passes a clone's positive colocations to its instances only then).
     */
    private boolean withDependents = true;

    CloneDistribution(Assigner assigner, Clone clone, Map<Node, Integer> cloneTable,
                      Map<Node, Integer> cloneScores, String strategy) {
        this.assigner = assigner;
        this.clone = clone;
        this.cloneTable = cloneTable;
        this.cloneScores = cloneScores;
        this.strategy = strategy;
    }

    void distribute() {
        if (!clone.promotable()) {
            // Pacemaker keeps the instances in the order it sorted them for placement (promotion
            // sorts a promotable clone's again), the order a colocation with the clone counts them in
            clone.setPlacementOrder(sortedForPlacement());
        }
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
        if (assigner.fencingWithoutDevice()) {
            keepWhereTheyRun(max, stayLimit);
            return;
        }
        List<Resource> unplaced = new ArrayList<>();
        for (Resource instance : tryWhereTheyRunOrder()) {
            Node current = currentNode(instance);
            if (current != null && fixed(instance) && unpairedWhereItRuns(current)) {
                // choosing roles, Pacemaker takes back the assignment of a promotable instance
                // left where it runs when an interleaved mandatory colocation bound to a role of
                // it (not weighed while placing) finds no instance of the primary there: it is
                // placed nowhere, uncounted
                assignAt(instance, null, 0);
            } else if (current != null && fixed(instance) && !failed(instance) && current.canRunResources()
                    && placed < max) {
                place(instance, current, 0);
            } else if (current != null && fixed(instance)) {
                // a failed one, one on a node that cannot run resources (maintenance, standby)
                // or one whose turn comes once clone-max instances are placed (an orphan after
                // an instance of higher priority, say) stays where it is too, but takes its
                // place among the others in their order: it counts against clone-max only if
                // its turn comes before the limit
                unplaced.add(instance);
            } else if (fixed(instance) || orphan(instance)) {
                // an unmanaged instance that is not running stays stopped, taking no node from the others;
                // an instance beyond clone-max never runs
                stop(instance);
            } else if (current != null && placed < max && fits(current, stayLimit) && !failedItself(instance)) {
                // a failed instance is not kept where it is first: it is placed with the others
                Integer kept = scoreToStay(instance, current, nodeMax);
                if (kept != null) {
                    place(instance, current, kept);
                } else if (!triedWhereItRuns(instance, current)) {
                    // Pacemaker does not try it on a node that cannot run it (standby, unclean,
                    // the clone banned there): placed with the others, it is handed the clone's
                    // colocations once, not twice
                    unplaced.add(instance);
                } else if (instance instanceof Group) {
                    leaveMembersOnBetterNode(instance, stayLimit);
                } else {
                    // tried where it runs and had to move: handed the clone's colocations again
                    placedAfresh.add(instance);
                    unplaced.add(instance);
                }
            } else {
                unplaced.add(instance);
            }
        }
        unplaced.sort(Comparator.comparingInt(clone.children()::indexOf));
        List<Resource> later = new ArrayList<>();
        for (Resource instance : placementOrder(unplaced)) {
            if (fixed(instance)) {
                keepFixed(instance, max);
                continue;
            }
            if (placed >= max) {
                stop(instance);
                neverAssigned.add(instance);
                continue;
            }
            Choice choice = best(instance, evenLimit);
            if (choice == null) {
                later.add(instance);
            } else {
                place(instance, choice.node(), choice.score());
            }
        }
        for (Resource instance : later) {
            Choice choice = placed < max ? best(instance, nodeMax) : null;
            if (placed >= max) {
                stop(instance);
            } else if (choice == null) {
                // tried but placed nowhere: a cloned group's member left alone (blocked,
                // unmanaged) still stays where it runs, and counts there, as Pacemaker assigns
                // each member in turn
                assignAt(instance, null, 0);
            } else {
                place(instance, choice.node(), choice.score());
            }
        }
        // an orphan instance not running comes after every other in Pacemaker's order
        for (Resource instance : clone.children()) {
            if (placed >= max && orphan(instance) && currentNode(instance) == null) {
                neverAssigned.add(instance);
            }
        }
    }

    /**
     * Fencing on without a device: Pacemaker leaves each instance it places unmanaged where it
     * runs, whatever the scores, an orphan beyond clone-max too. It takes the instances in its
     * order, first those it tries where they run (not failed, on a node that can run them and
     * holds fewer than its even share), then the others; once clone-max are placed, the rest
     * are never placed (and stop), and one not running is placed nowhere, uncounted.
     */
    private void keepWhereTheyRun(int max, int stayLimit) {
        List<Resource> order = tryWhereTheyRunOrder();
        List<Resource> later = new ArrayList<>();
        for (Resource instance : order) {
            Node current = currentNode(instance);
            if (current != null && placed < max && !failedItself(instance) && current.canRunResources()
                    && fits(current, stayLimit)) {
                place(instance, current, 0);
            } else {
                later.add(instance);
            }
        }
        for (Resource instance : later) {
            Node current = currentNode(instance);
            if (placed >= max) {
                stop(instance);
                neverAssigned.add(instance);
            } else if (current != null) {
                place(instance, current, 0);
            } else {
                stop(instance);
            }
        }
    }

    /** Whether the instance's turn came once clone-max instances were placed, so it was never assigned. */
    boolean neverAssigned(Resource instance) {
        return neverAssigned.contains(instance);
    }

    /**
     * The order Pacemaker tries instances where they run in: those active where they may no
     * longer run last, the higher priority (see {@link #priority}) first, failed ones (a
     * member's failure counts here) after the others, then the
     * one whose node the clone's colocations score higher (see
     * {@link DependentScores#colocationScoreOn}); which
     * decides the nodes a cloned group that leaves its node finds full.
     */
    private List<Resource> tryWhereTheyRunOrder() {
        List<Resource> order = new ArrayList<>(clone.children());
        Map<Resource, Integer> priorities = new HashMap<>();
        Map<Resource, Integer> colocationScores = new HashMap<>();
        for (Resource instance : order) {
            Node current = currentNode(instance);
            priorities.put(instance, priority(instance));
            colocationScores.put(instance, current == null ? 0 : assigner.colocationScoreOn(clone, instance, current));
        }
        order.sort(Comparator.comparing(this::activeWhereUnwelcome)
                .thenComparing(priorities::get, Comparator.reverseOrder())
                .thenComparing(CloneDistribution::failed)
                // then the one whose node the clone's colocations favour more
                .thenComparing(colocationScores::get, Comparator.reverseOrder()));
        return order;
    }

    private int countNodes() {
        return cloneTable.size();
    }

    /**
     * How many times the clone's colocation was handed to the instance as it was placed, which is
     * how often it counts for the instance's promotion too: a positive finite one not at all when
     * every node gets an instance, any other once, twice for an instance placed afresh.
     */
    int timesHandedOver(Colocation c, Resource instance) {
        if (!withDependents && c.score() > 0 && c.score() < Score.INFINITY) {
            return 0;
        }
        return placedAfresh.contains(instance) ? 2 : 1;
    }

    /**
     * Whether the scores the instance was placed by (with the clone's colocations and the nodes
     * already full) left the node it runs on allowed: Pacemaker counts an instance active only
     * there when it orders instances again to pick the promoted ones.
     */
    boolean welcomeWhereItRuns(Resource instance) {
        return !unwelcomeWhereTheyRun.contains(instance);
    }

    /** Whether the node may take another instance: it can run resources and holds fewer than clone-node-max. */
    private boolean mayTake(Node n) {
        return n.canRunResources() && fits(n, clone.cloneNodeMax());
    }

    private boolean fits(Node n, int limit) {
        return perNode.getOrDefault(n, 0) < limit;
    }

    /**
     * The instance's scores as it is placed: Pacemaker first bans it from the nodes it cannot
     * run on (down, or holding clone-node-max instances already), then applies the clone's
     * colocations, so that an anti-colocation that would leave it nowhere is dropped.
     */
    Map<Node, Integer> instanceTable(Resource instance) {
        Map<Node, Integer> table = ownScores(instance, true);
        table.replaceAll((node, w) -> mayTake(node) ? w : -Score.INFINITY);
        return withColocations(instance, table, placedAfresh.contains(instance) ? 2 : 1);
    }

    private Map<Node, Integer> withColocations(Resource instance, Map<Node, Integer> table, int times) {
        return assigner.applyPrimaries(instance, assigner.applyCloneColocations(clone, instance, table, withDependents, times));
    }

    /** The clone's own scores, the instance's own and its promotion scores; none where the clone's scores with its dependents' are negative. */
    private Map<Node, Integer> ownScores(Resource instance, boolean bannedWhereItCannotRun) {
        Map<Node, Integer> parentTable = clone.allowedNodes();
        // a cloned group's members carry these bans when Pacemaker merges their scores
        Map<Node, Integer> outside = NodeWeights.copy(parentTable);
        outside.replaceAll((node, w) -> cloneScores.getOrDefault(node, 0) < 0
                || bannedWhereItCannotRun && !mayTake(node) ? -Score.INFINITY : w);
        Map<Node, Integer> own = assigner.ownTable(instance, outside);
        Map<Node, Integer> table = new LinkedHashMap<>();
        for (Map.Entry<Node, Integer> e : parentTable.entrySet()) {
            Integer o = own.get(e.getKey());
            int score = cloneScores.getOrDefault(e.getKey(), 0) < 0 ? -Score.INFINITY
                    : Score.add(e.getValue(), o == null ? 0 : o);
            // a promotion score counts only where the instance is allowed to run at all
            table.put(e.getKey(), score < 0 ? score : Score.add(score, PromotionPreference.of(clone, instance, e.getKey())));
        }
        return table;
    }

    /**
     * All instances as Pacemaker sorts them before placing any: one active where it may no
     * longer run last; then the higher priority; an active one before one that is not (two that
     * are not keep their order); one on a node that can run resources before one on a node that
     * cannot; one that has not failed before one that has; otherwise in order.
     */
    private List<Resource> sortedForPlacement() {
        List<Resource> order = new ArrayList<>(clone.children());
        order.sort(Comparator.comparing(this::activeWhereUnwelcome)
                .thenComparing(Resource::priority, Comparator.reverseOrder())
                .thenComparing(instance -> currentNode(instance) == null)
                .thenComparing(instance -> currentNode(instance) != null && !currentNode(instance).canRunResources())
                .thenComparing(CloneDistribution::failed));
        return order;
    }

    /** What orders the instances still to place, worked out once per instance. */
    private record SortKey(Resource instance, boolean unwelcome, int priority, boolean inactive, boolean stranded,
                           int bestWeight) {
    }

    /**
     * As Pacemaker sorts them: an instance active where it may no longer run comes last; then
     * the higher priority (a promotable instance's best promotion score) first; one active
     * elsewhere (on a node that cannot keep it) before those that are not active; one active on a
     * node that can run resources before one active on a node that cannot (standby, say); then,
     * among active ones only, the one whose best node scores higher (scores differ through
     * promotion preferences or, in unique clones, their own constraints); otherwise in order:
     * Pacemaker finds two inactive instances equal once their priorities are.
     */
    private List<Resource> placementOrder(List<Resource> instances) {
        List<SortKey> keys = new ArrayList<>();
        for (Resource instance : instances) {
            boolean unwelcome = activeWhereUnwelcome(instance);
            // where it may no longer run, its node no longer counts: it sorts as one not active
            Node current = unwelcome ? null : currentNode(instance);
            keys.add(new SortKey(instance, unwelcome, priority(instance),
                    current == null, current != null && !current.canRunResources(),
                    current == null ? 0 : bestWeight(instance)));
        }
        keys.sort(Comparator.comparing(SortKey::unwelcome)
                .thenComparing(SortKey::priority, Comparator.reverseOrder())
                .thenComparing(SortKey::inactive)
                .thenComparing(SortKey::stranded)
                .thenComparing(SortKey::bestWeight, Comparator.reverseOrder()));
        List<Resource> ordered = new ArrayList<>();
        for (SortKey key : keys) {
            ordered.add(key.instance());
        }
        return ordered;
    }

    private int bestWeight(Resource instance) {
        Map<Node, Integer> table = withColocations(instance, ownScores(instance, false), 1);
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
     *
     * @return its score on the current node if it stays there, else null
     */
    private Integer scoreToStay(Resource instance, Node current, int nodeMax) {
        if (!current.canRunResources() || blockedFromRunning(instance)) {
            return null;
        }
        Map<Node, Integer> table = instanceTable(instance);
        Integer w = table.get(current);
        if (w == null || w < 0) {
            return null;
        }
        for (Map.Entry<Node, Integer> e : table.entrySet()) {
            if (e.getValue() > w && e.getKey().canRunResources() && fits(e.getKey(), nodeMax)
                    && cloneTable.getOrDefault(e.getKey(), -1) >= 0) {
                return null;
            }
        }
        return w;
    }

    /**
     * Unmanaged or blocked instances stay where they are, whatever the scores say. For a cloned
     * group that is one whose first member is (Pacemaker places a group where its first member
     * goes); one with only a later member left alone is placed as any other, that member
     * staying where it is.
     */
    static boolean fixed(Resource instance) {
        List<Primitive> primitives = instance.primitives();
        return !primitives.isEmpty() && leftAlone(primitives.get(0));
    }

    private static boolean leftAlone(Primitive p) {
        return !p.managed() || p.blocked();
    }

    private static boolean failed(Resource instance) {
        return instance.primitives().stream().anyMatch(Primitive::failed);
    }

    /**
     * Failed as Pacemaker sees it before trying an instance where it runs: a primitive instance
     * that failed; a cloned group is not marked failed by a member's failure.
     */
    private static boolean failedItself(Resource instance) {
        return instance instanceof Primitive p && p.failed();
    }

    /** Whether Pacemaker tries the instance on its current node first: it may run there and is not kept from running. */
    private boolean triedWhereItRuns(Resource instance, Node current) {
        return current.canRunResources() && cloneScores.getOrDefault(current, -1) >= 0 && !blockedFromRunning(instance);
    }

    /**
     * A cloned group tried on its current node that would rather go elsewhere: Pacemaker 2.1.5
     * takes back the group's own assignment but not its members', which stay on the better node,
     * counted against no limit, and the group is not placed again.
     */
    private void leaveMembersOnBetterNode(Resource instance, int limit) {
        Choice choice = best(instance, limit);
        if (choice == null) {
            stop(instance);
        } else {
            assignAt(instance, choice.node(), choice.score());
        }
    }

    /**
     * Whether an interleaved mandatory colocation of the promotable clone's role with another
     * clone finds none of the other's instances on the node.
     */
    private boolean unpairedWhereItRuns(Node node) {
        if (!clone.promotable()) {
            return false;
        }
        for (Colocation c : clone.asDependent()) {
            if (c.score() >= Score.INFINITY && !c.anyDependentRole() && c.anyPrimaryRole()
                    && PrimaryColocation.interleaved(c) && c.primary().isAssigned()
                    && PrimaryColocation.pairedOn((Clone) c.primary(), node) == null) {
                return true;
            }
        }
        return false;
    }

    /** A failed unmanaged or blocked instance stays on its node, counted while clone-max allows. */
    private void keepFixed(Resource instance, int max) {
        Node current = currentNode(instance);
        if (placed < max) {
            place(instance, current, 0);
        } else {
            leftBeyondLimit.add(instance);
            assignAt(instance, current, 0);
        }
    }

    /** Whether the instance stays where it is only because it cannot be moved, its turn past clone-max. */
    boolean leftBeyondLimit(Resource instance) {
        return leftBeyondLimit.contains(instance);
    }

    private static boolean orphan(Resource instance) {
        return instance.primitives().stream().anyMatch(Primitive::orphan);
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

    /** A node for an instance, with the instance's score there. */
    private record Choice(Node node, int score) {
    }

    private Choice best(Resource instance, int limit) {
        if (blockedFromRunning(instance)) {
            return null;
        }
        Map<Node, Integer> table = instanceTable(instance);
        Node current = currentNode(instance);
        Integer here = current == null ? null : table.get(current);
        if (here == null || here >= 0) {
            unwelcomeWhereTheyRun.remove(instance);
        } else {
            unwelcomeWhereTheyRun.add(instance);
        }
        for (Node n : NodeWeights.sorted(table, strategy, current)) {
            int w = NodeWeights.effective(n, table.get(n));
            if (w < 0) {
                return null;
            }
            if (fits(n, limit)) {
                return new Choice(keptAtTie(table, current, n, w, limit) ? current : n, w);
            }
        }
        return null;
    }

    /**
     * Whether an anonymous instance stays on its current node, tied at the best positive score
     * with the node chosen, as Pacemaker keeps any resource; a unique clone's instances were
     * kept where they run already if they could be.
     */
    private boolean keptAtTie(Map<Node, Integer> table, Node current, Node chosen, int weight, int limit) {
        return weight > 0 && current != null && current != chosen && !clone.globallyUnique()
                && current.canRunResources() && fits(current, limit)
                && Integer.valueOf(weight).equals(table.get(current));
    }

    /**
     * Active on a node the instance may not run on by its own and the clone's scores (bans,
     * locations; colocations are not applied yet when Pacemaker sorts the instances). A cloned
     * group's own scores are the group's, not its members' (whose stickiness, or a node in
     * maintenance, does not count here).
     */
    private boolean activeWhereUnwelcome(Resource instance) {
        Node current = currentNode(instance);
        if (current == null) {
            return false;
        }
        Integer cloneScore = clone.allowedNodes().get(current);
        Integer own = instance.allowedNodes().get(current);
        return cloneScore == null || Score.add(cloneScore, own == null ? 0 : own) < 0;
    }

    /**
     * An instance's priority as Pacemaker orders instances by it: its own, raised to the best
     * promotion score it has recorded on a node that can run it.
     */
    private int priority(Resource instance) {
        int priority = instance.priority();
        if (clone.promotable()) {
            Map<Node, Integer> own = assigner.ownTable(instance);
            for (Node n : cloneTable.keySet()) {
                // Pacemaker counts a promotion score only where the instance's own locations (its
                // clone's with them) allow it, before any colocation
                boolean allowed = Score.add(clone.score(n), own.getOrDefault(n, 0)) >= 0;
                Integer recorded = n.canRunResources() && allowed ? PromotionPreference.recorded(clone, instance, n) : null;
                if (recorded != null && recorded > priority) {
                    priority = recorded;
                }
            }
        }
        return priority;
    }

    /**
     * The node an instance runs on now, or null: for a group, the one of its members' nodes whose
     * status Pacemaker reads first (it records a group as running where a member is found active,
     * node by node), not its first member's.
     */
    static Node currentNode(Resource instance) {
        Node first = null;
        for (Primitive p : instance.primitives()) {
            Node n = p.currentNode();
            if (n != null && (first == null || n.statusOrder() < first.statusOrder())) {
                first = n;
            }
        }
        return first;
    }

    /** Places an instance on a node; score: its score there (0 when it stays without being weighed). */
    private void place(Resource instance, Node n, int score) {
        assignAt(instance, n, score);
        perNode.merge(n, 1, Integer::sum);
        placed++;
    }

    private void assignAt(Resource instance, Node n, int score) {
        Role role = clone.promotable() ? Role.UNPROMOTED : Role.STARTED;
        // one left where it is past clone-max is never assigned: its node does not count it
        boolean counted = !leftBeyondLimit.contains(instance);
        if (instance instanceof Group g) {
            Node node = n;
            boolean followsLeftAlone = false;
            // fencing on without a device, Pacemaker leaves each member unmanaged: it stays where
            // it runs (or stopped), whatever its scores, disabled too
            boolean eachWhereItRuns = assigner.fencingWithoutDevice();
            for (Primitive m : g.children()) {
                if (leftAlone(m) || eachWhereItRuns) {
                    // it stays where it runs, and the members after it follow it there
                    node = m.currentNode();
                    followsLeftAlone = true;
                    stay(m, node, role, counted);
                    m.setAssignedScore(0);
                    continue;
                }
                Integer w = node == null ? null : m.allowedNodes().get(node);
                // a managed member cannot start where nothing may run (an unmanaged one before it
                // may keep the instance on a node in maintenance)
                boolean cannotStart = node != null && m.managed() && !m.blocked() && !node.canRunResources();
                if (node != null && (w == null || w < 0 || cannotStart || m.stopOnly()
                        || m.targetRole() == Role.STOPPED
                        || followsLeftAlone && !instanceMayRunOn(instance, node))) {
                    node = null;
                }
                m.assign(node, role);
                m.setAssignedScore(node == null ? 0 : score);
            }
        } else if (instance instanceof Primitive p) {
            stay(p, n, role, counted);
            p.setAssignedScore(n == null ? 0 : score);
        }
    }

    private static void stay(Primitive p, Node node, Role role, boolean counted) {
        if (counted) {
            p.assign(node, role);
        } else {
            p.leaveUncounted(node, role);
        }
    }

    /**
     * Whether the clone lets the instance run on the node as Pacemaker bans an instance's nodes
     * (all members' scores with it) just before placing it: not where nothing may run, the
     * clone's scores are negative or clone-node-max instances are placed already, nowhere for an
     * orphan or once clone-max instances are placed. A member left alone stays where it runs
     * whatever these say, but the members after it, bound to it, go there only if allowed.
     */
    private boolean instanceMayRunOn(Resource instance, Node node) {
        return !leftBeyondLimit.contains(instance) && !orphan(instance) && node.canRunResources()
                && cloneScores.getOrDefault(node, -1) >= 0 && fits(node, clone.cloneNodeMax());
    }

    private static void stop(Resource instance) {
        for (Primitive p : instance.primitives()) {
            p.assign(null, Role.STOPPED);
        }
    }
}
