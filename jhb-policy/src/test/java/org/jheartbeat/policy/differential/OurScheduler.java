package org.jheartbeat.policy.differential;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.policy.Scheduler;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Role;

/**
 * Runs our scheduler in-process. Its placement is where each primitive is once the transition's
 * runnable actions have been carried out, as crm_simulate -S carries out Pacemaker's: from
 * where it is active now, runnable stops (and stops implied by fencing) take it away, runnable
 * starts put it on the assigned node, promotions and demotions change its role there. So a
 * start that cannot run (no quorum, an order on something that cannot start) or a resource that
 * is not managed leaves things where they are, in both schedulers' results. As in crm_simulate,
 * an action runs only once every action it waits for has run, so actions caught in a loop of
 * orderings (and all that waits for them) never run.
 */
public final class OurScheduler {

    /** The order a transition carries out its kinds of action in: demote before stop, start before promote. */
    private static final List<String> PHASES = List.of("demote", "stop", "start", "promote");

    private OurScheduler() {
    }

    public static SchedulerOutcome run(Path cib, Instant now) throws IOException, CibParseException {
        Transition transition = Scheduler.schedule(CibXml.parse(cib), now);
        return new SchedulerOutcome(placement(transition), SchedulerOutcome.normalizedSummary(transition.summary()), true);
    }

    static Placement placement(Transition transition) {
        Map<Primitive, Map<Node, Role>> state = new LinkedHashMap<>();
        for (Primitive primitive : transition.cluster().primitives()) {
            state.put(primitive, new LinkedHashMap<>(primitive.active()));
        }
        Set<Node> fenced = new HashSet<>();
        Map<Primitive, Set<Node>> started = new LinkedHashMap<>();
        Set<Action> fired = fired(transition);
        for (String phase : PHASES) {
            for (Action action : transition.actions()) {
                if (!fired.contains(action)) {
                    continue;
                }
                if (action.resource() == null && action.task().startsWith("stonith") && !"stonith-on".equals(action.task())) {
                    fenced.add(action.node());
                } else if (action.primitive() != null && action.task().equals(phase)) {
                    carryOut(state.get(action.primitive()), action);
                    if (phase.equals("start")) {
                        started.computeIfAbsent(action.primitive(), p -> new HashSet<>()).add(action.node());
                    }
                }
            }
        }
        mergeAnonymousStartedTwice(state, started);
        Placement placement = new Placement();
        state.forEach((primitive, roles) -> {
            roles.keySet().removeAll(fenced);
            record(placement, primitive, roles);
        });
        return placement;
    }

    /**
     * crm_simulate records an anonymous clone's operations on a node under the primitive's own
     * id, so an instance started on a node where another instance of it is active joins that
     * one's history there: its revised status shows one instance on that node (Pacemaker 2.1.5
     * can place two instances of a cloned group on one node, see CloneDistribution).
     */
    private static void mergeAnonymousStartedTwice(Map<Primitive, Map<Node, Role>> state,
                                                   Map<Primitive, Set<Node>> started) {
        Map<String, Set<Node>> activeByPrimitive = new LinkedHashMap<>();
        state.forEach((primitive, roles) -> {
            if (primitive.top() instanceof Clone clone && !clone.globallyUnique() && !started.containsKey(primitive)) {
                activeByPrimitive.computeIfAbsent(baseId(primitive), id -> new HashSet<>()).addAll(roles.keySet());
            }
        });
        started.forEach((primitive, nodes) -> {
            if (primitive.top() instanceof Clone clone && !clone.globallyUnique()) {
                Set<Node> active = activeByPrimitive.computeIfAbsent(baseId(primitive), id -> new HashSet<>());
                for (Node node : nodes) {
                    if (state.get(primitive).containsKey(node) && !active.add(node)) {
                        state.get(primitive).remove(node);
                    }
                }
            }
        });
    }

    private static String baseId(Primitive primitive) {
        int colon = primitive.id().indexOf(':');
        return colon < 0 ? primitive.id() : primitive.id().substring(0, colon);
    }

    /** The runnable actions that run when the graph is carried out: each once all it waits for has run. */
    private static Set<Action> fired(Transition transition) {
        Set<Action> done = new HashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Action action : transition.actions()) {
                if (action.inGraph() && !done.contains(action)
                        && done.containsAll(action.graphInputs())) {
                    done.add(action);
                    progress = true;
                }
            }
        }
        return done;
    }

    /** A role changes only where the resource is active (a promotion whose start did not run changes nothing). */
    private static void carryOut(Map<Node, Role> roles, Action action) {
        switch (action.task()) {
            case "stop" -> roles.remove(action.node());
            case "start" -> roles.put(action.node(), Role.STARTED);
            case "demote" -> roles.replace(action.node(), Role.UNPROMOTED);
            case "promote" -> roles.replace(action.node(), Role.PROMOTED);
            default -> throw new IllegalStateException("not a phase: " + action.task());
        }
    }

    private static void record(Placement placement, Primitive primitive, Map<Node, Role> roles) {
        if (primitive.top() instanceof Clone clone) {
            placement.cloneMember(clone.id(), primitive.id());
            roles.forEach((node, role) -> placement.instance(clone.id(), primitive.id(), clone.promotable(), node.name(), role.text()));
        } else if (roles.isEmpty() && primitive.orphan()) {
            // crm_simulate lists an orphan (gone from the configuration) only while it is active
            return;
        } else if (roles.isEmpty()) {
            placement.single(primitive.id(), null, null);
        } else {
            roles.forEach((node, role) -> placement.single(primitive.id(), node.name(), role.text()));
        }
    }
}
