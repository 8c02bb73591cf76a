package org.jheartbeat.policy.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Role;

/**
 * Turns the placement into actions: fencing of unclean nodes, stops, starts, promotions and
 * demotions, blocked where quorum, orderings or unmanaged state forbid them.
 */
public final class TransitionPlanner {

    private final Cluster cluster;
    private final Transition transition;
    private final Map<Primitive, ResourcePlan> plans = new LinkedHashMap<>();
    private final List<Node> fenced = new ArrayList<>();

    public TransitionPlanner(Cluster cluster) {
        this.cluster = cluster;
        this.transition = new Transition(cluster);
    }

    public Transition plan() {
        fencing();
        for (Primitive p : cluster.primitives()) {
            plans.put(p, planFor(p));
        }
        new OrderingEffects(cluster, plans, this).apply();
        plans.values().stream().filter(plan -> plan.migrate).forEach(plan -> transition.migrations().add(plan.rsc));
        new SummaryWriter(transition.summary(), fenced, cluster).write(plans.values());
        return transition;
    }

    private boolean quorumOk() {
        return cluster.haveQuorum() || "ignore".equals(cluster.options().noQuorumPolicy());
    }

    private void fencing() {
        if (!cluster.options().stonithEnabled()) {
            return;
        }
        for (Node n : cluster.nodes().values()) {
            if (n.unclean() && (quorumOk() || n.online())) {
                fenced.add(n);
                Action fence = action(null, "stonith-" + cluster.options().stonithAction(), n, false);
                fence.setReason(n.uncleanReason());
                cluster.fencing().add(new Cluster.Fencing(n, cluster.options().stonithAction(), n.uncleanReason()));
            }
        }
    }

    Action action(Primitive rsc, String task, Node node, boolean pseudo) {
        return transition.add(rsc, task, node, 0, pseudo);
    }

    private ResourcePlan planFor(Primitive p) {
        Node current = p.currentNode();
        Node next = p.assignedNode();
        if (!quorumOk() && "stop".equals(cluster.options().noQuorumPolicy()) && next != null && p.currentNode() != null
                && !"nothing".equals(p.meta("requires"))) {
            p.assign(null, Role.STOPPED);
            next = null;
        }
        String multiple = p.meta("multiple-active");
        if (p.active().size() > 1 && "block".equals(multiple)) {
            p.setBlocked(true);
        }
        if (p.active().size() > 1 && "stop_only".equals(multiple)) {
            p.assign(null, Role.STOPPED);
            next = null;
        }
        ResourcePlan plan = new ResourcePlan(p, current, next);
        if (!p.managed() || p.blocked()) {
            return plan;
        }
        boolean frozen = !quorumOk() && "freeze".equals(cluster.options().noQuorumPolicy());
        for (Node c : p.active().keySet()) {
            boolean mustStop = c != next || p.failedOn().contains(c) || p.active().size() > 1;
            if (!mustStop) {
                continue;
            }
            boolean implied = fenced.contains(c);
            Action stop = action(p, "stop", c, implied);
            if (!implied && (c.unclean() || !c.online() && !c.unclean())) {
                if (c.unclean()) {
                    stop.blockBecause("node availability");
                }
            }
            if (frozen && !implied) {
                stop.blockBecause("quorum freeze");
            }
            plan.stops.add(stop);
        }
        if (next != null && p.active().containsKey(next) && p.definitionChangedOn().contains(next) && !plan.stopsOn(next)) {
            plan.stops.add(action(p, "stop", next, false));
            plan.restartReason = "resource definition change";
        }
        if (!quorumOk() && next == null && current != null) {
            plan.stopReason = "no quorum";
        }
        if (next != null && (!p.active().containsKey(next) || plan.stopsOn(next))) {
            plan.start = action(p, "start", next, false);
            String policy = cluster.options().noQuorumPolicy();
            boolean needsQuorum = !"nothing".equals(p.meta("requires"));
            if (!quorumOk() && needsQuorum) {
                plan.start.blockBecause("freeze".equals(policy) ? "quorum freeze" : "no quorum");
            }
        }
        plan.migrate = p.migratable() && current != null && next != null && current != next && !p.failed()
                && p.active().size() == 1 && current.online() && !fenced.contains(current)
                && !(isClone(p) && ((Clone) p.top()).promotable()) && plan.start != null && plan.start.runnable();
        Role now = p.currentRole();
        Role then = p.nextRole();
        if (next != null && then == Role.PROMOTED && (now != Role.PROMOTED || plan.start != null)) {
            plan.promote = action(p, "promote", next, false);
            if (plan.start != null && !plan.start.runnable()) {
                plan.promote.blockBecause(plan.start.reason());
            }
        }
        if (now == Role.PROMOTED && (then != Role.PROMOTED || !plan.stops.isEmpty())) {
            plan.demote = action(p, "demote", current, false);
        }
        return plan;
    }

    boolean isClone(Primitive p) {
        return p.top() instanceof Clone;
    }
}
