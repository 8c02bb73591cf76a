package org.jheartbeat.policy.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * Puts the actions in the order Pacemaker lists them in its graph, which is also the order a
 * simulation fires the ready ones in: resource by resource in configuration order (a group
 * before its members, a clone after its instances), each resource's actions newest first, its
 * probes and the cancellations read off its history oldest (Pacemaker makes them while it reads
 * the status, before anything else); the pseudo actions of nodes
 * (load_stopped) before all that, fencing and shutdowns after it.
 */
final class SynapseOrder {

    private final Cluster cluster;
    private final ActionIndex index;
    private final Set<Action> fromStatus;

    /** fromStatus: the actions made while the status is read (cancellations, then probes). */
    SynapseOrder(Cluster cluster, ActionIndex index, Set<Action> fromStatus) {
        this.cluster = cluster;
        this.index = index;
        this.fromStatus = fromStatus;
    }

    void apply(Transition transition) {
        Set<Action> ordered = new LinkedHashSet<>();
        List<Action> nodePseudo = new ArrayList<>();
        for (Action a : transition.actions()) {
            if (a.resource() == null && a.pseudo()) {
                nodePseudo.add(a);
            }
        }
        Collections.reverse(nodePseudo);
        ordered.addAll(nodePseudo);
        for (Resource r : cluster.resources().values()) {
            if (r.parent() == null) {
                add(r, ordered);
            }
        }
        for (Primitive p : cluster.primitives()) {
            add(p, ordered);
        }
        List<Action> rest = new ArrayList<>();
        for (Action a : transition.actions()) {
            if (!ordered.contains(a)) {
                rest.add(a);
            }
        }
        List<Action> all = transition.actions();
        all.clear();
        all.addAll(ordered);
        all.addAll(rest);
    }

    private void add(Resource r, Set<Action> ordered) {
        if (r instanceof Clone) {
            r.children().forEach(c -> add(c, ordered));
            own(r, ordered);
            return;
        }
        own(r, ordered);
        r.children().forEach(c -> add(c, ordered));
    }

    private void own(Resource r, Set<Action> ordered) {
        List<Action> actions = index.all(r);
        actions.sort(Comparator.comparing((Action a) -> !fromStatus.contains(a)).thenComparingInt(Action::id));
        Collections.reverse(actions);
        ordered.addAll(actions);
    }
}
