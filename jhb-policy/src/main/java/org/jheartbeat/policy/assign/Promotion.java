package org.jheartbeat.policy.assign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Colocation;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Location;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;

/**
 * Picks which placed instances of a promotable clone are promoted: the promotion score (the
 * agent's master-* node attribute, role=Promoted locations and colocations), highest first,
 * within promoted-max and promoted-node-max.
 */
final class Promotion {

    private final Cluster cluster;
    private final Assigner assigner;

    Promotion(Cluster cluster, Assigner assigner) {
        this.cluster = cluster;
        this.assigner = assigner;
    }

    /**
     * @param cloneScores the clone's own node scores with its dependents' preferences: a
     *                    promotable instance's score adds its node's, as Pacemaker sorts them
     */
    void choose(Clone clone, Map<Node, Integer> cloneScores) {
        List<Candidate> candidates = new ArrayList<>();
        for (Resource instance : clone.children()) {
            Node n = Placement.nodesOf(instance, null).stream().findFirst().orElse(null);
            if (n == null) {
                continue;
            }
            Integer score = score(clone, instance, n);
            if (score != null && score >= 0) {
                score = Score.add(score, cloneScores.getOrDefault(n, 0));
            }
            clone.promotionScores().put(instance, score == null ? -1 : score);
            candidates.add(new Candidate(instance, n, score == null ? -1 : score,
                    currentlyPromoted(instance), candidates.size()));
        }
        candidates.sort(Comparator.comparing((Candidate c) -> !(CloneDistribution.fixed(c.instance) && c.promotedNow))
                .thenComparingInt((Candidate c) -> -c.score)
                .thenComparing(c -> !c.promotedNow)
                // among equals, an instance being recovered comes after healthy ones
                .thenComparing(c -> c.instance.primitives().stream().anyMatch(Primitive::failed))
                .thenComparingInt(c -> c.order));
        int promoted = 0;
        Map<Node, Integer> perNode = new HashMap<>();
        for (Candidate c : candidates) {
            boolean keep = CloneDistribution.fixed(c.instance);
            boolean promote = keep ? c.promotedNow : c.score >= 0 && promoted < clone.promotedMax()
                    && perNode.getOrDefault(c.node, 0) < clone.promotedNodeMax()
                    && c.instance.targetRole() != Role.UNPROMOTED && clone.targetRole() != Role.UNPROMOTED;
            if (promote) {
                promoted++;
                perNode.merge(c.node, 1, Integer::sum);
            }
            for (Primitive p : c.instance.primitives()) {
                if (p.assignedNode() != null) {
                    p.setNextRole(promote ? Role.PROMOTED : Role.UNPROMOTED);
                }
            }
        }
    }

    private static boolean currentlyPromoted(Resource instance) {
        for (Primitive p : instance.primitives()) {
            if (p.currentRole() == Role.PROMOTED) {
                return true;
            }
        }
        return false;
    }

    private Integer score(Clone clone, Resource instance, Node node) {
        for (Primitive p : instance.primitives()) {
            if (p.assignedNode() == null) {
                return -Score.INFINITY;
            }
        }
        Integer attr = null;
        for (Primitive p : instance.primitives()) {
            String base = clone.globallyUnique() ? p.id() : stripInstance(p.id());
            String history = p.historyIds().get(node);
            String v = history != null && !clone.globallyUnique() ? node.attributes().get("master-" + history) : null;
            if (v == null) {
                v = node.attributes().get("master-" + base);
            }
            if (v == null && !clone.globallyUnique()) {
                v = anyInstanceAttribute(node, "master-" + base + ":");
            }
            if (v != null) {
                attr = (attr == null ? 0 : attr) + Score.parse(v);
            }
        }
        int score = attr == null ? 0 : attr;
        boolean any = attr != null;
        for (Location loc : clone.locations()) {
            if (loc.role() == Role.PROMOTED && loc.scores().containsKey(node)) {
                score = Score.add(score, loc.scores().get(node));
                any = true;
            }
        }
        for (Colocation c : clone.asDependent()) {
            // the unpromoted role kept with a primary: no promotion where that primary runs
            if (c.dependentRole() == Role.UNPROMOTED && c.score() >= Score.INFINITY
                    && Placement.matches(node, Placement.nodesOf(c.primary(), c.primaryRole()), c.nodeAttribute())) {
                score = -Score.INFINITY;
                any = true;
                continue;
            }
            if (c.dependentRole() != Role.PROMOTED) {
                continue;
            }
            boolean match = Placement.matches(node, Placement.nodesOf(c.primary(), c.primaryRole()), c.nodeAttribute());
            if (match) {
                score = Score.add(score, c.score());
            } else if (c.score() >= Score.INFINITY) {
                score = -Score.INFINITY;
            }
            any = true;
        }
        for (Colocation c : clone.asPrimary()) {
            if (c.primaryRole() != Role.PROMOTED || c.dependent().isAssigned()) {
                continue;
            }
            // the dependent's preferences with those of everything placed relative to it
            Integer w = assigner.dependentPreferences(c, cluster.nodes().values()).get(node);
            if (w != null && w > 0) {
                score = Score.add(score, w);
            } else if (w != null && w <= -Score.INFINITY && c.score() >= Score.INFINITY && score > 1) {
                // a node where what must go with the promoted role cannot run stays promotable,
                // but only just (Pacemaker's score 1)
                score = 1;
            }
        }
        return any ? score : null;
    }

    /** Anonymous instances may have recorded their score under any instance number. */
    private static String anyInstanceAttribute(Node node, String prefix) {
        for (Map.Entry<String, String> a : node.attributes().entrySet()) {
            if (a.getKey().startsWith(prefix)) {
                return a.getValue();
            }
        }
        return null;
    }

    private static String stripInstance(String id) {
        int colon = id.lastIndexOf(':');
        return colon < 0 ? id : id.substring(0, colon);
    }

    private record Candidate(Resource instance, Node node, int score, boolean promotedNow, int order) {
    }
}
