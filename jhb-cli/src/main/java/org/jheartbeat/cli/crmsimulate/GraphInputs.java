package org.jheartbeat.cli.crmsimulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;

/**
 * What each action of a transition waits for: the orderings the scheduler made, and those
 * every resource has of itself, which Pacemaker's graph always carries: a resource is demoted
 * before it stops, stopped before it starts again, started before it is promoted, and a stop
 * implied by fencing happens when the node has been fenced.
 */
final class GraphInputs {

    private final Map<Action, Set<Action>> inputs = new HashMap<>();

    GraphInputs(Transition transition) {
        Map<Primitive, Map<String, List<Action>>> byResource = new HashMap<>();
        Map<Node, Action> fencing = new HashMap<>();
        for (Action a : transition.actions()) {
            inputs.put(a, new LinkedHashSet<>(a.after()));
            if (GraphXml.isFencing(a)) {
                fencing.put(a.node(), a);
            } else if (a.primitive() != null) {
                byResource.computeIfAbsent(a.primitive(), p -> new HashMap<>())
                        .computeIfAbsent(a.task(), t -> new ArrayList<>()).add(a);
            }
        }
        for (Map<String, List<Action>> tasks : byResource.values()) {
            follows(tasks, "stop", "demote");
            follows(tasks, "start", "stop");
            follows(tasks, "promote", "start");
            for (Action stop : tasks.getOrDefault("stop", List.of())) {
                Action fence = fencing.get(stop.node());
                if (stop.pseudo() && fence != null) {
                    inputs.get(stop).add(fence);
                }
            }
        }
    }

    private void follows(Map<String, List<Action>> tasks, String then, String first) {
        for (Action later : tasks.getOrDefault(then, List.of())) {
            inputs.get(later).addAll(tasks.getOrDefault(first, List.of()));
        }
    }

    /** The actions this one waits for, the scheduler's first. */
    List<Action> of(Action a) {
        return new ArrayList<>(inputs.getOrDefault(a, Set.of()));
    }
}
