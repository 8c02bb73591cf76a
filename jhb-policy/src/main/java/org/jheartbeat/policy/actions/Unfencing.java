package org.jheartbeat.policy.actions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.DefinitionChange;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;

/**
 * Unfencing ('Fence (on)'): where a fencing device provides unfencing (meta provides=unfencing),
 * a node must be unfenced before anything is probed or started on it, once: a node that has
 * been unfenced carries the #node-unfenced attribute. The reason names the first resource, in
 * configuration order, whose probe (monitor) or else start there needs it. A device that
 * provides unfencing and changed on a node (another agent or parameters) unfences that node
 * again, and what needs unfencing there is restarted after it.
 */
final class Unfencing {

    /** One node to unfence and why. */
    record Unfence(Node node, String reason) {
    }

    private final Cluster cluster;
    private final List<Node> fenced;

    Unfencing(Cluster cluster, List<Node> fenced) {
        this.cluster = cluster;
        this.fenced = fenced;
    }

    List<Unfence> plan(Map<Primitive, ResourcePlan> plans, TransitionPlanner planner) {
        List<Unfence> out = new ArrayList<>();
        if (!enabled()) {
            return out;
        }
        for (Node n : cluster.nodes().values()) {
            if (!n.online() || n.unclean() || fenced.contains(n)) {
                continue;
            }
            String deviceChange = deviceChange(n);
            if (deviceChange != null) {
                planner.action(null, "stonith-on", n, false).setReason(deviceChange);
                out.add(new Unfence(n, deviceChange));
                restartUnfencedResources(n, plans.values(), planner);
                continue;
            }
            if (n.attributes().containsKey("#node-unfenced")) {
                continue;
            }
            String reason = requiredBy(n, plans.values());
            if (reason != null) {
                planner.action(null, "stonith-on", n, false).setReason(reason);
                out.add(new Unfence(n, reason));
            }
        }
        return out;
    }

    private boolean enabled() {
        if (!cluster.options().stonithEnabled()) {
            return false;
        }
        for (Primitive p : cluster.primitives()) {
            if ("stonith".equals(p.standard()) && "unfencing".equals(p.meta("provides"))) {
                return true;
            }
        }
        return false;
    }

    /** A device that provides unfencing changed on the node: it is unfenced again with the new definition. */
    private String deviceChange(Node n) {
        for (Primitive p : cluster.primitives()) {
            if (!"stonith".equals(p.standard()) || !"unfencing".equals(p.meta("provides"))) {
                continue;
            }
            DefinitionChange change = p.definitionChanges().get(n);
            if (change == DefinitionChange.AGENT) {
                return "Device definition changed";
            }
            if (change == DefinitionChange.RESTART) {
                return "Device parameters changed";
            }
        }
        return null;
    }

    /** What needs unfencing and stays on a node unfenced again starts over after it. */
    private void restartUnfencedResources(Node n, Collection<ResourcePlan> plans, TransitionPlanner planner) {
        for (ResourcePlan plan : plans) {
            Primitive p = plan.rsc;
            boolean needsUnfencing = !"stonith".equals(p.standard())
                    && (p.meta("requires") == null || "unfencing".equals(p.meta("requires")));
            if (!needsUnfencing || plan.next != n || !p.active().containsKey(n) || plan.stopsOn(n)
                    || !p.managed() || p.blocked()) {
                continue;
            }
            plan.stops.add(planner.action(p, "stop", n, false));
            if (plan.start == null) {
                plan.start = planner.action(p, "start", n, false);
            }
            plan.restartReason = "required stonith";
        }
    }

    private String requiredBy(Node n, Collection<ResourcePlan> plans) {
        for (ResourcePlan plan : plans) {
            if (!plan.rsc.orphan() && !knownOn(plan.rsc, n)) {
                return "required by " + plan.rsc.id() + " monitor";
            }
        }
        for (ResourcePlan plan : plans) {
            if (plan.start != null && plan.start.node() == n && plan.start.runnable()) {
                return "required by " + plan.rsc.id() + " start";
            }
        }
        return null;
    }

    /** The node has a history of the resource (of any instance, for an anonymous clone), so no probe is needed. */
    private static boolean knownOn(Primitive p, Node n) {
        if (p.historyIds().containsKey(n)) {
            return true;
        }
        if (!(p.top() instanceof Clone c) || c.globallyUnique()) {
            return false;
        }
        return c.counterpart(p, other -> other.historyIds().containsKey(n)) != null;
    }
}
