package org.jheartbeat.policy.random;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.policy.Scheduler;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Primitive;

/** Runs our scheduler in-process and reads its placement the way {@link Placement} normalizes it. */
public final class OurScheduler {

    private OurScheduler() {
    }

    public static SchedulerOutcome run(Path cib, Instant now) throws IOException, CibParseException {
        Transition transition = Scheduler.schedule(CibXml.parse(cib), now);
        return new SchedulerOutcome(placement(transition), SchedulerOutcome.normalizedSummary(transition.summary()));
    }

    static Placement placement(Transition transition) {
        Placement placement = new Placement();
        for (Primitive primitive : transition.cluster().primitives()) {
            String node = primitive.assignedNode() == null ? null : primitive.assignedNode().name();
            String role = primitive.nextRole().text();
            if (primitive.top() instanceof Clone clone) {
                placement.cloneMember(clone.id(), primitive.id());
                if (node != null) {
                    placement.instance(clone.id(), primitive.id(), clone.promotable(), node, role);
                }
            } else {
                placement.single(primitive.id(), node, role);
            }
        }
        return placement;
    }
}
