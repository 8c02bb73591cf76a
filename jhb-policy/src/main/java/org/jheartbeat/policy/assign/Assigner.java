package org.jheartbeat.policy.assign;

import java.util.ArrayList;
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
    private final ColocationOrder colocationOrder;
    private final DependentScores dependentScores;

    public Assigner(Cluster cluster) {
        this.cluster = cluster;
        this.strategy = cluster.options().placementStrategy();
        this.colocationOrder = new ColocationOrder(cluster);
        this.dependentScores = new DependentScores(colocationOrder);
        this.promotion = new Promotion(dependentScores,
                !cluster.haveQuorum() && "freeze".equals(cluster.options().noQuorumPolicy()));
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
        if (r instanceof Primitive p) {
            assignPrimitive(p, colocationOrder.byPrimary(p.asDependent()));
        } else if (r instanceof Group g) {
            for (Primitive member : g.children()) {
                assignMember(g, member);
            }
        } else if (r instanceof Clone c) {
            for (Colocation colocation : colocationOrder.byPrimary(c.asDependent())) {
                placeFirst(c, colocation);
            }
            assignClone(c);
        }
        r.setAssigning(false);
        r.setAssigned(true);
    }

    /**
     * Places a colocation's primary before its dependent. A member of a group being placed (a
     * colocation loop through the group) is placed at once on its own, as Pacemaker does; one
     * being placed already is left as it is (the colocation then counts for nothing).
     */
    private void placeFirst(Resource dependent, Colocation c) {
        Resource primary = c.primary();
        if (primary instanceof Primitive member && member.parent() instanceof Group g && g.parent() == null
                && g.isAssigning()) {
            assignMember(g, member);
        } else if (primary.top() != dependent.top() || primary.parent() == null) {
            assign(primary.top());
        }
    }

    /**
     * One member of a group: the first takes the group's colocations with its own, every later
     * one follows the member before it through an INFINITY colocation of the group's own.
     */
    private void assignMember(Group g, Primitive member) {
        if (member.isAssigned() || member.isAssigning()) {
            return;
        }
        member.setAssigning(true);
        List<Colocation> colocations = new ArrayList<>(member.asDependent());
        int index = g.children().indexOf(member);
        if (index == 0) {
            assignPrimitive(member, colocationOrder.byPrimary(colocations, g.asDependent()));
        } else {
            colocations.add(new Colocation(g.id() + ":internal", member, g.children().get(index - 1), Score.INFINITY,
                    null, null, null));
            // The group's colocations reach later members through the first, which an unmanaged
            // member does not pass on: after one, the mandatory ones apply directly.
            if (g.children().subList(0, index).stream().anyMatch(m -> !m.managed() || m.blocked())) {
                g.asDependent().stream().filter(c -> c.score() >= Score.INFINITY).forEach(colocations::add);
            }
            assignPrimitive(member, colocationOrder.byPrimary(colocations));
        }
        member.setAssigning(false);
        member.setAssigned(true);
    }

    /**
     * Takes a primitive's colocations with primaries into its scores one by one, each primary
     * placed first, so that the next primary it depends on sees them among this dependent's
     * preferences (given in Pacemaker's order, see {@link ColocationOrder}).
     */
    private void applyColocations(Primitive p, List<Colocation> colocations) {
        for (Colocation c : colocations) {
            placeFirst(p, c);
            p.allowedNodes().putAll(applyPrimary(c, p.allowedNodes()));
        }
    }

    /** The scores a resource brings to the table: its own, and for a group its members' together. */
    Map<Node, Integer> ownTable(Resource r) {
        return ownTable(r, Map.of());
    }

    /**
     * As {@link #ownTable(Resource)}, for a group that also has these scores from outside (a
     * cloned group's clone): a member whose scores would leave the group no node, those from
     * outside counted, is left out, as Pacemaker's members carry their clone's scores when it
     * merges them.
     */
    Map<Node, Integer> ownTable(Resource r, Map<Node, Integer> outside) {
        if (r instanceof Group g && !g.children().isEmpty()) {
            Map<Node, Integer> table = NodeWeights.copy(g.children().get(0).allowedNodes());
            for (int i = 1; i < g.children().size(); i++) {
                Map<Node, Integer> merged = withMerged(table, g.children().get(i).allowedNodes(), 1.0, null, false);
                Map<Node, Integer> whole = NodeWeights.copy(merged);
                whole.replaceAll((node, w) -> Score.add(w, outside.getOrDefault(node, 0)));
                if (NodeWeights.canRunAny(whole)) {
                    table = merged;
                }
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
            if (c.primary().parent() instanceof Group && c.primary().parent() == r.parent()) {
                continue;
            }
            work = forwardTable(c.primary(), work, NodeWeights.chained(factor, c.score()), seen);
        }
        return work;
    }

    /** Applies colocations with already placed primaries to the table. */
    Map<Node, Integer> applyPrimaries(Resource r, Map<Node, Integer> table) {
        Map<Node, Integer> work = NodeWeights.copy(table);
        for (Colocation c : r.asDependent()) {
            work = applyPrimary(c, work);
        }
        return work;
    }

    /** Whether fencing is on without a device, which leaves what is placed where it runs (see {@link Cluster#fencingWithoutDevice}). */
    boolean fencingWithoutDevice() {
        return cluster.fencingWithoutDevice();
    }

    /** See {@link DependentScores#colocationScoreOn}. */
    int colocationScoreOn(Clone clone, Resource instance, Node node) {
        return dependentScores.colocationScoreOn(clone, instance, node);
    }

    /**
     * The clone's colocations applied to the scores of one of its instances, as Pacemaker hands
     * them to each instance it places: first those with primaries (a positive finite one only
     * when some nodes get no instance), then its dependents' preferences (see {@link
     * DependentScores#mergeForInstance}); each as many times as it was handed over (again when
     * an instance could not stay where it is and is placed afresh).
     */
    Map<Node, Integer> applyCloneColocations(Clone clone, Resource instance, Map<Node, Integer> table,
                                             boolean withPositive, int times) {
        return dependentScores.mergeForInstance(clone, applyClonePrimaries(clone, instance, table, withPositive, times),
                withPositive, times);
    }

    private Map<Node, Integer> applyClonePrimaries(Clone clone, Resource instance, Map<Node, Integer> table,
                                                   boolean withPositive, int times) {
        Map<Node, Integer> work = NodeWeights.copy(table);
        // passed down once more to a cloned group's first member, which turns the order back
        List<Colocation> colocations = instance instanceof Group
                ? colocationOrder.byPrimary(clone.asDependent())
                : colocationOrder.byPrimary(List.of(), clone.asDependent());
        for (int i = 0; i < times; i++) {
            for (Colocation c : colocations) {
                if (appliesToInstance(c, instance) && (withPositive || c.score() <= 0 || c.score() >= Score.INFINITY)) {
                    Map<Node, Integer> before = NodeWeights.copy(work);
                    PrimaryColocation.applyToInstance(c, work, strategy);
                    // a finite dislike, or one of the promoted role even mandatory, is taken back
                    // whole when it leaves no node
                    boolean revertible = c.dependentRole() == Role.PROMOTED
                            || c.score() < 0 && c.score() > -Score.INFINITY;
                    if (revertible && !NodeWeights.canRunAny(work)) {
                        work = before;
                    }
                }
            }
        }
        return work;
    }

    /**
     * Whether a clone's colocation counts when one of its instances is placed. Pacemaker weighs
     * one bound to the instance's role by the role the instance is configured to take (its
     * target-role, usually none): a liking only when that is the role, a dislike only when it
     * is not, so an anti-colocation of the promoted role keeps every instance away. One with a
     * role of the primary's too is left to promotion, unless the primary is a promotable clone
     * (see below). A mandatory one with a clone, not paired instance by instance (interleaved),
     * keeps the instance to the clone's nodes whatever role it is bound to: Pacemaker weighs the
     * role only colocating with a single resource.
     */
    private static boolean appliesToInstance(Colocation c, Resource instance) {
        if (!c.primary().isAssigned()) {
            return false;
        }
        if (c.anyDependentRole() || instance.primitives().isEmpty()) {
            return true;
        }
        if (c.score() >= Score.INFINITY && c.anyPrimaryRole() && c.primary() instanceof Clone
                && !PrimaryColocation.interleaved(c)) {
            return true;
        }
        // with a role of a promotable primary's, whatever the instance's role: Pacemaker weighs
        // it by where the primary has that role as it places the instance (a mandatory one
        // keeps the instance to those nodes, except promoted with promoted, which must let the
        // instance start unpromoted anywhere; -INFINITY bans them; a finite one counts there)
        if (!c.anyPrimaryRole() && c.primary() instanceof Clone primary && primary.promotable()) {
            return !(c.score() >= Score.INFINITY && c.dependentRole() == Role.PROMOTED
                    && c.primaryRole() == Role.PROMOTED);
        }
        if (!c.anyPrimaryRole()) {
            return false;
        }
        Role target = instance.primitives().get(0).targetRole();
        return c.score() > 0 ? target == c.dependentRole() : target != c.dependentRole();
    }

    /** Whether a colocation applies when placing its dependent: its primary is placed and the role is not for promotion. */
    private static boolean applies(Colocation c) {
        return (c.dependentRole() == null || c.dependentRole() == Role.STARTED) && c.primary().isAssigned();
    }

    /** The table with one colocation applied, if its primary is placed (or a group member). */
    private Map<Node, Integer> applyPrimary(Colocation c, Map<Node, Integer> table) {
        if (!applies(c)) {
            return table;
        }
        Map<Node, Integer> work = NodeWeights.copy(table);
        PrimaryColocation.apply(c, work);
        return work;
    }

    private void assignPrimitive(Primitive p, List<Colocation> colocations) {
        applyColocations(p, colocations);
        Map<Node, Integer> table = dependentScores.merge(p, p.allowedNodes());
        if (p.stopOnly() || p.targetRole() == Role.STOPPED || p.orphan()) {
            // on its way to Stopped: banned everywhere, which whatever is placed relative to it sees
            table.replaceAll((node, w) -> -Score.INFINITY);
        }
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
        // Among nodes tied at the best positive score the current node wins, however loaded it is
        // (a tie at 0 goes to the less loaded node: Pacemaker takes 0 as no preference at all).
        Node current = p.currentNode();
        if (bestWeight > 0 && current != null && current != best && current.canRunResources()
                && Integer.valueOf(bestWeight).equals(table.get(current))) {
            return current;
        }
        return best;
    }

    private void assignClone(Clone c) {
        Map<Node, Integer> own = applyPrimaries(c, c.allowedNodes());
        Map<Node, Integer> table = dependentScores.merge(c, own);
        // the clone's own scores with its dependents' preferences: Pacemaker applies the clone's
        // own colocations to each instance, not to these, which promotion weighs and which keep
        // every instance off a node where they are negative
        Map<Node, Integer> cloneScores = dependentScores.merge(c, c.allowedNodes());
        dependentScores.settle(c, cloneScores);
        CloneDistribution distribution = new CloneDistribution(this, c, table, cloneScores, strategy);
        distribution.distribute();
        if (c.promotable()) {
            // Pacemaker adds the promotion priorities to the clone's own scores, so what later
            // takes in this clone's scores (a promoted role colocated with it) counts them
            Map<Node, Integer> promoted = promotion.choose(c, cloneScores, distribution);
            c.allowedNodes().clear();
            c.allowedNodes().putAll(promoted);
            dependentScores.settle(c, promoted);
        }
        for (Resource instance : c.children()) {
            boolean assigned = !distribution.neverAssigned(instance);
            instance.setAssigned(assigned);
            instance.primitives().forEach(p -> p.setAssigned(assigned));
        }
    }
}
