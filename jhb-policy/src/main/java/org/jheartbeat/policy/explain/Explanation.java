package org.jheartbeat.policy.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Colocation;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Location;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;

/**
 * Why a resource is where the scheduler put it, in words: the decision, then per node the final
 * score and what went into it (location constraints, stickiness, failures, node state), then
 * the colocations that tied it to other resources. Built from a scheduled {@link Cluster}.
 */
public final class Explanation {

    private final Cluster cluster;

    public Explanation(Cluster cluster) {
        this.cluster = cluster;
    }

    /** The explanation of one resource (primitive, group or clone), or null when there is no such resource. */
    public List<String> of(String id) {
        Resource r = find(id);
        if (r == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Primitive p : r.primitives()) {
            explain(p, out);
        }
        return out;
    }

    private Resource find(String id) {
        for (Resource top : cluster.resources().values()) {
            Resource found = find(top, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Resource find(Resource r, String id) {
        if (r.id().equals(id)) {
            return r;
        }
        for (Resource c : r.children()) {
            Resource found = find(c, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private void explain(Primitive p, List<String> out) {
        out.add(p.id() + " (" + p.agent() + "): " + decision(p));
        for (Map.Entry<Node, Integer> e : p.allowedNodes().entrySet()) {
            Node n = e.getKey();
            List<String> why = reasons(p, n);
            out.add("  " + n.name() + ": " + Score.format(e.getValue()) + (why.isEmpty() ? "" : "  (" + String.join("; ", why) + ")"));
        }
        for (Colocation c : colocations(p)) {
            out.add("  placed with " + c.primary().id() + (c.primaryRole() != null ? " (" + c.primaryRole().text() + ")" : "")
                    + " by " + c.id() + ", score " + Score.format(c.score()));
        }
        for (Colocation c : p.top().asPrimary()) {
            out.add("  " + c.dependent().id() + " wants to be with it (" + c.id() + ", score " + Score.format(c.score()) + ")");
        }
    }

    private static String decision(Primitive p) {
        Node now = p.currentNode();
        Node next = p.assignedNode();
        String was = now == null ? "stopped" : p.currentRole().text().toLowerCase() + " on " + now.name();
        if (!p.managed()) {
            return "unmanaged, left as it is (" + was + ")";
        }
        if (next == null) {
            String why = p.targetRole() == Role.STOPPED ? "target-role is Stopped"
                    : p.orphan() ? "it is no longer configured" : p.stopOnly() ? "a failure with on-fail=stop"
                    : "no node may run it";
            return "stopped, because " + why + " (was " + was + ")";
        }
        return p.nextRole().text().toLowerCase() + " on " + next.name() + " (was " + was + ")";
    }

    private List<String> reasons(Primitive p, Node n) {
        List<String> why = new ArrayList<>();
        if (!n.online()) {
            why.add(n.unclean() ? "node is unclean" : "node is offline");
        } else if (n.standby() || n.standbyOnFail()) {
            why.add("node is in standby");
        } else if (n.maintenance()) {
            why.add("node is in maintenance");
        } else if (n.pending()) {
            why.add("node is joining");
        }
        for (Resource r = p; r != null; r = r.parent()) {
            for (Location loc : r.locations()) {
                Integer s = loc.scores().get(n);
                if (s != null) {
                    why.add("location " + loc.id() + (loc.role() != null ? " for role " + loc.role().text() : "")
                            + ": " + Score.format(s));
                }
            }
        }
        if (n == p.currentNode() && p.stickiness() != 0) {
            why.add("stickiness " + Score.format(p.stickiness()) + " where it runs");
        }
        if (p.failureBans().contains(n)) {
            why.add("failed here (migration-threshold reached or a fatal error)");
        }
        if (n == p.assignedNode()) {
            why.add("chosen");
        }
        return why;
    }

    private static List<Colocation> colocations(Primitive p) {
        List<Colocation> all = new ArrayList<>(p.asDependent());
        Resource parent = p.parent();
        if (parent instanceof Group g) {
            if (g.children().get(0) == p) {
                all.addAll(g.asDependent());
            }
            if (parent.parent() instanceof Clone c) {
                all.addAll(c.asDependent());
            }
        } else if (parent instanceof Clone c) {
            all.addAll(c.asDependent());
        }
        return all;
    }
}
