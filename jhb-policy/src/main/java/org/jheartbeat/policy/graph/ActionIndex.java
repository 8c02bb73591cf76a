package org.jheartbeat.policy.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * The transition's actions by resource and task, so an ordering finds its two ends without a
 * scan over every action: with thousands of probes a scan per edge would make the graph quadratic.
 */
final class ActionIndex {

    private final Transition transition;
    private final Map<Resource, Map<String, List<Action>>> byResource = new HashMap<>();
    private final Map<Node, Action> fencing = new HashMap<>();

    ActionIndex(Transition transition) {
        this.transition = transition;
        for (Action a : transition.actions()) {
            index(a);
        }
    }

    private void index(Action a) {
        if (a.resource() == null) {
            if (a.task().startsWith("stonith-")) {
                fencing.put(a.node(), a);
            }
            return;
        }
        byResource.computeIfAbsent(a.resource(), r -> new HashMap<>())
                .computeIfAbsent(a.task(), t -> new ArrayList<>(2)).add(a);
    }

    /** Adds a new action to the transition and to the index. */
    Action add(Resource resource, String task, Node node, long intervalMs, boolean pseudo) {
        Action a = transition.add(resource, task, node, intervalMs, pseudo);
        index(a);
        return a;
    }

    /** The resource's actions of one task (probes and recurring monitors share the task "monitor"). */
    List<Action> of(Resource resource, String task) {
        Map<String, List<Action>> tasks = byResource.get(resource);
        if (tasks == null) {
            return List.of();
        }
        return tasks.getOrDefault(task, List.of());
    }

    /** The resource's single action of a task (a pseudo action of a group or clone), or null. */
    Action one(Resource resource, String task) {
        List<Action> all = of(resource, task);
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * The actions standing for a resource's step in an ordering: a primitive's own; for a group
     * or clone its pseudo action, as the first the one completing the step ("stopped" for stop).
     */
    List<Action> ends(Resource r, String task, boolean asFirst) {
        if (r instanceof Primitive) {
            return of(r, task);
        }
        Action pseudo = one(r, asFirst ? PseudoActions.completion(task) : task);
        return pseudo == null ? List.of() : List.of(pseudo);
    }

    List<Action> probes(Resource resource) {
        List<Action> out = new ArrayList<>();
        for (Action a : of(resource, "monitor")) {
            if (a.probe()) {
                out.add(a);
            }
        }
        return out;
    }

    /** Every action of the resource, in the order they were made. */
    List<Action> all(Resource resource) {
        Map<String, List<Action>> tasks = byResource.get(resource);
        List<Action> out = new ArrayList<>();
        if (tasks != null) {
            tasks.values().forEach(out::addAll);
            out.sort((x, y) -> Integer.compare(x.id(), y.id()));
        }
        return out;
    }

    Action fencingOf(Node node) {
        return fencing.get(node);
    }

    Iterable<Action> fencings() {
        return fencing.values();
    }
}
