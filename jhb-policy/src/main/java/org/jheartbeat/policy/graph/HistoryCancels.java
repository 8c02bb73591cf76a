package org.jheartbeat.policy.graph;

import java.util.Map;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.OpConfig;
import org.jheartbeat.policy.model.Primitive;

/**
 * The monitors cancelled from what a node's history shows running, as Pacemaker reads it before
 * it probes or plans anything (so these come before the probes in its graph): maintenance (of
 * the node, of the resource or of the whole cluster) cancels every monitor of what it leaves
 * alone, and a monitor no longer configured is cancelled where the resource stays (unless
 * stop-orphan-actions=false). A resource that is only unmanaged keeps its monitors.
 */
final class HistoryCancels {

    private static final String MONITOR = "monitor_";

    private final Cluster cluster;
    private final ActionIndex index;

    HistoryCancels(Cluster cluster, ActionIndex index) {
        this.cluster = cluster;
        this.index = index;
    }

    void add() {
        boolean stopOrphanActions = MetaValues.bool(cluster.options().get("stop-orphan-actions", "true"), true);
        // loops, not streams: a resource and a node at a time, 10,000 of them at 10,000 running
        for (Primitive p : cluster.primitives()) {
            for (Map.Entry<Node, Map<String, String>> r : p.recurringOps().entrySet()) {
                Node node = r.getKey();
                boolean maintenance = p.active().containsKey(node) && RecurringMonitors.inMaintenance(cluster, p, node);
                if (!maintenance && !(stopOrphanActions && staysUntouched(p, node))) {
                    continue;
                }
                for (String key : r.getValue().keySet()) {
                    if (key.startsWith(MONITOR) && (maintenance || !configured(p, key))) {
                        cancel(p, node, key);
                    }
                }
            }
        }
    }

    /** Placed where it is, watched there (not blocked) and not started again there. */
    private boolean staysUntouched(Primitive p, Node node) {
        if (node != p.assignedNode() || p.orphan() || p.blocked() || p.ops().isEmpty()) {
            return false;
        }
        for (Action start : index.of(p, "start")) {
            if (start.node() == node) {
                return false;
            }
        }
        return true;
    }

    private static boolean configured(Primitive p, String key) {
        long interval = interval(key);
        for (OpConfig op : p.ops()) {
            if (RecurringMonitors.monitor(op) && op.intervalMs() == interval) {
                return true;
            }
        }
        return false;
    }

    private void cancel(Primitive p, Node node, String key) {
        index.add(p, Action.CANCEL, node, interval(key), false);
    }

    private static long interval(String key) {
        return Long.parseLong(key.substring(MONITOR.length()));
    }
}
