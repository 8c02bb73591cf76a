package org.jheartbeat.policy.assign;

import java.util.Map;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Location;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;

/**
 * The starting node scores: every node at 0 in a symmetric cluster (none otherwise), location
 * constraints, stickiness on the current node, and bans from failures. A group's location
 * scores go to its first member (the rest follow it); a clone's stay on the clone, its
 * instances carry only their own stickiness and bans.
 */
final class InitialScores {

    private final Cluster cluster;

    InitialScores(Cluster cluster) {
        this.cluster = cluster;
    }

    void apply() {
        boolean symmetric = cluster.options().symmetric();
        for (Resource r : cluster.resources().values()) {
            init(r, symmetric && !(r instanceof Primitive p && p.orphan()));
        }
        for (Resource r : cluster.resources().values()) {
            locations(r);
        }
        Map<Node, Integer> health = NodeHealth.scores(cluster.options(), cluster.nodes().values());
        for (Resource r : cluster.resources().values()) {
            if (!health.isEmpty() && !org.jheartbeat.policy.model.MetaValues.bool(r.meta("allow-unhealthy-nodes"), false)) {
                applyLocation(r, health, true);
            }
        }
        for (Primitive p : cluster.primitives()) {
            stickiness(p);
            for (Node n : p.failureBans()) {
                p.allowedNodes().put(n, -Score.INFINITY);
                // an anonymous clone's instances are interchangeable: the failure bans the clone
                if (p.top() instanceof Clone c && !c.globallyUnique()) {
                    c.allowedNodes().put(n, -Score.INFINITY);
                }
            }
            if (p.lockedTo() != null) {
                p.allowedNodes().replaceAll((n, score) -> n == p.lockedTo() ? score : -Score.INFINITY);
            }
        }
    }

    private void init(Resource r, boolean symmetric) {
        boolean everywhere = symmetric || r.parent() instanceof Clone
                || r.parent() != null && r.parent().parent() instanceof Clone;
        for (Node n : cluster.nodes().values()) {
            if (everywhere) {
                r.allowedNodes().put(n, 0);
            }
        }
        for (Resource c : r.children()) {
            init(c, symmetric);
        }
    }

    private void locations(Resource r) {
        for (Location loc : r.locations()) {
            // only a location for the promoted role waits for promotion; one for the unpromoted
            // role places the resource like a plain one (Pacemaker's instances are not yet told apart)
            if (loc.role() != Role.PROMOTED) {
                applyLocation(r, loc.scores(), true);
            }
        }
        if (!(r instanceof Clone)) {
            for (Resource c : r.children()) {
                locations(c);
            }
        } else {
            for (Resource instance : r.children()) {
                for (Resource member : instance.children()) {
                    locations(member);
                }
            }
        }
    }

    private void applyLocation(Resource r, Map<Node, Integer> scores, boolean withScores) {
        for (Map.Entry<Node, Integer> e : scores.entrySet()) {
            int s = withScores ? e.getValue() : 0;
            r.allowedNodes().merge(e.getKey(), s, Score::add);
        }
        if (r instanceof Group g) {
            boolean first = true;
            for (Primitive m : g.children()) {
                applyLocation(m, scores, withScores && first);
                first = false;
            }
        }
    }

    private void stickiness(Primitive p) {
        Node current = p.currentNode();
        if (current == null) {
            return;
        }
        if (p.active().size() > 1) {
            pinUnmanaged(p);
            return;
        }
        // an unmanaged resource stays where it is whatever its stickiness: Pacemaker scores its node INFINITY
        int stickiness = p.managed() ? p.stickiness() : Score.INFINITY;
        if (stickiness == 0 && p.top() instanceof Clone && p.meta("resource-stickiness") == null) {
            stickiness = 1;
        }
        if (stickiness == 0) {
            return;
        }
        add(p, current, stickiness);
    }

    /**
     * An unmanaged resource active on several nodes: Pacemaker scores INFINITY each node it
     * finds it active on once it is unmanaged, as it reads the status node by node (all of them
     * when it is unmanaged by the configuration, those from the first node in maintenance on
     * otherwise), which what is colocated with it sees.
     */
    private void pinUnmanaged(Primitive p) {
        boolean wholly = cluster.options().maintenanceMode() || MetaValues.bool(p.meta("maintenance"), false);
        for (Node n : p.active().keySet()) {
            if (wholly || p.foundActiveUnmanaged().contains(n)) {
                add(p, n, Score.INFINITY);
            }
        }
    }

    private void add(Primitive p, Node n, int score) {
        Integer w = p.allowedNodes().get(n);
        if (w != null) {
            p.allowedNodes().put(n, Score.add(w, score));
        } else if (cluster.options().symmetric()) {
            p.allowedNodes().put(n, score);
        }
    }
}
