package org.jheartbeat.policy.actions;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;

/** The actions one primitive needs in this transition, and why. */
final class ResourcePlan {

    final Primitive rsc;
    /** Where it counts as being now: the first node it is active on, or the source of a migration that goes on. */
    Node current;
    final Node next;
    final List<Action> stops = new ArrayList<>();
    /** Stops owed on the sources of completed migrations; the resource runs elsewhere already, so the summary leaves them out. */
    final List<Action> danglingStops = new ArrayList<>();
    Action start;
    Action promote;
    Action demote;
    /** The agent takes changed parameters in place (no stop and start). */
    Action reload;
    String stopReason;
    /**
     * Its placement was taken away once Pacemaker had made its actions (an interleaved instance
     * with no instance of the first on its node): the stop that then becomes required has no
     * reason of its own.
     */
    boolean withdrawn;
    String restartReason;
    boolean migrate;
    String moveReason;

    ResourcePlan(Primitive rsc, Node current, Node next) {
        this.rsc = rsc;
        this.current = current;
        this.next = next;
    }

    boolean stopsOn(Node node) {
        return stopOn(node) != null;
    }

    Action stopOn(Node node) {
        for (Action a : stops) {
            if (a.node() == node) {
                return a;
            }
        }
        return null;
    }
}
