package org.jheartbeat.policy.unpack;

import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Primitive;

/**
 * multiple-active=block: a resource found active on more than one node is left alone (blocked
 * like a failure with on-fail=block, so it also stays where it is when placed). When the group
 * it belongs to says block itself, the whole group is left alone with it.
 */
final class MultiplyActiveBlocks {

    private static final String OPTION = "multiple-active";

    private MultiplyActiveBlocks() {
    }

    static void apply(Cluster cluster) {
        for (Primitive p : cluster.primitives()) {
            if (p.active().size() < 2 || !"block".equals(p.meta(OPTION))) {
                continue;
            }
            p.setBlocked(true);
            if (p.parent() instanceof Group g && "block".equals(g.meta(OPTION))) {
                g.children().forEach(member -> member.setBlocked(true));
            }
        }
    }
}
