package org.jheartbeat.policy.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * Live migrations: the resource is sent with migrate_to on its node and received with
 * migrate_from on the new one, then stopped on the old node; its start becomes a pseudo action
 * marking the arrival. The migrate_to waits for whatever the start waits for, but for its
 * group or clone's stop instead of its start.
 */
final class Migrations {

    private final Transition transition;
    private final ActionIndex index;
    private final List<Action[]> moves = new ArrayList<>();

    Migrations(Transition transition, ActionIndex index) {
        this.transition = transition;
        this.index = index;
    }

    /** Adds the two migration actions of every migrating resource. */
    void add() {
        for (Primitive p : transition.migrations()) {
            Action stop = on(index.of(p, "stop"), p.currentNode() == null ? null : p.currentNode().name());
            Action start = on(index.of(p, "start"), p.assignedNode() == null ? null : p.assignedNode().name());
            if (stop == null || start == null) {
                continue;
            }
            Action to = index.add(p, "migrate_to", stop.node(), 0, false);
            Action from = index.add(p, "migrate_from", start.node(), 0, false);
            from.runAfter(to);
            stop.runAfter(from);
            start.runAfter(from);
            start.markPseudo();
            moves.add(new Action[] {to, from, start, stop});
        }
    }

    /**
     * Once every other edge is there: migrate_to inherits the start's inputs from outside the
     * move, where another migrating resource's arrival counts once its migrate_from is done
     * (waiting for its start, which waits for its stop, would deadlock two resources migrating
     * in opposite directions with a symmetrical ordering between them).
     */
    void inheritStartInputs() {
        Map<Action, Action> arrivals = new HashMap<>();
        for (Action[] move : moves) {
            arrivals.put(move[2], move[1]);
        }
        for (Action[] move : moves) {
            Action to = move[0];
            for (Action input : move[2].after()) {
                if (input != move[1] && input != move[3] && !holds(input.resource(), to)) {
                    to.runAfter(arrivals.getOrDefault(input, input));
                }
            }
            for (Action input : move[3].after()) {
                if (holds(input.resource(), to)) {
                    to.runAfter(input);
                }
            }
        }
    }

    /**
     * Whether r is a group or clone holding the migrating resource: the migrate_to happens
     * within the holder's stop phase (its start pseudo waits for the stops, which wait for the
     * migration), so it follows the holder's stop, not its start.
     */
    private static boolean holds(Resource r, Action migration) {
        for (Resource up = migration.resource().parent(); up != null; up = up.parent()) {
            if (up == r) {
                return true;
            }
        }
        return false;
    }

    private static Action on(List<Action> actions, String node) {
        for (Action a : actions) {
            if (node != null && a.node() != null && node.equals(a.node().name())) {
                return a;
            }
        }
        return null;
    }
}
