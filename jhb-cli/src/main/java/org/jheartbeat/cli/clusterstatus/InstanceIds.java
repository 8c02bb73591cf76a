package org.jheartbeat.cli.clusterstatus;

import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Resource;

/**
 * Clone instances are named {@code id:N}. An anonymous clone's instances are all the same
 * resource to the nodes, which show and keep their history under the configured id.
 */
public final class InstanceIds {

    private InstanceIds() {
    }

    /** The id without a trailing instance number. */
    public static String withoutInstance(String id) {
        int colon = id.lastIndexOf(':');
        return colon < 0 ? id : id.substring(0, colon);
    }

    /** The configured id for anything inside an anonymous clone, else the resource's own id. */
    public static String shownId(Resource r) {
        return r.top() instanceof Clone c && !c.globallyUnique() && r != c ? withoutInstance(r.id()) : r.id();
    }
}
