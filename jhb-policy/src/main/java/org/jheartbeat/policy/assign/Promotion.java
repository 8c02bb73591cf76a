package org.jheartbeat.policy.assign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Colocation;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Location;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;

/**
 * Picks which placed instances of a promotable clone are promoted, the way Pacemaker 2.1.5 does
 * once the instances are placed:
 * <ol>
 * <li>each placed instance gets a promotion priority: the agent's recorded promotion score
 * there (-1 when it recorded none), plus the clone's role=Promoted locations for that node,
 * plus the clone's colocations that are bound to a role (a Promoted one with a primary placed
 * elsewhere forbids promotion, an Unpromoted one counts against it); an instance whose target
 * role is Unpromoted or Stopped gets -INFINITY;</li>
 * <li>the clone's node scores (with its dependents' preferences) get each instance's priority
 * added on its node, then the preferences of what the promoted role is colocated with, and of
 * what is colocated with the promoted role (which may not take a node below zero: a node it
 * would make negative ends at 1); each instance's sort score is its node's score;</li>
 * <li>instances are taken by sort score, then current role, then as clone instances are
 * ordered; one is promoted while promoted-max allows, unless its sort score or priority is
 * negative, its node cannot run resources or already has promoted-node-max promoted
 * instances. Unmanaged instances keep their role.</li>
 * </ol>
 */
final class Promotion {

    private final DependentScores dependentScores;
    /** Without quorum under no-quorum-policy=freeze: nothing not promoted now is promoted. */
    private final boolean frozen;

    Promotion(DependentScores dependentScores, boolean frozen) {
        this.dependentScores = dependentScores;
        this.frozen = frozen;
    }

    /**
     * @param cloneTable the clone's node scores its instances were placed by (with its dependents' preferences)
     * @param distribution how the instances were placed, which decides what colocations they count
     * @return the clone's node scores as promotion leaves them (each instance's priority and what
     *         goes with the promoted role added), which Pacemaker keeps as the clone's scores
     */
    Map<Node, Integer> choose(Clone clone, Map<Node, Integer> cloneTable, CloneDistribution distribution) {
        List<Candidate> candidates = new ArrayList<>();
        for (Resource instance : clone.children()) {
            // one left where it is past clone-max has no node Pacemaker would promote it on
            Node node = distribution.leftBeyondLimit(instance) ? null
                    : Placement.nodesOf(instance, null).stream().findFirst().orElse(null);
            int priority = node == null ? 0 : priority(clone, instance, node, distribution);
            candidates.add(new Candidate(instance, node, priority, priority, candidates.size()));
        }
        Map<Node, Integer> weights = nodeWeights(clone, cloneTable, candidates);
        List<Candidate> sorted = new ArrayList<>();
        for (Candidate c : candidates) {
            int sortIndex = c.sortIndex;
            if (CloneDistribution.fixed(c.instance) && currentRole(c.instance) == Role.PROMOTED) {
                sortIndex = Score.INFINITY;
            } else if (c.node != null && sortIndex >= 0) {
                sortIndex = weights.getOrDefault(c.node, sortIndex);
            }
            sorted.add(new Candidate(c.instance, c.node, c.priority, sortIndex, c.order));
        }
        sorted.sort(Comparator.comparingInt((Candidate c) -> -c.sortIndex)
                .thenComparing((Candidate c) -> currentRole(c.instance), Comparator.reverseOrder())
                .thenComparing((a, b) -> instanceOrder(clone, a, b, distribution)));
        clone.setPlacementOrder(sorted.stream().map(Candidate::instance).toList());
        int promoted = 0;
        Map<Node, Integer> perNode = new HashMap<>();
        for (Candidate c : sorted) {
            boolean promote = c.sortIndex >= 0 && (promoted < clone.promotedMax() || !clone.managed())
                    && promotable(clone, c, perNode)
                    // frozen, one chosen that is not promoted now stays unpromoted and takes no
                    // promoted place, which the next in order may have
                    && !(frozen && currentRole(c.instance) != Role.PROMOTED);
            if (promote) {
                promoted++;
                perNode.merge(c.node, 1, Integer::sum);
            }
            clone.promotionScores().put(c.instance, c.sortIndex);
            for (Primitive p : c.instance.primitives()) {
                if (p.assignedNode() != null) {
                    p.setNextRole(promote ? Role.PROMOTED : Role.UNPROMOTED);
                }
            }
        }
        return weights;
    }

