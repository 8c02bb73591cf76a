package org.jheartbeat.cli.clusterstatus;

import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;

/**
 * What a status shows about whether the cluster may act on a resource: unmanaged (is-managed
 * false, maintenance of the resource, of the cluster or of the node it runs on), blocked (a
 * failure with on-fail=block) and disabled (target-role Stopped).
 */
public final class Management {

    private final Cluster cluster;

    public Management(Cluster cluster) {
        this.cluster = cluster;
    }

    public boolean unmanaged(Resource r) {
        if (!r.managed() || cluster.options().maintenanceMode() || MetaValues.bool(r.meta("maintenance"), false)) {
            return true;
        }
        if (r instanceof Primitive p) {
            if (p.orphan() && !cluster.options().stopOrphanResources()) {
                return true;
            }
            for (Node n : p.active().keySet()) {
                if (n.maintenance()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Any primitive below it unmanaged: its clone instance then gets a line of its own. */
    boolean anyUnmanaged(Resource r) {
        for (Primitive p : r.primitives()) {
            if (unmanaged(p) || p.blocked()) {
                return true;
            }
        }
        return false;
    }

    static boolean disabled(Resource r) {
        return Role.parse(r.meta("target-role")) == Role.STOPPED;
    }

    /** A promotable clone's instance kept from promotion by target-role Unpromoted (or Slave). */
    static boolean heldUnpromoted(Resource r) {
        return r.top() instanceof Clone c && c.promotable() && Role.parse(r.meta("target-role")) == Role.UNPROMOTED;
    }
}
