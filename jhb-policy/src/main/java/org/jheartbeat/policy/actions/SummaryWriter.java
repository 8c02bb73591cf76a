package org.jheartbeat.policy.actions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Role;

/** Writes the "Transition Summary" lines the way Pacemaker's crm_simulate words them. */
final class SummaryWriter {

    private final List<String> out;
    private final List<Node> fenced;
    private final List<Unfencing.Unfence> unfenced;
    private final Cluster cluster;

    SummaryWriter(List<String> out, List<Node> fenced, List<Unfencing.Unfence> unfenced, Cluster cluster) {
        this.out = out;
        this.fenced = fenced;
        this.unfenced = unfenced;
        this.cluster = cluster;
    }

    void write(Collection<ResourcePlan> plans) {
        for (Node n : fenced) {
            out.add("Fence (" + cluster.options().stonithAction() + ") " + n.name() + " '" + n.uncleanReason() + "'");
        }
        for (Unfencing.Unfence u : unfenced) {
            out.add("Fence (on) " + u.node().name() + " '" + u.reason() + "'");
        }
        List<String[]> lines = new ArrayList<>();
        for (ResourcePlan p : plans) {
            if (p.next == null && p.stops.size() > 1 && p.rsc.managed() && !p.rsc.blocked()) {
                for (Action stop : p.stops) {
                    lines.add(stopLine(p, stop));
                }
                continue;
            }
            String[] line = line(p);
            if (line != null) {
                lines.add(line);
            }
        }
        // Pacemaker's columns: the name column starts 5 wide and, whenever a name is longer,
        // becomes that name plus 2 (so it depends on the order of the lines); the details are
        // right-aligned to the longest, at least 5
        int nameWidth = 5;
        int detailWidth = 5;
        for (String[] l : lines) {
            if (l[1].length() > nameWidth) {
                nameWidth = l[1].length() + 2;
            }
            detailWidth = Math.max(detailWidth, l[2].length());
        }
        for (String[] l : lines) {
            out.add(String.format("%-10s %-" + nameWidth + "s   ( %" + detailWidth + "s )%s", l[0], l[1], l[2], l[3]));
        }
    }

    private static boolean promotable(Primitive p) {
        return p.top() instanceof Clone c && c.promotable();
    }

