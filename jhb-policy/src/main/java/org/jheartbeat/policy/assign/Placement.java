package org.jheartbeat.policy.assign;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;

/** Where a placed resource will be, as colocations see it. */
final class Placement {

    private Placement() {
    }

    /** Nodes the resource was assigned to, in the given role (null: any active role). */
    static Set<Node> nodesOf(Resource r, Role role) {
        Set<Node> out = new LinkedHashSet<>();
        if (r instanceof Primitive p) {
            if (p.assignedNode() != null && roleMatches(p.nextRole(), role)) {
                out.add(p.assignedNode());
            }
        } else if (r instanceof Group g) {
            if (!g.children().isEmpty()) {
                Primitive first = g.children().get(0);
                if (first.assignedNode() != null && roleMatches(groupRole(g), role)) {
                    out.add(first.assignedNode());
                }
            }
        } else if (r instanceof Clone c) {
            for (Resource i : c.children()) {
                out.addAll(nodesOf(i, role));
            }
        }
        return out;
    }

    private static Role groupRole(Group g) {
        Role best = Role.STOPPED;
        for (Primitive p : g.children()) {
            if (p.nextRole().compareTo(best) > 0) {
                best = p.nextRole();
            }
        }
        return best;
    }

    static boolean roleMatches(Role actual, Role wanted) {
        if (wanted == null || wanted == Role.STARTED || wanted == Role.UNKNOWN) {
            return actual.isActive();
        }
        if (wanted == Role.UNPROMOTED) {
            return actual == Role.UNPROMOTED || actual == Role.STARTED;
        }
        return actual == wanted;
    }

    static boolean matches(Node node, Set<Node> where, String attribute) {
        if (attribute == null || attribute.equals("#uname")) {
            return where.contains(node);
        }
        String value = node.attributes().get(attribute);
        for (Node w : where) {
            if (Objects.equals(value, w.attributes().get(attribute)) && value != null) {
                return true;
            }
        }
        return false;
    }
}
