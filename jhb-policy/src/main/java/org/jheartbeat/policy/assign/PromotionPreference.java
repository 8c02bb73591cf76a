package org.jheartbeat.policy.assign;

import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * The promotion score an agent recorded for an instance (its master-* node attribute), which
 * Pacemaker adds to the instance's placement scores when positive, so that instances start
 * where they are to be promoted. Which attribute counts follows Pacemaker: the name the
 * instance's history uses, else its own id, else (anonymous clones) the id without instance
 * number; and only on nodes where the score is known to belong to this instance.
 */
final class PromotionPreference {

    private PromotionPreference() {
    }

    static int of(Clone clone, Resource instance, Node node) {
        if (!clone.promotable() || !node.canRunResources()) {
            return 0;
        }
        Integer recorded = recorded(clone, instance, node);
        return recorded == null ? 0 : Math.max(recorded, 0);
    }

    /**
     * The promotion score recorded for the instance on the node (a cloned group's members'
     * together), or null when none of them has one that counts there.
     */
    static Integer recorded(Clone clone, Resource instance, Node node) {
        Integer sum = null;
        for (Primitive p : instance.primitives()) {
            String value = applies(clone, p, node) ? attribute(clone, p, node) : null;
            if (value != null) {
                sum = Score.add(sum == null ? 0 : sum, Score.parse(value));
            }
        }
        return sum;
    }

    private static String attribute(Clone clone, Primitive p, Node node) {
        String name = p.lastHistoryName() == null ? p.id() : p.lastHistoryName();
        String value = node.attributes().get("master-" + name);
        String stripped = Clone.withoutInstanceNumber(p.id());
        if (value == null && !clone.globallyUnique() && !stripped.equals(p.id())) {
            value = node.attributes().get("master-" + stripped);
        }
        return value;
    }

    private static boolean applies(Clone clone, Primitive p, Node node) {
        if (!clone.globallyUnique()) {
            Primitive activeHere = clone.counterpart(p, q -> q.active().containsKey(node));
            if (activeHere == p) {
                return true;
            }
            if (activeHere == null && clone.counterpart(p, q -> q.historyIds().containsKey(node)) != null) {
                return true;
            }
        }
        if (p.active().isEmpty() && p.historyIds().isEmpty()) {
            return true;
        }
        return p.historyIds().containsKey(node) || p.active().containsKey(node);
    }
}
