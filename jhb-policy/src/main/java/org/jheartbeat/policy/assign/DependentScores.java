package org.jheartbeat.policy.assign;

import java.util.ArrayList;
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

/**
 * Pulls the preferences of the resources placed relative to one into its node scores before it
 * is placed, the way Pacemaker 2.1.5 walks its colocations (its crm_simulate traces show each
 * step):
 * <ul>
 * <li>each dependent's scores are added, multiplied by the colocation's score / INFINITY; then
 * that dependent's own dependents are walked the same way, each step with its own colocation's
 * weight, turned round when the step before worked against the node (the steps' weights are
 * not multiplied together);</li>
 * <li>a group's members are chained by colocations of their own (each member with the one
 * before it, INFINITY): a dependent group brings its first member's scores, then along the
 * chain every later member's at full strength; what is colocated with the group counts with
 * its last member, and is walked again once the chain is done, but only once the group's own
 * placement has begun;</li>
 * <li>a resource being walked is not walked again until its step is over (so a loop stops
 * where it comes back); the resource being placed is not marked, so a loop coming back to it
 * adds its scores once more, as they stand after the dependents walked before;</li>
 * <li>a step that would leave no available node is taken back, with everything after it;</li>
 * <li>for a clone being placed, no step may take a node below zero (a node whose score would
 * turn negative ends at 1, one at zero stays at zero).</li>
 * </ul>
 * Dependents are walked in Pacemaker's order: higher priority first, clones (promotable ones
 * first) before groups before primitives, then by id.
 */
final class DependentScores {

    /** Pacemaker's mark for a node a step made unusable while only positive changes were allowed. */
    private static final int UNUSABLE = -100 * Score.INFINITY;

    private final Set<Resource> walking = new HashSet<>();
    private final Map<Resource, List<Colocation>> dependents = new HashMap<>();
    /** The same for a group's last member once the group's placement has begun. */
    private final Map<Resource, List<Colocation>> withGroupDependents = new HashMap<>();
    private final ColocationOrder order;
    /** Clones whose placement has begun, with the scores a walk that reaches them sees (see {@link #settle}). */
    private final Map<Resource, Map<Node, Integer>> settledClones = new HashMap<>();
    /** A resource whose dependents' preferences are being pulled in, with its scores so far (see {@link #merge}). */
    private final Map<Resource, Map<Node, Integer>> beingMerged = new HashMap<>();

    DependentScores(ColocationOrder order) {
        this.order = order;
    }

    /**
     * A copy of r's table with its dependents' preferences pulled in; r itself stays unmarked.
     * Pacemaker replaces r's scores after each dependent's, so a walk coming back to r finds
     * what the dependents before added (the later walk adds it once more, or takes it off
     * through a dislike).
     */
    Map<Node, Integer> merge(Resource r, Map<Node, Integer> table) {
        boolean onlyPositive = r instanceof Clone;
        Map<Node, Integer> work = NodeWeights.copy(table);
        List<Colocation> colocations = dependentsOf(r);
        for (int i = 0; i < colocations.size(); i++) {
            Colocation c = colocations.get(i);
            work = add(c.dependent(), work, c.nodeAttribute(), (float) c.score() / Score.INFINITY, onlyPositive);
            if (i < colocations.size() - 1) {
                beingMerged.put(r, NodeWeights.copy(work));
            }
        }
        beingMerged.remove(r);
        return work;
    }

    /**
     * From now on a walk that reaches the clone adds these scores, not the clone's own:
     * Pacemaker replaces a clone's scores by those with its dependents' preferences pulled in
     * before it places the instances, so that an instance's walk coming back to its clone
     * (through a resource colocated with the clone that the clone is colocated with in turn)
     * finds a node the clone's locations favour but its dependents reject at 1, not at the
     * location's INFINITY.
     */
    void settle(Clone clone, Map<Node, Integer> scores) {
        settledClones.put(clone, NodeWeights.copy(scores));
    }

