package org.jheartbeat.cli.clusterstatus;

import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Primitive;

/**
 * How many resource instances (primitives, each clone instance counted) the cluster has, how
 * many of them are disabled by their target-role and how many are blocked by a failure.
 * Orphans count only while they are still active.
 */
public record InstanceCounts(int instances, int disabled, int blocked) {

    public static InstanceCounts of(Cluster cluster) {
        int instances = 0;
        int disabled = 0;
        int blocked = 0;
        for (Primitive p : cluster.primitives()) {
            if (p.orphan() && p.active().isEmpty()) {
                continue;
            }
            instances++;
            if (Management.disabled(p) || Management.heldUnpromoted(p)) {
                disabled++;
            }
            if (p.blocked()) {
                blocked++;
            }
        }
        return new InstanceCounts(instances, disabled, blocked);
    }

    /** Pacemaker's warning line, or null when nothing is disabled or blocked. */
    public String warning() {
        if (disabled == 0 && blocked == 0) {
            return null;
        }
        return disabled + " of " + instances + " resource instances DISABLED and " + blocked
                + " BLOCKED from further action due to failure";
    }
}
