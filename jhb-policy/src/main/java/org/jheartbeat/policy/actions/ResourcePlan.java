package org.jheartbeat.policy.actions;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;

/** The actions one primitive needs in this transition, and why. */
final class ResourcePlan {

    final Primitive rsc;
    final Node current;
    final Node next;
    final List<Action> stops = new ArrayList<>();
    Action start;
    Action promote;
    Action demote;
    /** The agent takes changed parameters in place (no stop and start). */
    Action reload;
    String stopReason;
    String restartReason;
    boolean migrate;
    String moveReason;

    ResourcePlan(Primitive rsc, Node current, Node next) {
        this.rsc = rsc;
        this.current = current;
        this.next = next;
    }

    boolean stopsOn(Node node) {
        for (Action a : stops) {
            if (a.node() == node) {
                return true;
            }
        }
        return false;
    }
}
