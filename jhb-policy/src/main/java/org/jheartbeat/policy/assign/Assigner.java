package org.jheartbeat.policy.assign;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Colocation;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;

/**
 * Decides where every resource runs: node scores from locations, stickiness and failures,
 * colocations (primaries placed first, dependents' preferences pulled in), then the best node,
 * with Pacemaker's tie-breaks (current node, fewer resources, name).
 */
public final class Assigner {

    private final Cluster cluster;
    private final String strategy;
    private final Promotion promotion;
    private final Set<Resource> merging = new HashSet<>();
    /** Colocations already in their dependent's scores (see {@link #assign}), not to be counted twice. */
    private final Set<Colocation> applied = new HashSet<>();

    public Assigner(Cluster cluster) {
        this.cluster = cluster;
        this.strategy = cluster.options().placementStrategy();
        this.promotion = new Promotion(cluster, this);
    }

    public void run() {
        new InitialScores(cluster).apply();
        for (Resource r : new AssignmentOrder(this, cluster).sorted()) {
            assign(r);
        }
    }

    void assign(Resource r) {
        if (r.isAssigned() || r.isAssigning()) {
            return;
        }
        r.setAssigning(true);
        for (Colocation c : r.asDependent()) {
            if (c.primary().top() != r.top() || c.primary().parent() == null) {
                assign(c.primary().top() == c.primary() ? c.primary() : c.primary().top());
                // A primitive takes each placed primary into its scores at once, so the next
                // primary it depends on sees them among this dependent's preferences.
                if (r instanceof Primitive && r.parent() == null && c.primary().isAssigned() && applied.add(c)) {
                    r.allowedNodes().putAll(applyPrimary(c, r.allowedNodes()));
                }
            }
        }
        if (r instanceof Primitive p) {
            assignPrimitive(p);
        } else if (r instanceof Group g) {
            assignGroup(g);
        } else if (r instanceof Clone c) {
            assignClone(c);
        }
        r.setAssigning(false);
        r.setAssigned(true);
    }

    /** The scores a resource brings to the table: its own, and for a group its members' together. */
    Map<Node, Integer> ownTable(Resource r) {
        if (r instanceof Group g && !g.children().isEmpty()) {
            Map<Node, Integer> table = NodeWeights.copy(g.children().get(0).allowedNodes());
            for (int i = 1; i < g.children().size(); i++) {
                table = withMerged(table, g.children().get(i).allowedNodes(), 1.0, null, false);
            }
            return table;
        }
        return r.allowedNodes();
    }

    private static Map<Node, Integer> withMerged(Map<Node, Integer> base, Map<Node, Integer> other, double factor,
                                                 String attribute, boolean onlyPositive) {
        Map<Node, Integer> work = NodeWeights.copy(base);
        for (Map.Entry<Node, Integer> e : work.entrySet()) {
            Integer o = scoreMatching(other, e.getKey(), attribute);
            // an anti-colocation must not turn the other's dislike of a node into a liking
            if (o == null || factor < 0 && o < 0) {
                continue;
            }
            int merged = Score.add(e.getValue(), NodeWeights.colocated(o, factor));
            if (onlyPositive && merged < 0 && e.getValue() >= 0) {
                merged = 0;
            }
            e.setValue(merged);
        }
        return NodeWeights.canRunAny(work) ? work : base;
    }

    /** The other resource's score on this node, or with a node attribute its best score among nodes sharing the value. */
    private static Integer scoreMatching(Map<Node, Integer> other, Node node, String attribute) {
        if (attribute == null || "#uname".equals(attribute)) {
            Integer score = other.get(node);
            // a node that can run nothing (standby, down) offers the other nothing there
            return score != null && !node.canRunResources() ? Integer.valueOf(-Score.INFINITY) : score;
        }
        String value = node.attributes().get(attribute);
        Integer best = null;
        for (Map.Entry<Node, Integer> e : other.entrySet()) {
            if (value != null && value.equals(e.getKey().attributes().get(attribute))
                    && (best == null || e.getValue() > best)) {
                best = e.getValue();
            }
        }
        return best;
    }

