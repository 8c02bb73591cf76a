package org.jheartbeat.cli.crmsimulate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jheartbeat.policy.model.InstanceIds;
import org.jheartbeat.cli.clusterstatus.TextList;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.graph.ActionAttributes;
import org.jheartbeat.policy.model.Primitive;

/**
 * Carries out a transition on paper, as Pacemaker's crm_simulate does: the actions of the
 * graph fire pass after pass, each one as soon as all it waits for has completed, and every
 * result goes into the status section (a fenced node leaves the cluster, a resource operation
 * lands in its node's history). A result given with --op-fail fails its action, and no action
 * starts after a failure, as a real transition is aborted. A graph whose actions wait on one
 * that never runs stops short: the controller reports the transition terminated.
 */
final class TransitionRun {

    private final Transition transition;
    private final StatusEditor status;
    private final List<OpSpec> failures;

    TransitionRun(Transition transition, StatusEditor status, List<OpSpec> failures) {
        this.transition = transition;
        this.status = status;
        this.failures = failures;
    }

    /** Whether an action is part of the graph the controller would be given. */
    static boolean inGraph(Action a) {
        return a.inGraph();
    }

    /**
     * Runs the graph, telling each action in "Executing Cluster Transition"; false when it
     * stopped with actions that never became ready (a failed action is not that: it aborts).
     */
    boolean run(TextList out) {
        List<Action> graph = new ArrayList<>();
        for (Action a : transition.actions()) {
            if (inGraph(a)) {
                graph.add(a);
            }
        }
        Set<Action> done = new LinkedHashSet<>();
        boolean fired = true;
        while (fired) {
            fired = false;
            for (Action a : graph) {
                if (done.contains(a) || !done.containsAll(a.graphInputs())) {
                    continue;
                }
                fired = true;
                done.add(a);
                if (!execute(a, out)) {
                    return true;
                }
            }
        }
        return done.size() == graph.size();
    }

    /** Does one action; false when it failed and the transition stops. */
    private boolean execute(Action a, TextList out) {
        if (ActionAttributes.isFencing(a)) {
            out.item("Fencing " + a.node().name() + " (" + a.task().substring("stonith-".length()) + ")");
            // unfencing ("on") leaves the node in the cluster as it was
            if (!"stonith-on".equals(a.task())) {
                status.nodeDown(a.node());
            }
            return true;
        }
        if (ActionAttributes.isShutdown(a)) {
            out.item("Cluster action:  " + a.task() + " on " + a.node().name());
            return true;
        }
        if (a.pseudo() || a.primitive() == null || a.node() == null) {
            out.item("Pseudo action:   " + a.key());
            return true;
        }
        Primitive rsc = a.primitive();
        String task = a.intervalMs() > 0 ? a.operation() + "=" + a.intervalMs() : a.operation();
        out.item(String.format("Resource action: %-15s %s on %s", shownName(rsc), task, a.node().name()));
        if (Action.CANCEL.equals(a.task()) || "notify".equals(a.operation())) {
            return true;
        }
        int expected = ActionAttributes.expectedRc(a);
        OpSpec failure = failureFor(a);
        int rc = failure == null ? expected : failure.rc();
        if (failure != null) {
            out.line("Pretending action " + a.id() + " failed with rc=" + rc);
        }
        String historyId = InstanceIds.historyId(a.node(), rsc);
        for (String line : status.recordOp(a.node(), historyId, rsc, a.task(), a.intervalMs(), rc, expected)) {
            out.item(line);
        }
        return !StatusEditor.failed(a.task(), a.intervalMs(), rc, expected);
    }

    /**
     * The name an action's resource is shown by, as Pacemaker finds it: an anonymous clone's
     * instance goes by the configured id once the nodes keep history under that name, and by
     * its instance id ("rsc:0") while they know it under none.
     */
    private static String shownName(Primitive rsc) {
        String configured = InstanceIds.shownId(rsc);
        if (configured.equals(rsc.id())) {
            return configured;
        }
        for (Primitive instance : rsc.top().primitives()) {
            if (instance.historyIds().containsValue(configured)) {
                return configured;
            }
        }
        return rsc.id();
    }

    private OpSpec failureFor(Action a) {
        Primitive rsc = a.primitive();
        for (OpSpec spec : failures) {
            boolean sameResource = spec.resource().equals(rsc.id()) || spec.resource().equals(InstanceIds.historyId(a.node(), rsc))
                    || spec.resource().equals(InstanceIds.shownId(rsc));
            if (sameResource && spec.task().equals(a.task()) && spec.intervalMs() == a.intervalMs()
                    && spec.node().equals(a.node().name())) {
                return spec;
            }
        }
        return null;
    }
}
