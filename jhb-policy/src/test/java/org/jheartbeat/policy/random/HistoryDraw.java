package org.jheartbeat.policy.random;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.jheartbeat.policy.random.CibShape.Clone;
import org.jheartbeat.policy.random.CibShape.ClusterNode;
import org.jheartbeat.policy.random.CibShape.CurrentRole;
import org.jheartbeat.policy.random.CibShape.Failure;
import org.jheartbeat.policy.random.CibShape.Group;
import org.jheartbeat.policy.random.CibShape.History;
import org.jheartbeat.policy.random.CibShape.NodeState;
import org.jheartbeat.policy.random.CibShape.Primitive;
import org.jheartbeat.policy.random.CibShape.Resource;
import org.jheartbeat.policy.random.CibShape.Single;

/**
 * Draws where the configured resources run now and what went wrong before: running instances
 * (some promoted, some on nodes that are no longer clean, a few active twice), failed monitors,
 * starts and stops with their fail counts, probes that found nothing, and promotion scores.
 */
final class HistoryDraw {

    static final int INFINITE_FAILS = Integer.MAX_VALUE;
    private static final int[] PROMOTION_SCORES = {1, 5, 10, 50, 100};

    private final Draw draw;
    private final CibShape shape;
    private final CibLevel level;
    private final Set<String> features;
    private final Set<String> recorded = new HashSet<>();

    HistoryDraw(Draw draw, CibShape shape, CibLevel level, Set<String> features) {
        this.draw = draw;
        this.shape = shape;
        this.level = level;
        this.features = features;
    }

    void run() {
        for (Resource resource : shape.resources) {
            if (resource instanceof Clone clone) {
                drawClone(clone);
            } else if (draw.chance(0.55)) {
                ClusterNode node = runningNode();
                if (node != null) {
                    runInstance(resource, resource.primitives(), node, CurrentRole.STARTED, null);
                    if (resource instanceof Single && level == CibLevel.FULL && draw.chance(0.04)) {
                        ClusterNode second = runningNode();
                        if (second != null && second != node) {
                            features.add("multi-active");
                            runInstance(resource, resource.primitives(), second, CurrentRole.STARTED, null);
                        }
                    }
                }
            }
        }
        for (Resource resource : shape.resources) {
            drawQuietHistory(resource);
        }
        drawPromotionScores();
    }

    private List<ClusterNode> withHistory() {
        return shape.nodes.stream().filter(n -> n.state().hasHistory()).toList();
    }

    /** A node a resource may be found running on: mostly members; unclean ones often; cleanly stopped ones rarely. */
    private ClusterNode runningNode() {
        List<ClusterNode> candidates = new ArrayList<>();
        for (ClusterNode node : withHistory()) {
            if (node.state().inMembership() || node.state() == NodeState.UNCLEAN
                    || (node.state() == NodeState.OFFLINE && draw.chance(0.1))) {
                candidates.add(node);
            }
        }
        return candidates.isEmpty() ? null : draw.pick(candidates);
    }

    private void drawClone(Clone clone) {
        List<ClusterNode> nodes = new ArrayList<>(withHistory());
        nodes.removeIf(n -> !(n.state().inMembership() || n.state() == NodeState.UNCLEAN));
        draw.shuffle(nodes);
        int limit = clone.cloneMax() > 0 ? Math.min(nodes.size(), clone.cloneMax() + 1) : nodes.size();
        int running = draw.between(0, limit);
        for (int i = 0; i < running; i++) {
            CurrentRole role = !clone.promotable() ? CurrentRole.STARTED
                    : draw.chance(0.35) ? CurrentRole.PROMOTED : CurrentRole.UNPROMOTED;
            runInstance(clone.child(), clone.primitives(), nodes.get(i), role, clone.unique() ? i : null);
        }
    }

    /**
     * One instance (of a primitive or group) active on a node; a group is active from its first
     * member up to a random one, mostly all of them.
     */
    private void runInstance(Resource resource, List<Primitive> primitives, ClusterNode node, CurrentRole role,
                             Integer uniqueInstance) {
        int active = resource instanceof Group && draw.chance(0.3) ? draw.between(1, primitives.size() - 1)
                : primitives.size();
        if (active < primitives.size()) {
            features.add("group-partly-active");
        }
        for (int i = 0; i < active; i++) {
            Primitive primitive = primitives.get(i);
            String historyId = uniqueInstance == null ? primitive.id() : primitive.id() + ":" + uniqueInstance;
            Failure failure = null;
            int fails = 0;
            if (draw.chance(0.08)) {
                failure = Failure.MONITOR;
                fails = draw.between(1, 3);
            } else if (level == CibLevel.FULL && draw.chance(0.02)) {
                failure = Failure.STOP;
                fails = INFINITE_FAILS;
            } else if (draw.chance(0.06)) {
                failure = Failure.RECOVERED;
                fails = draw.between(1, 3);
            }
            record(new History(historyId, primitive, node, role, failure, fails));
        }
    }

    /** Probes that found nothing, and failures that left the resource stopped, where nothing runs. */
    private void drawQuietHistory(Resource resource) {
        for (Primitive primitive : resource.primitives()) {
            for (String historyId : historyIds(resource, primitive)) {
                for (ClusterNode node : withHistory()) {
                    if (recorded.contains(historyId + "@" + node.id()) || anyInstanceOn(primitive, node)) {
                        continue;
                    }
                    int roll = draw.between(1, 100);
                    if (roll <= 5) {
                        record(new History(historyId, primitive, node, null, Failure.START, INFINITE_FAILS));
                    } else if (roll <= 9) {
                        record(new History(historyId, primitive, node, null, Failure.RECOVERED, draw.between(1, 3)));
                    } else if (roll <= 60) {
                        record(new History(historyId, primitive, node, null, null, 0));
                    }
                }
            }
        }
    }

    private boolean anyInstanceOn(Primitive primitive, ClusterNode node) {
        return shape.histories.stream().anyMatch(h -> h.primitive() == primitive && h.node() == node);
    }

    /** The lrm_resource ids a primitive's history may have: its id, or id:N for each instance of a unique clone. */
    private List<String> historyIds(Resource resource, Primitive primitive) {
        if (resource instanceof Clone clone && clone.unique()) {
            int instances = clone.cloneMax() > 0 ? clone.cloneMax() : shape.nodes.size();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                ids.add(primitive.id() + ":" + i);
            }
            return ids;
        }
        return List.of(primitive.id());
    }

    private void record(History history) {
        recorded.add(history.historyId() + "@" + history.node().id());
        shape.histories.add(history);
        if (history.failure() != null) {
            features.add("failure-" + history.failure().name().toLowerCase());
        }
        if (history.role() == CurrentRole.PROMOTED) {
            features.add("promoted-now");
        }
    }

    private void drawPromotionScores() {
        for (Resource resource : shape.resources) {
            if (!(resource instanceof Clone clone) || !clone.promotable()) {
                continue;
            }
            for (ClusterNode node : withHistory()) {
                if (draw.chance(0.75)) {
                    int score = PROMOTION_SCORES[draw.between(0, PROMOTION_SCORES.length - 1)];
                    shape.promotionScores.computeIfAbsent(node, n -> new LinkedHashMap<>())
                            .put("master-" + clone.primitives().get(0).id(), score);
                }
            }
        }
    }
}
