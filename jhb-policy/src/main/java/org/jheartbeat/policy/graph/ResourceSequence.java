package org.jheartbeat.policy.graph;

import java.util.List;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * The orderings every resource has of itself and with fencing: it is demoted before it stops,
 * stopped before it starts again, started before it is promoted; a resource outside a clone
 * starts only when its probes have answered (a clone's instances wait at the clone's start);
 * a stop implied by fencing, the stop of the group or clone holding it and the resource's
 * start elsewhere happen once the node is fenced; a node shuts down after the stops on it.
 */
final class ResourceSequence {

    private final Cluster cluster;
    private final ActionIndex index;

    ResourceSequence(Cluster cluster, ActionIndex index) {
        this.cluster = cluster;
        this.index = index;
    }

    void add() {
        for (Primitive p : cluster.primitives()) {
            List<Action> stops = index.of(p, "stop");
            List<Action> starts = index.of(p, "start");
            List<Action> demotes = index.of(p, "demote");
            List<Action> promotes = index.of(p, "promote");
            follow(stops, demotes);
            follow(starts, stops);
            follow(promotes, starts);
            follow(promotes, demotes);
            if (!(p.top() instanceof Clone)) {
                follow(starts, index.probes(p));
            }
            for (Action stop : stops) {
                Action fence = index.fencingOf(stop.node());
                if (fence != null && stop.pseudo()) {
                    stop.runAfter(fence);
                    starts.forEach(start -> start.runAfter(fence));
                    for (Resource holder = p.parent(); holder != null; holder = holder.parent()) {
                        Action holderStop = index.one(holder, "stop");
                        if (holderStop != null) {
                            holderStop.runAfter(fence);
                        }
                    }
                }
            }
        }
        shutdowns();
    }

    /**
     * A node leaving the cluster cleanly is told to shut down once everything on it has stopped,
     * and not while a stop there cannot run (a resource blocked by a failed stop keeps it, as
     * in Pacemaker, until shutdown-escalation lets it go). What is left alone there does not
     * hold it: a resource or node in maintenance, an unmanaged resource. Unlike Pacemaker's
     * graph it also waits for the probes on the node: a resource forgotten there (a cleanup)
     * and found running by its probe is then stopped before the node goes, not left behind.
     */
    private void shutdowns() {
        for (Node node : cluster.nodes().values()) {
            if (!node.shutdown() || !node.online() || node.unclean()) {
                continue;
            }
            Action shutdown = index.add(null, "do_shutdown", node, 0, false);
            for (Primitive p : cluster.primitives()) {
                for (Action probe : index.probes(p)) {
                    if (probe.node() == node) {
                        shutdown.runAfter(probe);
                    }
                }
                if (node.maintenance() || MetaValues.bool(p.meta("maintenance"), false) || !p.managed() && !p.blocked()) {
                    continue;
                }
                for (Action stop : index.of(p, "stop")) {
                    if (stop.node() == node) {
                        shutdown.runAfter(stop);
                        if (!stop.runnable()) {
                            shutdown.blockBecause("unrunnable " + stop.key());
                        }
                    }
                }
            }
        }
    }

    private static void follow(List<Action> thens, List<Action> firsts) {
        for (Action then : thens) {
            firsts.forEach(then::runAfter);
        }
    }
}