    /** A resource's scores with those of the resources it must be placed with pulled in (for the assignment order). */
    Map<Node, Integer> forwardTable(Resource r, Map<Node, Integer> table, double factor, Set<Resource> seen) {
        if (!seen.add(r)) {
            return table;
        }
        Map<Node, Integer> work = table == null ? NodeWeights.copy(ownTable(r))
                : withMerged(table, ownTable(r), factor, null, false);
        if (table != null && work == table) {
            return table;
        }
        for (Colocation c : r.asDependent()) {
            if (c.score() == 0 || c.primary().parent() instanceof Group && c.primary().parent() == r.parent()) {
                continue;
            }
            work = forwardTable(c.primary(), work, NodeWeights.chained(factor, c.score()), seen);
        }
        return work;
    }

    /**
     * Pulls the preferences of everything placed relative to r into the table, weakened by each
     * colocation's score. For a clone no dependent, however far down the chain, may make a node
     * worse than it was (its instances serve many dependents).
     */
    Map<Node, Integer> mergeDependents(Resource r, Map<Node, Integer> table) {
        return mergeDependents(r, table, 1.0, r instanceof Clone);
    }

    private Map<Node, Integer> mergeDependents(Resource r, Map<Node, Integer> table, double factor,
                                               boolean onlyPositive) {
        if (!merging.add(r)) {
            return table;
        }
        Map<Node, Integer> work = table;
        for (Colocation c : r.asPrimary()) {
            if (c.score() == 0 || c.dependentRole() != null && c.dependentRole() != Role.STARTED
                    || c.primaryRole() != null && c.primaryRole() != Role.STARTED) {
                continue;
            }
            Resource dep = c.dependent();
            if (dep.isAssigned() || dep.parent() instanceof Group && dep.parent() == r.parent()) {
                continue;
            }
            work = mergeDependent(dep, work, NodeWeights.chained(factor, c.score()), c.nodeAttribute(), onlyPositive);
        }
        merging.remove(r);
        return work;
    }

    /** One dependent's scores at this factor, with everything placed relative to it. */
    private Map<Node, Integer> mergeDependent(Resource dep, Map<Node, Integer> table, double factor, String attribute,
                                              boolean onlyPositive) {
        if (dep instanceof Group g && !g.children().isEmpty()) {
            return mergeMembers(g, 0, table, factor, attribute, onlyPositive);
        }
        Map<Node, Integer> merged = withMerged(table, ownTable(dep), factor, attribute, onlyPositive);
        return merged == table ? table : mergeDependents(dep, merged, factor, onlyPositive);
    }

    /**
     * What the dependent of a colocation with a promoted role, and everything placed relative
     * to it, add to each of these nodes (0 where they are indifferent): the preferences that
     * count towards promotion there.
     */
    Map<Node, Integer> dependentPreferences(Colocation c, Iterable<Node> nodes) {
        Map<Node, Integer> zero = new java.util.LinkedHashMap<>();
        nodes.forEach(n -> zero.put(n, 0));
        return mergeDependent(c.dependent(), zero, (double) c.score() / Score.INFINITY, c.nodeAttribute(), false);
    }

    /** Applies colocations with already placed primaries to the table. */
    Map<Node, Integer> applyPrimaries(Resource r, Map<Node, Integer> table) {
        Map<Node, Integer> work = NodeWeights.copy(table);
        for (Colocation c : r.asDependent()) {
            if (!applied.contains(c)) {
                work = applyPrimary(c, work);
            }
        }
        return work;
    }

    /** The table with one colocation applied, if its primary is placed (or a group member). */
    private Map<Node, Integer> applyPrimary(Colocation c, Map<Node, Integer> table) {
        if (c.dependentRole() != null && c.dependentRole() != Role.STARTED
                || !c.primary().isAssigned() && !(c.primary().parent() instanceof Group)) {
            return table;
        }
        Map<Node, Integer> work = NodeWeights.copy(table);
        PrimaryColocation.apply(c, work);
        return work;
    }

    private void assignPrimitive(Primitive p) {
        Map<Node, Integer> table = applyPrimaries(p, p.allowedNodes());
        table = mergeDependents(p, table);
        p.allowedNodes().clear();
        p.allowedNodes().putAll(table);
        p.assign(choose(p, table), Role.STARTED);
    }

