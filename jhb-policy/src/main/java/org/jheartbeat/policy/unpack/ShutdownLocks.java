package org.jheartbeat.policy.unpack;

import java.time.Instant;
import java.util.Map;
import org.jheartbeat.cib.model.CompactElement;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.w3c.dom.Element;

/**
 * With shutdown-lock on, a resource active on a node that shuts down cleanly is stopped there
 * and kept for that node (for shutdown-lock-limit, if set) instead of moving: the lock starts at
 * the node's shutdown request and is then recorded on the resource's history
 * (lrm_resource shutdown-lock). Fencing devices and clone instances are never locked.
 */
final class ShutdownLocks {

    private final Cluster cluster;

    ShutdownLocks(Cluster cluster) {
        this.cluster = cluster;
    }

    void apply(Map<Element, Node> states) {
        if (!cluster.options().shutdownLock()) {
            return;
        }
        for (Map.Entry<Element, Node> s : states.entrySet()) {
            for (CompactElement lr : Xml.lrmResources(s.getKey())) {
                String since = lr.attribute("shutdown-lock");
                Primitive p = lr.attribute("id") == null ? null : cluster.primitivesById().get(lr.attribute("id"));
                if (since != null && p != null) {
                    lock(p, s.getValue(), since);
                }
            }
        }
        for (Node node : cluster.nodes().values()) {
            if (node.online() && node.shutdown()) {
                for (Primitive p : cluster.primitives()) {
                    if (p.active().containsKey(node)) {
                        lock(p, node, node.attributes().get("shutdown"));
                    }
                }
            }
        }
    }

    private void lock(Primitive p, Node node, String sinceEpochSeconds) {
        if ("stonith".equals(p.standard()) || p.top() instanceof Clone || expired(sinceEpochSeconds)) {
            return;
        }
        p.lockTo(node);
    }

    private boolean expired(String sinceEpochSeconds) {
        long limit = cluster.options().shutdownLockLimitMs();
        if (limit <= 0 || cluster.now() == null) {
            return false;
        }
        try {
            Instant since = Instant.ofEpochSecond(Long.parseLong(sinceEpochSeconds.trim()));
            return !since.plusMillis(limit).isAfter(cluster.now());
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
