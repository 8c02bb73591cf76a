package org.jheartbeat.policy;

import java.time.Instant;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.actions.TransitionPlanner;
import org.jheartbeat.policy.assign.Assigner;
import org.jheartbeat.policy.graph.GraphBuilder;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.unpack.CibUnpacker;

/**
 * The policy engine as one pure function: a CIB and the time it is evaluated at, in; where
 * everything should run and the transition that gets it there, out.
 */
public final class Scheduler {

    private Scheduler() {
    }

    public static Transition schedule(CibDocument cib, Instant now) {
        return schedule(CibUnpacker.unpack(cib, now));
    }

    /**
     * The same from a cluster already unpacked (and not yet scheduled: placement is written into
     * it), for a caller that has shown it first.
     */
    public static Transition schedule(Cluster cluster) {
        return new GraphBuilder(cluster, plan(cluster)).build();
    }

    /**
     * Placement and the Transition Summary of a cluster already unpacked, without completing the
     * transition graph ({@link GraphBuilder}, which adds actions and edges only): the planned
     * actions with no probes, recurring monitors, pseudo actions or order between them. For a
     * caller that shows the summary or the scores and no graph (crm_simulate -R); the graph is
     * a fifth of scheduling at 10,000 running resources.
     */
    public static Transition plan(Cluster cluster) {
        new Assigner(cluster).run();
        return new TransitionPlanner(cluster).plan();
    }
}