    /** An instance's promotion priority on the node it was placed on. */
    private int priority(Clone clone, Resource instance, Node node, CloneDistribution distribution) {
        Role target = instance.targetRole() != Role.UNKNOWN ? instance.targetRole() : clone.targetRole();
        int priority;
        // a cloned group with a member placed nowhere is on its way to Stopped as a whole
        boolean memberStopped = instance.primitives().stream().anyMatch(p -> p.assignedNode() == null);
        if (target == Role.UNPROMOTED || target == Role.STOPPED || memberStopped) {
            priority = -Score.INFINITY;
        } else {
            Integer recorded = PromotionPreference.recorded(clone, instance, node);
            priority = recorded == null ? -1 : recorded;
        }
        for (Location loc : clone.locations()) {
            if (loc.role() == Role.PROMOTED && loc.scores().containsKey(node)) {
                priority = Score.add(priority, loc.scores().get(node));
            }
        }
        for (Colocation c : clone.asDependent()) {
            if (c.dependentRole() == Role.PROMOTED || c.dependentRole() == Role.UNPROMOTED) {
                // it counts as often as the instance was handed it when placed (Pacemaker's
                // instances weigh the colocations they were given)
                for (int i = distribution.timesHandedOver(c, instance); i > 0; i--) {
                    priority = colocationPriority(c, node, priority);
                }
            }
        }
        return priority;
    }

    /**
     * What a role-bound colocation of the clone does to an instance's priority on its node. The
     * promoted role with a role of a promotable clone (Promoted or Unpromoted) looks for an
     * instance of the primary in that role on the node, interleaved or not: found, it adds the
     * score; not found, a mandatory one forbids promotion (Pacemaker handles such a colocation
     * before interleaving).
     */
    private static int colocationPriority(Colocation c, Node node, int priority) {
        Resource primary = c.primary();
        boolean withPrimaryRole = primary instanceof Clone primaryClone && primaryClone.promotable()
                && !c.anyPrimaryRole();
        if (withPrimaryRole && (c.primaryRole() == Role.PROMOTED || c.dependentRole() == Role.PROMOTED)) {
            if (c.dependentRole() != Role.PROMOTED) {
                return priority;
            }
            boolean compatible = Placement.matches(node, Placement.nodesOf(primary, c.primaryRole()), c.nodeAttribute());
            if (!compatible && c.score() >= Score.INFINITY) {
                return -Score.INFINITY;
            }
            return compatible ? Score.add(priority, c.score()) : priority;
        }
        if (primary instanceof Clone primaryClone && PrimaryColocation.interleaved(c)) {
            // an interleaved instance counts only the primary's instance it is paired with
            Resource paired = PrimaryColocation.pairedOn(primaryClone, node);
            return paired == null ? priority : influence(c, node, primaryNode(paired), nextRole(paired), priority);
        }
        if (primary instanceof Clone primaryClone) {
            if (c.score() >= Score.INFINITY) {
                return priority;
            }
            int result = priority;
            for (Resource instance : primaryClone.children()) {
                result = influence(c, node, primaryNode(instance), nextRole(instance), result);
            }
            return result;
        }
        return influence(c, node, primaryNode(primary), nextRole(primary), priority);
    }

    /**
     * A role-bound colocation with one placed primary (or primary instance): on its node it adds
     * the score (takes it off for the Unpromoted role); elsewhere a mandatory one for the
     * Promoted role forbids promotion.
     */
    private static int influence(Colocation c, Node node, Node primaryNode, Role primaryRole, int priority) {
        if (primaryNode == null) {
            return priority;
        }
        if (!Placement.matches(node, Set.of(primaryNode), c.nodeAttribute())) {
            return c.score() >= Score.INFINITY && c.dependentRole() == Role.PROMOTED ? -Score.INFINITY : priority;
        }
        // Started, as no role, names any role of the primary's
        if (!c.anyPrimaryRole() && c.primaryRole() != primaryRole) {
            return priority;
        }
        int multiplier = c.dependentRole() == Role.UNPROMOTED ? -1 : 1;
        return Score.add(multiplier * c.score(), priority);
    }

    private static Node primaryNode(Resource r) {
        if (r instanceof Group g) {
            return g.children().isEmpty() ? null : g.children().get(0).assignedNode();
        }
        return r instanceof Primitive p ? p.assignedNode() : null;
    }

    private static Role nextRole(Resource r) {
        return highest(r, Primitive::nextRole);
    }

    private static Role currentRole(Resource instance) {
        return highest(instance, Primitive::currentRole);
    }

