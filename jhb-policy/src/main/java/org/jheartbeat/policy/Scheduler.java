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
        new Assigner(cluster).run();
        return new GraphBuilder(cluster, new TransitionPlanner(cluster).plan()).build();
    }
}