    private String[] line(ResourcePlan p) {
        Primitive r = p.rsc;
        if (!r.managed() || r.blocked()) {
            return null;
        }
        Node current = p.current;
        Node next = p.next;
        Role now = r.currentRole();
        Role then = r.nextRole();
        // A primitive found promoted (say, once part of a promotable clone) is shown with its roles too.
        boolean roles = promotable(r) || now.compareTo(Role.STARTED) > 0 || then == Role.PROMOTED;
        if (current == null && next == null) {
            return null;
        }
        if (current == null) {
            if (p.start == null) {
                return null;
            }
            if (then == Role.PROMOTED && p.promote != null) {
                return new String[] {"Promote", r.id(), "Stopped -> Promoted " + next.name(), blockedSuffix(p.promote)};
            }
            return new String[] {"Start", r.id(), next.name(), blockedSuffix(p.start)};
        }
        if (next == null) {
            return p.stops.isEmpty() ? null : stopLine(p, p.stops.get(0));
        }
        if (r.active().size() > 1 && !p.migrate) {
            current = reportedNode(r);
        }
        if (current == next) {
            boolean failedHere = failedAt(r, current);
            // started again in place: stopped and started, or only stopped elsewhere (stop_unexpected)
            Action stop = p.stopsOn(current) || p.start == null || !p.start.pseudo() || p.stops.isEmpty()
                    ? p.stopOn(current) : p.stops.get(0);
            if (stop != null) {
                if (failedHere && p.start != null && p.start.runnable()) {
                    return new String[] {"Recover", r.id(), roleChange(roles, now, then) + current.name(),
                            reasonSuffix(p.stopReason, stop)};
                }
                if (p.start != null && p.start.runnable()) {
                    String why = p.restartReason != null ? "  due to " + p.restartReason : "";
                    return new String[] {"Restart", r.id(), roleChange(roles, now, then) + current.name(), why};
                }
                // Pacemaker words it by the stop's reason, else by why the start cannot happen.
                String why = p.stopReason != null ? p.stopReason : p.start == null ? null : p.start.reason();
                return new String[] {"Stop", r.id(), (roles ? now.text() + " " : "") + current.name(),
                        reasonSuffix(why, stop)};
            }
            if (p.reload != null) {
                return new String[] {"Reload", r.id(), current.name(), ""};
            }
            if (then == Role.PROMOTED && now != Role.PROMOTED) {
                return new String[] {"Promote", r.id(), now.text() + " -> Promoted " + current.name(),
                        p.promote == null ? "" : blockedSuffix(p.promote)};
            }
            if (then == Role.PROMOTED && p.demote != null && p.promote != null) {
                return new String[] {"Re-promote", r.id(), "Promoted " + current.name(), ""};
            }
            if (now == Role.PROMOTED && then != Role.PROMOTED) {
                return new String[] {"Demote", r.id(), "Promoted -> " + then.text() + " " + current.name(), ""};
            }
            return null;
        }
        // It cannot leave where it is (the node can be neither reached nor fenced): nothing moves.
        Action stopHere = p.stopOn(current);
        if (stopHere != null && !stopHere.runnable() && !stopHere.pseudo() && current.unclean() && !fenced.contains(current)) {
            return new String[] {"Stop", r.id(), (roles ? now.text() + " " : "") + current.name(), "  blocked"};
        }
        // On a node fenced for other reasons the failure is moot: the resource just moves with the rest.
        if (p.start != null && !p.start.runnable() && p.start.reason() != null && p.start.reason().startsWith("unrunnable")) {
            String where = (roles ? now.text() + " " : "") + current.name();
            boolean stopBlocked = p.stops.stream().anyMatch(stop -> !stop.runnable());
            return new String[] {"Stop", r.id(), where, "  due to " + p.start.reason() + (stopBlocked ? " (blocked)" : "")};
        }
        boolean recover = failedAt(r, current)
                && (!fenced.contains(current) || r.fencingFailures().contains(current));
        String kind = recover ? "Recover" : p.migrate ? "Migrate" : "Move";
        String where = current.name() + " -> " + next.name();
        // Pacemaker names the roles of an instance that is or will be more than unpromoted-started:
        // once when it keeps its role, on each side when it changes
        boolean needRole = roles && (now.compareTo(Role.STARTED) > 0 || then.compareTo(Role.UNPROMOTED) > 0);
        if (needRole && now == then) {
            where = current.name() + " -> " + next.name() + " " + now.text();
        } else if (needRole || roles && now != then) {
            where = now.text() + " " + current.name() + " -> " + then.text() + " " + next.name();
        }
        return new String[] {kind, r.id(), where, p.moveReason != null && !p.migrate ? "  due to " + p.moveReason : ""};
    }

    /**
     * Where a resource active on several nodes is said to be: a half-done migration's source;
     * else, unless it needs fencing, the first clean node it was found on; else the first.
     */
    private Node reportedNode(Primitive r) {
        if (r.partialMigrationSource() != null) {
            return r.partialMigrationSource();
        }
        if (!r.needsFencing(cluster.options().stonithEnabled())) {
            for (Node node : r.active().keySet()) {
                if (node.online() && !node.unclean()) {
                    return node;
                }
            }
        }
        return r.currentNode();
    }

    private static String[] stopLine(ResourcePlan p, Action stop) {
        Primitive r = p.rsc;
        String reason = p.stopReason != null || p.withdrawn ? p.stopReason : "node availability";
        Role role = r.active().getOrDefault(stop.node(), r.currentRole());
        String where = (promotable(r) ? role.text() + " " : "") + stop.node().name();
        return new String[] {"Stop", r.id(), where, reasonSuffix(reason, stop)};
    }

    private static String roleChange(boolean roles, Role now, Role then) {
        if (!roles) {
            return "";
        }
        return now == then ? now.text() + " " : now.text() + " -> " + then.text() + " ";
    }

    /** The reason, marked blocked where the action cannot happen; just "blocked" without a reason. */
    private static String reasonSuffix(String reason, Action a) {
        boolean blocked = !a.runnable();
        if (reason == null) {
            return blocked ? "  blocked" : "";
        }
        return "  due to " + reason + (blocked ? " (blocked)" : "");
    }

    /** Nothing for a runnable action; "blocked", with the reason where the action has one. */
    private static String blockedSuffix(Action a) {
        if (a.runnable()) {
            return "";
        }
        return a.reason() == null ? "  blocked" : "  due to " + a.reason() + " (blocked)";
    }

    /** Failed where it is reported: a resource active on several nodes is failed on all if on one. */
    private static boolean failedAt(Primitive r, Node current) {
        return r.failedOn().contains(current) || r.active().size() > 1 && r.failed();
    }
}
