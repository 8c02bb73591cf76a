package org.jheartbeat.policy.assign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Colocation;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;

/**
 * What a colocation with a primary that has been placed does to the dependent's node scores,
 * as Pacemaker works it out:
 * <ul>
 * <li>INFINITY keeps only the nodes where the primary is; for a group, where its last member
 * is (the whole group must be up), so a group that cannot fully start leaves nowhere;</li>
 * <li>-INFINITY bans the nodes where the primary is (a group's first member, any instance of a
 * clone);</li>
 * <li>a finite score counts once for each part of the primary (the primitive, a group's first
 * member, each instance of a clone): added on the nodes where that part is or, when the part is
 * placed nowhere and the score is positive, taken off every node; a part whose share would
 * leave the dependent no node to run on is left out (with a role: added where the part has
 * that role, and a dislike that would leave no node taken back whole).</li>
 * </ul>
 * A clone's finite colocation (which Pacemaker applies to each instance as it places it) takes
 * nothing off for a part placed nowhere.
 */
final class PrimaryColocation {

    private PrimaryColocation() {
    }

    static void apply(Colocation c, Map<Node, Integer> work) {
        boolean anyRole = c.anyPrimaryRole();
        if (c.score() >= Score.INFINITY) {
            Set<Node> where = anyRole ? fullyActive(c.primary(), c.dependent()) : Placement.nodesOf(c.primary(), c.primaryRole());
            work.replaceAll((node, w) -> Placement.matches(node, where, c.nodeAttribute()) ? w : -Score.INFINITY);
            if (!anyRole && addsInstanceScores(c)) {
                instanceScores((Clone) c.primary(), c.primaryRole())
                        .forEach((node, score) -> work.computeIfPresent(node, (n, w) -> Score.add(w, score)));
            }
        } else if (c.score() <= -Score.INFINITY) {
            Set<Node> where = Placement.nodesOf(c.primary(), c.primaryRole());
            work.replaceAll((node, w) -> Placement.matches(node, where, c.nodeAttribute()) ? -Score.INFINITY : w);
        } else if (!anyRole) {
            roleShares(c, work);
        } else {
            for (Resource part : parts(c.primary())) {
                shareOf(part, c, work, !(c.dependent() instanceof Clone));
            }
        }
    }

    /**
     * A clone's colocation as Pacemaker applies it to one instance being placed (the clone's
     * dependent instances take it one by one): a finite score counts on the nodes of each of the
     * primary's parts; an interleaved clone with a clone primary is paired with one instance of
     * it, the one on the first of its nodes, best first, where one is placed, and any score
     * counts only there; a part's finite share that would leave the instance no node is left
     * out, the parts taken in the primary's order.
     */
    static void applyToInstance(Colocation c, Map<Node, Integer> work, String strategy) {
        boolean anyRole = c.anyPrimaryRole();
        boolean interleaved = anyRole && interleaved(c);
        if (!interleaved && (c.score() >= Score.INFINITY || c.score() <= -Score.INFINITY || !anyRole)) {
            apply(c, work);
            return;
        }
        List<Resource> parts = interleaved ? paired((Clone) c.primary(), work, strategy) : parts(c.primary());
        if (c.score() >= Score.INFINITY) {
            Set<Node> where = new LinkedHashSet<>();
            parts.forEach(part -> where.addAll(fullyActive(part, c.dependent())));
            work.replaceAll((node, w) -> Placement.matches(node, where, c.nodeAttribute()) ? w : -Score.INFINITY);
        } else if (c.score() <= -Score.INFINITY) {
            for (Resource part : parts) {
                Set<Node> where = Placement.nodesOf(part, null);
                work.replaceAll((node, w) -> Placement.matches(node, where, c.nodeAttribute()) ? -Score.INFINITY : w);
            }
        } else {
            for (Resource part : parts) {
                shareOf(part, c, work, false);
            }
        }
    }

    /**
     * Whether a mandatory colocation with a role of a promotable clone also adds, on each node
     * where an instance has that role, the score that instance was placed with: Pacemaker merges
     * the nodes it keeps with their scores into the dependent's, except for promoted with
     * promoted (which must let dependent instances start unpromoted anywhere).
     */
    private static boolean addsInstanceScores(Colocation c) {
        return c.primary() instanceof Clone clone && clone.promotable()
                && !(c.primaryRole() == Role.PROMOTED && c.dependentRole() == Role.PROMOTED);
    }

    /** The score each of the clone's instances with the role was placed with, by node (the last instance on a node counts). */
    private static Map<Node, Integer> instanceScores(Clone clone, Role role) {
        Map<Node, Integer> scores = new LinkedHashMap<>();
        for (Resource instance : clone.children()) {
            List<Primitive> primitives = instance.primitives();
            if (!primitives.isEmpty()) {
                Primitive first = primitives.get(0);
                Placement.nodesOf(instance, role).forEach(node -> scores.put(node, first.assignedScore()));
            }
        }
        return scores;
    }