    /**
     * The clone's dependents' preferences pulled into one of its instances' scores, as Pacemaker
     * hands them to each instance it places (each step taken back if it leaves no node): all of
     * them only when some nodes get no instance, else only those against the clone; as many
     * times as they were handed over.
     */
    Map<Node, Integer> mergeForInstance(Clone clone, Map<Node, Integer> table, boolean all, int times) {
        Map<Node, Integer> work = NodeWeights.copy(table);
        for (int i = 0; i < times; i++) {
            for (Colocation c : dependentsOf(clone)) {
                if (all || c.score() < 0) {
                    work = add(c.dependent(), work, c.nodeAttribute(), (float) c.score() / Score.INFINITY, false);
                }
            }
        }
        return work;
    }

    /**
     * Another resource's preferences (with what is placed relative to it) pulled into a copy of
     * owner's table, owner marked as being walked: how Pacemaker weighs the nodes of a
     * promotable clone's instances by what must go with its promoted role. Without rollback the
     * result stands even when it leaves no available node.
     */
    Map<Node, Integer> pullIn(Resource owner, Resource other, Map<Node, Integer> table, String attribute, float factor,
                              boolean onlyPositive, boolean rollback) {
        boolean marked = walking.add(owner);
        Map<Node, Integer> work = add(other, NodeWeights.copy(table), attribute, factor, onlyPositive, rollback);
        if (marked) {
            walking.remove(owner);
        }
        return work;
    }

    /**
     * What a clone's colocations give one node, from nothing: the primaries' scores (with what
     * is placed relative to them), then the dependents' (never below zero). Pacemaker orders two
     * active instances by this, for the node each runs on, when nothing else tells them apart.
     */
    int colocationScoreOn(Clone clone, Resource instance, Node node) {
        Map<Node, Integer> table = new LinkedHashMap<>();
        table.put(node, 0);
        for (Colocation c : order.byPrimary(clone.asDependent())) {
            table = pullIn(instance, c.primary(), table, c.nodeAttribute(), (float) c.score() / Score.INFINITY,
                    false, false);
        }
        for (Colocation c : order.byDependent(clone.asPrimary())) {
            table = pullIn(instance, c.dependent(), table, c.nodeAttribute(), (float) c.score() / Score.INFINITY,
                    true, false);
        }
        return table.get(node);
    }

    private Map<Node, Integer> add(Resource dependent, Map<Node, Integer> table, String attribute, float factor,
                                   boolean onlyPositive) {
        return add(dependent, table, attribute, factor, onlyPositive, true);
    }

    /**
     * One step of the walk, made in {@code work} itself, which it returns: what the step added is
     * taken back by restoring the values it had (the nodes never change), not by working on a
     * copy at every step (at 10,000 resources the copies were a third of what placement
     * allocated).
     */
    private Map<Node, Integer> add(Resource dependent, Map<Node, Integer> work, String attribute, float factor,
                                   boolean onlyPositive, boolean rollback) {
        if (!walking.add(dependent)) {
            return work;
        }
        Integer[] before = rollback ? work.values().toArray(new Integer[work.size()]) : null;
        if (dependent instanceof Group g && !g.children().isEmpty()) {
            add(g.children().get(0), work, attribute, factor, onlyPositive, rollback);
        } else {
            addScores(work, scoresOf(dependent), attribute, factor, onlyPositive);
        }
        if (NodeWeights.canRunAny(work)) {
            int sign = factor < 0 ? -1 : 1;
            for (Colocation c : dependentsOf(dependent)) {
                add(c.dependent(), work, c.nodeAttribute(), (float) (sign * c.score()) / Score.INFINITY, onlyPositive);
            }
        } else if (rollback) {
            restore(work, before);
            walking.remove(dependent);
            return work;
        }
        if (onlyPositive) {
            work.replaceAll((node, w) -> w == UNUSABLE ? 1 : w);
        }
        walking.remove(dependent);
        return work;
    }

    /** The scores a walk reaching the resource adds: those so far while it is being merged, a placed clone's merged ones, else its own. */
    private Map<Node, Integer> scoresOf(Resource r) {
        Map<Node, Integer> merging = beingMerged.get(r);
        if (merging != null) {
            return merging;
        }
        return settledClones.getOrDefault(r, r.allowedNodes());
    }

    private static void restore(Map<Node, Integer> work, Integer[] values) {
        int i = 0;
        for (Map.Entry<Node, Integer> e : work.entrySet()) {
            e.setValue(values[i++]);
        }
    }

