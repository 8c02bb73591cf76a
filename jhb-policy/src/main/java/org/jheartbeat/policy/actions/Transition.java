package org.jheartbeat.policy.actions;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.policy.model.Cluster;

/** The scheduler's answer: the placed cluster, the actions with their order, and the summary lines. */
public final class Transition {

    private final Cluster cluster;
    private final List<Action> actions = new ArrayList<>();
    private final List<String> summary = new ArrayList<>();

    Transition(Cluster cluster) {
        this.cluster = cluster;
    }

    public Cluster cluster() {
        return cluster;
    }

    public List<Action> actions() {
        return actions;
    }

    /** "Transition Summary" lines in Pacemaker's words, without the leading "  * ". */
    public List<String> summary() {
        return summary;
    }
}