    Node choose(Primitive p, Map<Node, Integer> table) {
        if (!p.managed() || p.blocked()) {
            return p.currentNode();
        }
        if (p.stopOnly() || p.targetRole() == Role.STOPPED || p.orphan()) {
            return null;
        }
        Node roomiest = null;
        if (Capacity.enforced(strategy)) {
            roomiest = Capacity.roomiestWhereNoneFitsAll(p, table);
            table = Capacity.banInsufficient(p, table);
        }
        List<Node> nodes = NodeWeights.sorted(table, strategy, p.currentNode());
        if (nodes.isEmpty()) {
            return null;
        }
        Node best = nodes.get(0);
        int bestWeight = NodeWeights.effective(best, table.get(best));
        if (bestWeight < 0) {
            return null;
        }
        // what must come along fits nowhere: the node with the most room left, if it scores as well
        if (roomiest != null && table.containsKey(roomiest)
                && NodeWeights.effective(roomiest, table.get(roomiest)) >= bestWeight) {
            return roomiest;
        }
        return best;
    }

    /**
     * The members from index on pulled into the scores link by link: each member with what is
     * placed relative to it, the group's own dependents after the last member. The first member
     * weighs by the factor of the colocation that brought the group in; each later one follows
     * the one before it, which Pacemaker weighs at full strength (signed as the factor), so a
     * group's members after the first count whole. A member with which the scores would allow no
     * node is left out, and so is everything after it.
     */
    private Map<Node, Integer> mergeMembers(Group g, int index, Map<Node, Integer> table, double factor,
                                            String attribute, boolean onlyPositive) {
        if (index == g.children().size()) {
            return mergeDependents(g, table, factor, onlyPositive);
        }
        Primitive member = g.children().get(index);
        double f = index == 0 ? factor : NodeWeights.chained(factor, Score.INFINITY);
        Map<Node, Integer> merged = withMerged(table, member.allowedNodes(), f, index == 0 ? attribute : null,
                onlyPositive);
        if (merged == table) {
            return table;
        }
        return mergeDependents(member, mergeMembers(g, index + 1, merged, factor, attribute, onlyPositive), f,
                onlyPositive);
    }

    private void assignGroup(Group g) {
        if (g.children().isEmpty()) {
            return;
        }
        Primitive first = g.children().get(0);
        Map<Node, Integer> table = applyPrimaries(first, applyPrimaries(g, first.allowedNodes()));
        Map<Node, Integer> firstTable = mergeDependents(first, mergeMembers(g, 1, table, 1.0, null, false));
        first.allowedNodes().clear();
        first.allowedNodes().putAll(firstTable);
        first.assign(choose(first, firstTable), Role.STARTED);
        first.setAssigned(true);
        Node previous = first.assignedNode();
        boolean stopRest = previous == null;
        boolean afterUnmanaged = false;
        for (int i = 1; i < g.children().size(); i++) {
            Primitive m = g.children().get(i);
            Primitive before = g.children().get(i - 1);
            afterUnmanaged |= !before.managed() || before.blocked();
            Node chosen = null;
            if (!stopRest) {
                Map<Node, Integer> mt = applyPrimaries(m, m.allowedNodes());
                // The group's colocations reach later members through the first, which an
                // unmanaged member does not pass on: after one, the mandatory ones apply directly.
                if (afterUnmanaged) {
                    for (Colocation c : g.asDependent()) {
                        if (c.score() >= Score.INFINITY) {
                            mt = applyPrimary(c, mt);
                        }
                    }
                }
                Integer w = mt.get(previous);
                if (!m.managed() || m.blocked()) {
                    chosen = m.currentNode();
                } else if (w != null && w >= 0 && previous.canRunResources() && !m.stopOnly()
                        && m.targetRole() != Role.STOPPED) {
                    chosen = previous;
                }
            }
            m.assign(chosen, Role.STARTED);
            m.setAssigned(true);
            // each member goes with the one before it, wherever an unmanaged one has stayed
            previous = chosen;
            if (chosen == null) {
                stopRest = true;
            }
        }
    }

    private void assignClone(Clone c) {
        Map<Node, Integer> own = applyPrimaries(c, c.allowedNodes());
        Map<Node, Integer> table = mergeDependents(c, own);
        // the clone's own scores with its dependents' preferences, before the primaries' (which go to the instances)
        Map<Node, Integer> cloneScores = c.promotable() ? mergeDependents(c, c.allowedNodes()) : null;
        new CloneDistribution(this, c, table, own, strategy).distribute();
        if (c.promotable()) {
            promotion.choose(c, cloneScores);
        }
        for (Resource instance : c.children()) {
            instance.setAssigned(true);
            instance.primitives().forEach(p -> p.setAssigned(true));
        }
    }
}
