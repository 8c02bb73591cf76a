package org.jheartbeat.policy.graph;

import java.util.Map;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;

/**
 * Notifications of clones with notify=true, around each phase the clone goes through (start,
 * stop, promote, demote): before it, the instances active then are told ("pre_notify_TASK",
 * confirmed by "confirmed-pre_notify_TASK"), and after it the instances active afterwards
 * ("post_notify_" plus the phase's completion: running, stopped, promoted, demoted). The phase
 * starts once the pre-notifications are confirmed, the post-notifications follow its end, and
 * the recurring monitors started by the phase wait for their confirmation. Stop notifications
 * come before start ones, demote ones before stop ones, start ones before promote ones.
 */
final class Notifications {

    private static final String[] PHASES = {"demote", "stop", "start", "promote"};

    private final Cluster cluster;
    private final ActionIndex index;

    Notifications(Cluster cluster, ActionIndex index) {
        this.cluster = cluster;
        this.index = index;
    }

    void add() {
        for (Resource r : cluster.resources().values()) {
            if (r instanceof Clone c && c.notifying()) {
                add(c);
            }
        }
    }

    private void add(Clone clone) {
        Action previousConfirmed = null;
        for (String task : PHASES) {
            Action begin = index.one(clone, task);
            Action end = index.one(clone, PseudoActions.completion(task));
            if (begin == null || end == null) {
                continue;
            }
            String done = PseudoActions.completion(task);
            Action pre = index.add(clone, "pre_notify_" + task, null, 0, true);
            Action preConfirmed = index.add(clone, "confirmed-pre_notify_" + task, null, 0, true);
            Action post = index.add(clone, "post_notify_" + done, null, 0, true);
            Action postConfirmed = index.add(clone, "confirmed-post_notify_" + done, null, 0, true);
            preConfirmed.runAfter(pre);
            begin.runAfter(preConfirmed);
            post.runAfter(end);
            post.runAfter(preConfirmed);
            postConfirmed.runAfter(post);
            if (previousConfirmed != null) {
                pre.runAfter(previousConfirmed);
            }
            previousConfirmed = postConfirmed;
            if (!begin.runnable()) {
                for (Action a : new Action[] {pre, preConfirmed, post, postConfirmed}) {
                    a.blockBecause(begin.reason());
                }
            }
            for (Resource instance : clone.children()) {
                if (instance instanceof Primitive p) {
                    tell(p, p.active(), "pre_notify_" + task, pre, preConfirmed);
                    if (p.assignedNode() != null) {
                        tell(p, Map.of(p.assignedNode(), p.nextRole()), "post_notify_" + task, post, postConfirmed);
                    }
                    for (Action monitor : index.of(p, "monitor")) {
                        if (!monitor.probe() && monitor.after().stream().anyMatch(a -> task.equals(a.task()))) {
                            monitor.runAfter(postConfirmed);
                        }
                    }
                }
            }
        }
    }

    /** One notification per node the instance is active on at that point. */
    private void tell(Primitive p, Map<Node, Role> where, String task, Action from, Action confirmed) {
        for (Map.Entry<Node, Role> on : where.entrySet()) {
            Node node = on.getKey();
            if (!on.getValue().isActive() || !node.online() || node.unclean()) {
                continue;
            }
            Action notify = index.add(p, task, node, 0, false);
            notify.runAfter(from);
            confirmed.runAfter(notify);
            if (!from.runnable()) {
                notify.blockBecause(from.reason());
            }
        }
    }
}