    /**
     * Adds other's scores to the table, weighted: for each node the best score other has on an
     * available node with the same value of the attribute (the same node without one), -INFINITY
     * when there is none. A dislike is never turned into a liking; a non-zero score a small
     * weight rounds away still counts 1.
     */
    private static void addScores(Map<Node, Integer> work, Map<Node, Integer> other, String attribute, float factor,
                                  boolean onlyPositive) {
        for (Map.Entry<Node, Integer> e : work.entrySet()) {
            int current = e.getValue();
            int score = bestMatching(other, e.getKey(), attribute);
            if (factor < 0 && score < 0 || current == UNUSABLE) {
                continue;
            }
            double weighted = factor * score;
            int weight = (int) (weighted < 0 ? weighted - 0.5 : weighted + 0.5);
            if (weight == 0 && score != 0) {
                weight = factor > 0 ? 1 : factor < 0 ? -1 : 0;
            }
            int sum = Score.add(weight, current);
            if (onlyPositive && sum < 0 && current > 0) {
                e.setValue(UNUSABLE);
            } else if (!(onlyPositive && sum < 0 && current == 0)) {
                e.setValue(sum);
            }
        }
    }

    private static int bestMatching(Map<Node, Integer> other, Node node, String attribute) {
        boolean byName = attribute == null || "#uname".equals(attribute);
        if (byName) {
            // Node names are unique within a cluster, so by name the only match is the node
            // itself: one look-up instead of a walk over every node for every node (this runs for
            // each step of each colocation chain, and at 10,000 resources was most of placing them).
            Integer own = other.get(node);
            if (own != null) {
                return own > -Score.INFINITY && node.canRunResources() ? own : -Score.INFINITY;
            }
        }
        String value = byName ? node.name() : node.attributes().get(attribute);
        int best = -Score.INFINITY;
        for (Map.Entry<Node, Integer> e : other.entrySet()) {
            Node candidate = e.getKey();
            String candidateValue = byName ? candidate.name() : candidate.attributes().get(attribute);
            if (e.getValue() > best && candidate.canRunResources() && value != null && value.equals(candidateValue)) {
                best = e.getValue();
            }
        }
        return best;
    }

    /**
     * What is placed relative to r, in Pacemaker's order (see {@link ColocationOrder}): its
     * colocations as primary; for a group member the next member's colocation with it; for a
     * group's last member also what is colocated with the group, once the group is being placed
     * or placed; for a group, what its last member has.
     */
    private List<Colocation> dependentsOf(Resource r) {
        if (r instanceof Group g) {
            return g.children().isEmpty() ? List.of() : dependentsOf(g.children().get(g.children().size() - 1));
        }
        boolean withGroup = r.parent() instanceof Group g && g.colocated()
                && g.children().indexOf(r) == g.children().size() - 1 && (g.isAssigning() || g.isAssigned());
        // the same for as long as the group's placement has or has not begun, and asked for at
        // every step of every walk: worked out and ordered once for each
        Map<Resource, List<Colocation>> known = withGroup ? withGroupDependents : dependents;
        List<Colocation> colocations = known.get(r);
        if (colocations == null) {
            colocations = ordered(r, withGroup);
            known.put(r, colocations);
        }
        return colocations;
    }

    /**
     * A primitive's, as {@link #dependentsOf}: a group's last member has what is colocated with
     * the group only {@code withGroup}: Pacemaker hands a group's colocations as primary to its
     * last member when it starts placing the group, so a walk that reaches a group not placed
     * yet, through another resource, does not see them.
     */
    private List<Colocation> ordered(Resource r, boolean withGroup) {
        List<Colocation> colocations = new ArrayList<>(r.asPrimary());
        if (r.parent() instanceof Group g && g.colocated()) {
            List<Primitive> members = g.children();
            int index = members.indexOf(r);
            if (index < members.size() - 1) {
                colocations.add(new Colocation(g.id() + ":internal", members.get(index + 1), r, Score.INFINITY,
                        null, null, null));
            } else if (withGroup) {
                colocations.addAll(g.asPrimary());
            }
        }
        return order.byDependent(colocations);
    }
}
