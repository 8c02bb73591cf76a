package org.jheartbeat.policy.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.DefinitionChange;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
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
        if (cluster.fencingWithoutDevice()) {
            // clone instances whose turn came past clone-max are never placed, so the missing
            // fencing device does not leave them unmanaged as it does what is placed: they stop
            for (Primitive p : cluster.primitives()) {
                Resource instance = p.parent() instanceof Clone ? p : p.parent();
                if (p.top() instanceof Clone && !p.active().isEmpty() && placedNowhere(instance)) {
                    plans.put(p, planFor(p));
                }
            }
            new SummaryWriter(transition.summary(), fenced, List.of(), cluster).write(plans.values());
            return transition;
        }
        fencing();
        Map<Primitive, Resource> withdrawn = new InterleavedInstances(cluster).withdrawUnmatched();
        for (Primitive p : cluster.primitives()) {
            ResourcePlan plan = planFor(p);
            plan.withdrawn = withdrawn.containsKey(p);
            plans.put(p, plan);
        }
        withdrawn.forEach(this::requiredByPartner);
        new OrderingEffects(cluster, plans, this).apply();
        plans.values().stream().filter(plan -> plan.migrate).forEach(plan -> transition.migrations().add(plan.rsc));
        List<Unfencing.Unfence> unfenced = new Unfencing(cluster, fenced).plan(plans, this);
        new SummaryWriter(transition.summary(), fenced, unfenced, cluster).write(plans.values());
        return transition;
    }

    /** Whether none of a clone instance's parts was placed (a cloned group's members follow the group). */
    private static boolean placedNowhere(Resource instance) {
        return instance.primitives().stream().allMatch(m -> m.assignedNode() == null);
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
        if (p.active().size() > 1 && "stop_only".equals(p.meta("multiple-active"))) {
            p.assign(null, Role.STOPPED);
            next = null;
        }
        ResourcePlan plan = new ResourcePlan(p, current, next);
        if (!p.managed() || p.blocked()) {
            recoveryLeftOut(p, plan);
            return plan;
        }
        for (Node source : p.danglingMigrations()) {
            if (!fenced.contains(source)) {
                plan.danglingStops.add(action(p, "stop", source, false));
            }
        }
        boolean frozen = !quorumOk() && "freeze".equals(cluster.options().noQuorumPolicy());
        // A migration half done goes on when the target stays the same: only the source stops.
        boolean continuing = next != null && next == p.partialMigrationTarget() && !p.failed();
        // multiple-active=stop_unexpected: stopped only where it should not be; where it stays,
        // its start is a pseudo action (it runs already) that still restarts what depends on it
        boolean stopUnexpected = next != null && p.active().containsKey(next)
                && "stop_unexpected".equals(p.meta("multiple-active")) && multiplyActive(p);
        for (Node c : p.active().keySet()) {
            boolean mustStop = c != next || p.failedOn().contains(c) || multiplyActive(p) && !continuing
                    || p.unsureOn().contains(c);
            if (!mustStop || stopUnexpected && c == next) {
                continue;
            }
            boolean implied = fenced.contains(c);
            Action stop = action(p, "stop", c, implied);
            if (!implied && (c.unclean() || !c.online() && !c.unclean())) {
                if (c.unclean()) {
                    stop.blockBecause("node availability");
                }
            }
            plan.stops.add(stop);
        }
        if (stopUnexpected) {
            plan.stopReason = "being multiply active";
        }
        DefinitionChange change = next == null || !p.active().containsKey(next) ? null : p.definitionChanges().get(next);
        if (change == DefinitionChange.RELOAD && !plan.stopsOn(next)) {
            plan.reload = action(p, "reload-agent", next, false);
        } else if (change != null && !plan.stopsOn(next)) {
            plan.stops.add(action(p, "stop", next, false));
            if (change == DefinitionChange.RESTART) {
                plan.restartReason = "resource definition change";
            }
        }
        // On a node being fenced it stops because the node goes, whatever the quorum; fencing
        // devices run without quorum, so theirs is never the reason.
        if (!quorumOk() && !frozen && next == null && current != null && !fenced.contains(current)
                && !"stonith".equals(p.standard())) {
            plan.stopReason = "no quorum";
        }
        if (next != null && (!p.active().containsKey(next) || plan.stopsOn(next) || stopUnexpected)) {
            plan.start = action(p, "start", next, stopUnexpected);
            if (quorumBlocksStart(p, current)) {
                plan.start.blockBecause(frozen ? "quorum freeze" : "no quorum");
                // Pacemaker requires a start only if it can run when made
                plan.start.markOptional();
            } else if (unprobedOnPendingNode(p)) {
                plan.start.blockBecause(null);
            }
        }
        plan.migrate = p.migratable() && current != null && next != null && current != next && !p.failed()
                && p.active().size() == 1 && current.online() && !fenced.contains(current) && !p.migratedBlindly()
                && !(isClone(p) && ((Clone) p.top()).promotable()) && plan.start != null && plan.start.runnable();
        if (continuing && p.migratable()) {
            plan.migrate = true;
            plan.current = p.partialMigrationSource();
        }
        Role now = p.currentRole();
        Role then = p.nextRole();
        // a partition frozen without quorum promotes nothing new
        if (frozen && then == Role.PROMOTED && now != Role.PROMOTED) {
            p.assign(next, Role.UNPROMOTED);
            then = Role.UNPROMOTED;
        }
        if (next != null && then == Role.PROMOTED && (now != Role.PROMOTED || plan.start != null)) {
            plan.promote = action(p, "promote", next, false);
            if (plan.start != null && !plan.start.runnable()) {
                // a promotion that waits for a blocked start is blocked without a reason of its
                // own, and like that start required by nothing
                plan.promote.blockBecause(null);
                plan.promote.markOptional();
            }
        }
        if (now == Role.PROMOTED && (then != Role.PROMOTED || !plan.stops.isEmpty())) {
            plan.demote = action(p, "demote", current, false);
            // nothing runs on a node that is lost but not fenced: it stays promoted there
            if (current.unclean() && !fenced.contains(current)) {
                plan.demote.blockBecause(null);
            }
        } else if (now == Role.PROMOTED && next == current && p.demoteOnFailure().contains(current)) {
            // on-fail=demote: demoted, and promoted again where it is still the best place
            plan.demote = action(p, "demote", current, false);
            plan.promote = action(p, "promote", current, false);
        }
        return plan;
    }

    /**
     * A withdrawn interleaved instance that ran where it was, untouched, has its start required
     * by the first's instance it is paired with afterwards when that one starts (a cloned
     * group's instance: is running anew); its stop is shown with that reason.
     */
    private void requiredByPartner(Primitive p, Resource partner) {
        ResourcePlan plan = plans.get(p);
        if (partner == null || plan.current == null || p.failedOn().contains(plan.current)) {
            return;
        }
        for (Primitive member : partner.primitives()) {
            ResourcePlan m = plans.get(member);
            if (m != null && m.start != null && m.start.runnable() && !m.migrate) {
                plan.stopReason = "required " + partner.id() + (partner instanceof Primitive ? " start" : " running");
                return;
            }
        }
    }

    /**
     * An unmanaged resource that Pacemaker would recover (failed there and to be restarted, or
     * active on several nodes) still gets the recovery's start where it stays, required. Making
     * the recurring monitors there asks for that start again as an optional one, which it then
     * becomes; but no monitors are made on a node in maintenance or for a resource in
     * maintenance, and there the start stays required: the graph leaves it out (the resource is
     * unmanaged), and what is ordered after it waits for it, so that stays undone. (The
     * recovery's stop is optional to Pacemaker: nothing waits for it.)
     */
    private void recoveryLeftOut(Primitive p, ResourcePlan plan) {
        Node node = plan.next;
        if (p.blocked() || node == null || !p.active().containsKey(node) || !node.online()
                || quorumBlocksStart(p, node)) {
            return;
        }
        boolean noMonitors = node.maintenance() || cluster.options().maintenanceMode()
                || MetaValues.bool(p.meta("maintenance"), false);
        if (p.recoveryPlanned() && noMonitors) {
            plan.start = action(p, "start", node, false);
            plan.start.leaveOutOfGraph();
        }
    }

    /**
     * Whether the lack of quorum keeps the resource from starting: not where quorum does not
     * matter (no-quorum-policy=ignore, requires=nothing), and, frozen, not for what runs in the
     * partition, which may move or restart within it; nothing stopped starts.
     */
    private boolean quorumBlocksStart(Primitive p, Node current) {
        boolean frozen = "freeze".equals(cluster.options().noQuorumPolicy());
        return !quorumOk() && !"nothing".equals(p.meta("requires")) && !(frozen && current != null && current.online());
    }

    /**
     * Active on more than one node, so stopped everywhere before it starts again. One that does
     * not need fencing counts only the nodes it survives on: fencing stops it on the others.
     */
    boolean multiplyActive(Primitive p) {
        if (p.needsFencing(cluster.options().stonithEnabled())) {
            return p.active().size() > 1;
        }
        return p.active().keySet().stream().filter(n -> !fenced.contains(n)).count() > 1;
    }

    /**
     * A node still joining cannot be probed yet; a resource whose state there is unknown might be
     * running there, so it is not started anywhere until that is known.
     */
    private boolean unprobedOnPendingNode(Primitive p) {
        for (Node n : cluster.nodes().values()) {
            if (n.pending() && !p.historyIds().containsKey(n)) {
                return true;
            }
        }
        return false;
    }

    boolean isClone(Primitive p) {
        return p.top() instanceof Clone;
    }
}
