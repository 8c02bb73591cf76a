package org.jheartbeat.policy.assign;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * What the promotion scores (the agent's master-* node attributes) of a promotable clone's
 * instances weigh before the instances are placed, as Pacemaker counts them: a positive score
 * is added to the instance's score for that node, and the best score an instance has anywhere
 * (at least its priority) decides how early it is placed.
 *
 * <p>Which instance a node's score counts for: of an anonymous clone, the instance active on
 * the node, else any instance when one was probed there; an instance active or probed
 * somewhere counts only nodes where it is active or was probed; one with no history at all
 * counts every node.
 */
final class PromotionPreferences {

    private final Clone clone;

    PromotionPreferences(Clone clone) {
        this.clone = clone;
    }

    /** The scores that count for an instance on each usable node where it may run (table: its node scores). */
    Map<Node, Integer> of(Resource instance, Map<Node, Integer> table) {
        Map<Node, Integer> scores = new LinkedHashMap<>();
        for (Map.Entry<Node, Integer> e : table.entrySet()) {
            Node node = e.getKey();
            if (!node.canRunResources() || e.getValue() < 0) {
                continue;
            }
            int total = 0;
            for (Primitive p : instance.primitives()) {
                total = Score.add(total, score(p, node));
            }
            scores.put(node, total);
        }
        return scores;
    }

    /** The instance's placement priority: its configured priority, raised to its best promotion score. */
    static int priority(Resource instance, Map<Node, Integer> scores) {
        int priority = instance.priority();
        for (int score : scores.values()) {
            priority = Math.max(priority, score);
        }
        return priority;
    }

    private int score(Primitive p, Node node) {
        if (!counts(p, node)) {
            return 0;
        }
        String history = p.historyIds().get(node);
        if (history == null && !p.historyIds().isEmpty()) {
            history = p.historyIds().values().iterator().next();
        }
        String value = node.attributes().get("master-" + (history != null ? history : p.id()));
        if (value == null && !clone.globallyUnique()) {
            value = node.attributes().get("master-" + stripInstance(p.id()));
        }
        return value == null ? 0 : Score.parse(value);
    }

    private boolean counts(Primitive p, Node node) {
        if (!clone.globallyUnique()) {
            Primitive active = activeMemberOn(stripInstance(p.id()), node);
            if (active != null ? active == p : probedOn(stripInstance(p.id()), node)) {
                return true;
            }
        }
        boolean anyHistory = !p.active().isEmpty() || !p.historyIds().isEmpty();
        return !anyHistory || p.active().containsKey(node) || p.historyIds().containsKey(node);
    }

    private Primitive activeMemberOn(String base, Node node) {
        for (Primitive p : clone.primitives()) {
            if (p.active().containsKey(node) && stripInstance(p.id()).equals(base)) {
                return p;
            }
        }
        return null;
    }

    private boolean probedOn(String base, Node node) {
        for (Primitive p : clone.primitives()) {
            if (p.historyIds().containsKey(node) && stripInstance(p.id()).equals(base)) {
                return true;
            }
        }
        return false;
    }

    private static String stripInstance(String id) {
        int colon = id.lastIndexOf(':');
        return colon < 0 ? id : id.substring(0, colon);
    }
}