    /** An interleaved clone colocated with a clone that runs as many instances per node. */
    static boolean interleaved(Colocation c) {
        return c.dependent() instanceof Clone d && d.interleave() && c.primary() instanceof Clone p
                && d.cloneNodeMax() == p.cloneNodeMax();
    }

    /** The primary's instance an instance with these scores is paired with, if any. */
    private static List<Resource> paired(Clone primary, Map<Node, Integer> work, String strategy) {
        for (Node node : NodeWeights.sorted(work, strategy)) {
            Resource instance = pairedOn(primary, node);
            if (instance != null) {
                return List.of(instance);
            }
        }
        return List.of();
    }

    /** The primary's instance (not blocked) an interleaved instance on this node is paired with, or null. */
    static Resource pairedOn(Clone primary, Node node) {
        for (Resource instance : primary.children()) {
            boolean blocked = instance.primitives().stream().anyMatch(Primitive::blocked);
            if (!blocked && node.equals(assignedNode(instance))) {
                return instance;
            }
        }
        return null;
    }

    /** The one node an instance's placed parts (a cloned group's members) are on, or null. */
    private static Node assignedNode(Resource instance) {
        Set<Node> nodes = new LinkedHashSet<>();
        instance.primitives().forEach(p -> nodes.addAll(Placement.nodesOf(p, null)));
        return nodes.size() == 1 ? nodes.iterator().next() : null;
    }

    /**
     * One part's share of a finite colocation, left out if it would leave no node to run on; a
     * part placed nowhere takes the score off every node only when offCounts.
     */
    private static void shareOf(Resource part, Colocation c, Map<Node, Integer> work, boolean offCounts) {
        Set<Node> where = Placement.nodesOf(part, null);
        if (where.isEmpty() && (c.score() < 0 || !part.isAssigned() || !offCounts)) {
            return;
        }
        addUnlessNoNodeLeft(work, (node, w) -> where.isEmpty() ? Score.add(w, -c.score())
                : Placement.matches(node, where, c.nodeAttribute()) ? Score.add(w, c.score()) : w);
    }

    /**
     * A finite colocation with a role: the score added where each part has that role, as often
     * as parts have it there. A dislike that would leave no node is taken back whole (not share
     * by share: Pacemaker keeps the scores from before the colocation), a liking is kept.
     */
    private static void roleShares(Colocation c, Map<Node, Integer> work) {
        Map<Node, Integer> before = NodeWeights.copy(work);
        for (Resource part : parts(c.primary())) {
            Set<Node> where = Placement.nodesOf(part, c.primaryRole());
            if (!where.isEmpty()) {
                work.replaceAll((node, w) -> Placement.matches(node, where, c.nodeAttribute()) ? Score.add(w, c.score()) : w);
            }
        }
        if (c.score() < 0 && !NodeWeights.canRunAny(work)) {
            work.putAll(before);
        }
    }

    private static void addUnlessNoNodeLeft(Map<Node, Integer> work, BiFunction<Node, Integer, Integer> change) {
        Map<Node, Integer> shared = NodeWeights.copy(work);
        shared.replaceAll(change);
        if (NodeWeights.canRunAny(shared)) {
            work.putAll(shared);
        }
    }

    private static List<Resource> parts(Resource primary) {
        if (primary instanceof Clone clone) {
            return new ArrayList<>(clone.instancesInPlacementOrder());
        }
        return List.of(primary);
    }

    /**
     * Where the primary is entirely: a group where its last member is; a clone wherever an
     * instance is, entirely for an interleaved clone's instances (each is paired with the
     * primary's instance on its node, which must be whole) and otherwise wherever any part of
     * an instance runs.
     */
    private static Set<Node> fullyActive(Resource primary, Resource dependent) {
        if (primary instanceof Group g && !g.children().isEmpty()) {
            Primitive last = g.children().get(g.children().size() - 1);
            return Placement.nodesOf(last, null);
        }
        if (primary instanceof Clone clone) {
            boolean paired = dependent instanceof Clone d && d.interleave();
            Set<Node> out = new LinkedHashSet<>();
            // an instance blocked by a failure (on-fail=block) keeps its node but is no place to run with
            clone.children().stream().filter(instance -> instance.primitives().stream().noneMatch(Primitive::blocked))
                    .forEach(instance -> out.addAll(paired ? fullyActive(instance, dependent)
                            : Placement.nodesOf(instance, null)));
            return out;
        }
        return Placement.nodesOf(primary, null);
    }
}
