package org.jheartbeat.policy.model;

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

    /**
     * The name a node keeps a resource's history under: where the node has history of it, the
     * name found there (an anonymous clone's instance may go by another instance number, or
     * none); else the configured id for an anonymous clone's instance.
     */
    public static String historyId(Node node, Primitive rsc) {
        String known = rsc.historyIds().get(node);
        return known != null ? known : shownId(rsc);
    }
}
