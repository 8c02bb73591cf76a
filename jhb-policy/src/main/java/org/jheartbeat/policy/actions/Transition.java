package org.jheartbeat.policy.actions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/** The scheduler's answer: the placed cluster, the actions with their order, and the summary lines. */
public final class Transition {

    private final Cluster cluster;
    private final List<Action> actions = new ArrayList<>();
    private final List<String> summary = new ArrayList<>();

    private final Set<Primitive> migrations = new LinkedHashSet<>();
    private int nextId;

    Transition(Cluster cluster) {
        this.cluster = cluster;
    }

    public Cluster cluster() {
        return cluster;
    }

    public List<Action> actions() {
        return actions;
    }

    /** A new action of this transition, numbered in the order actions are made. */
    public Action add(Resource resource, String task, Node node, long intervalMs, boolean pseudo) {
        Action a = new Action(nextId++, resource, task, node, intervalMs, pseudo);
        actions.add(a);
        return a;
    }

    /** Resources that move by live migration (their stop and start become migrate_to and migrate_from). */
    public Set<Primitive> migrations() {
        return migrations;
    }

    /** "Transition Summary" lines in Pacemaker's words, without the leading "  * ". */
    public List<String> summary() {
        return summary;
    }
}