    /** The highest of the resource's primitives' roles. */
    private static Role highest(Resource r, Function<Primitive, Role> role) {
        Role best = Role.STOPPED;
        for (Primitive p : r.primitives()) {
            if (role.apply(p).compareTo(best) > 0) {
                best = role.apply(p);
            }
        }
        return best;
    }

    /**
     * The clone's node scores with each instance's priority on its node and the preferences of
     * what goes with the promoted role.
     */
    private Map<Node, Integer> nodeWeights(Clone clone, Map<Node, Integer> cloneTable, List<Candidate> candidates) {
        Map<Node, Integer> weights = NodeWeights.copy(cloneTable);
        for (Candidate c : candidates) {
            if (c.sortIndex >= 0 && c.node != null && weights.containsKey(c.node)) {
                weights.put(c.node, Score.add(c.sortIndex, weights.get(c.node)));
            }
        }
        for (Colocation c : clone.asDependent()) {
            if (c.dependentRole() == Role.PROMOTED) {
                weights = dependentScores.pullIn(clone, c.primary(), weights, c.nodeAttribute(),
                        (float) c.score() / Score.INFINITY, false, c.score() < Score.INFINITY);
            }
        }
        for (Colocation c : clone.asPrimary()) {
            if (c.primaryRole() == Role.PROMOTED) {
                weights = dependentScores.pullIn(clone, c.dependent(), weights, c.nodeAttribute(),
                        (float) c.score() / Score.INFINITY, true, true);
            }
        }
        return weights;
    }

    /** Whether the instance may be promoted where it was placed (Pacemaker's node_to_be_promoted_on). */
    private boolean promotable(Clone clone, Candidate c, Map<Node, Integer> perNode) {
        if (c.node == null) {
            return false;
        }
        if (CloneDistribution.fixed(c.instance)) {
            return currentRole(c.instance) == Role.PROMOTED;
        }
        if (c.priority < 0 || !c.node.canRunResources()) {
            return false;
        }
        return perNode.getOrDefault(c.node, 0) < clone.promotedNodeMax();
    }

    /**
     * Pacemaker's order of clone instances among equals: less multiply active first, then
     * higher priority, active before inactive, on a node that can run resources first, healthy
     * before failed, then the one whose node the clone's colocations score higher (see {@link
     * DependentScores#colocationScoreOn}: the primaries' scores count, not where they were
     * placed), then by instance number. Past the priority, an instance counts as active
     * only where the scores it was placed by still allow it (one moving away from a node it is
     * now kept from counts as inactive).
     */
    private int instanceOrder(Clone clone, Candidate a, Candidate b, CloneDistribution distribution) {
        int countA = activeCount(a.instance);
        int countB = activeCount(b.instance);
        if (countA > 0 && countB > 0 && countA != countB) {
            return Integer.compare(countA, countB);
        }
        if (a.priority != b.priority) {
            return a.priority > b.priority ? -1 : 1;
        }
        boolean activeA = countA > 0 && distribution.welcomeWhereItRuns(a.instance);
        boolean activeB = countB > 0 && distribution.welcomeWhereItRuns(b.instance);
        if (activeA != activeB) {
            return activeA ? -1 : 1;
        }
        if (!activeA) {
            return Integer.compare(a.order, b.order);
        }
        boolean canA = CloneDistribution.currentNode(a.instance).canRunResources();
        boolean canB = CloneDistribution.currentNode(b.instance).canRunResources();
        if (canA != canB) {
            return canA ? -1 : 1;
        }
        boolean failedA = a.instance.primitives().stream().anyMatch(Primitive::failed);
        boolean failedB = b.instance.primitives().stream().anyMatch(Primitive::failed);
        if (failedA != failedB) {
            return failedA ? 1 : -1;
        }
        int colocatedA = dependentScores.colocationScoreOn(clone, a.instance, CloneDistribution.currentNode(a.instance));
        int colocatedB = dependentScores.colocationScoreOn(clone, b.instance, CloneDistribution.currentNode(b.instance));
        if (colocatedA != colocatedB) {
            return colocatedA > colocatedB ? -1 : 1;
        }
        return Integer.compare(a.order, b.order);
    }

    private static int activeCount(Resource instance) {
        int max = 0;
        for (Primitive p : instance.primitives()) {
            max = Math.max(max, p.active().size());
        }
        return max;
    }

    private record Candidate(Resource instance, Node node, int priority, int sortIndex, int order) {
    }
}
