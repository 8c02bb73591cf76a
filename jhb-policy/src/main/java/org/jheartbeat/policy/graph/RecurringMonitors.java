package org.jheartbeat.policy.graph;

import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.OpConfig;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Role;
import org.jheartbeat.policy.unpack.ParameterDigest;

/**
 * The configured recurring monitors, on the node each resource runs on after the transition
 * and for the role it has there: scheduled again when the resource starts, is promoted or
 * demoted there, or when the node's history does not show the monitor running. A role change
 * cancels the monitors of the role it leaves, and a monitor whose parameters changed is
 * scheduled again. Each monitor comes after the action that gives the resource its role; a
 * cancellation before it. (Cancellations read off the history alone: {@link HistoryCancels}.)
 */
final class RecurringMonitors {

    private final Cluster cluster;
    private final ActionIndex index;

    RecurringMonitors(Cluster cluster, ActionIndex index) {
        this.cluster = cluster;
        this.index = index;
    }

    void add() {
        for (Primitive p : cluster.primitives()) {
            Node node = p.assignedNode();
            // unmanaged is still watched, as it is; blocked or in maintenance it is not
            if (node == null || p.orphan() || p.blocked() || inMaintenance(cluster, p, node) || p.ops().isEmpty()) {
                continue;
            }
            Action start = on(index.of(p, "start"), node);
            Action promote = on(index.of(p, "promote"), node);
            Action demote = on(index.of(p, "demote"), node);
            // with nothing to start it or change its role there, it keeps the role it has (as
            // when fencing is on without a device and nothing is started, promoted or demoted)
            Role role = start == null && promote == null && demote == null && p.active().containsKey(node)
                    ? p.active().get(node) : p.nextRole();
            Action roleChange = role == Role.PROMOTED ? promote : demote;
            Action enabler = roleChange != null ? roleChange : start;
            Map<String, String> running = p.recurringOps().getOrDefault(node, Map.of());
            for (OpConfig op : p.ops()) {
                if (!monitor(op) || !forRole(op, role)) {
                    continue;
                }
                boolean known = p.managed() ? runsWithSameParameters(p, running, op)
                        : running.containsKey(runningKey(op));
                // without a start there, only a resource that runs there already is monitored
                if (enabler == null && (known || !p.active().containsKey(node))) {
                    continue;
                }
                Action monitor = index.add(p, "monitor", node, op.intervalMs(), false);
                if (enabler != null) {
                    monitor.runAfter(enabler);
                    if (!enabler.runnable()) {
                        monitor.blockBecause(enabler.reason());
                    }
                }
            }
            Action change = promote != null && start == null ? promote : demote != null && start == null ? demote : null;
            if (change != null) {
                cancelOldRole(p, node, role, change);
            }
        }
    }

    /** Whether the node runs the monitor already, with the parameters now configured. */
    private static boolean runsWithSameParameters(Primitive p, Map<String, String> running, OpConfig op) {
        String digest = running.get(runningKey(op));
        return digest != null && (digest.isEmpty() || digest.equals(ParameterDigest.of(p, "monitor", op.intervalMs())));
    }

    /** A role change keeps the node's monitors of the new role and cancels those of the old one. */
    private void cancelOldRole(Primitive p, Node node, Role role, Action change) {
        Map<String, String> running = p.recurringOps().getOrDefault(node, Map.of());
        for (OpConfig op : p.ops()) {
            if (monitor(op) && !forRole(op, role) && running.containsKey(runningKey(op))) {
                Action cancel = index.add(p, Action.CANCEL, node, op.intervalMs(), false);
                change.runAfter(cancel);
            }
        }
    }

    /** Maintenance of the whole cluster, of the node or of the resource: nothing watches it there. */
    static boolean inMaintenance(Cluster cluster, Primitive p, Node node) {
        return cluster.options().maintenanceMode() || node.maintenance() || MetaValues.bool(p.meta("maintenance"), false);
    }

    /** How a node's history names the monitor among what runs there. */
    private static String runningKey(OpConfig op) {
        return "monitor_" + op.intervalMs();
    }

    static boolean monitor(OpConfig op) {
        return "monitor".equals(op.name()) && op.recurring() && op.enabled() && op.role() != Role.STOPPED;
    }

    /** A monitor for the promoted role runs there only; any other monitor in every role but that one. */
    private static boolean forRole(OpConfig op, Role role) {
        return (op.role() == Role.PROMOTED) == (role == Role.PROMOTED);
    }

    private static Action on(List<Action> actions, Node node) {
        for (Action a : actions) {
            if (a.node() == node) {
                return a;
            }
        }
        return null;
    }
}
