package org.jheartbeat.messaging;

import java.util.List;
import java.util.Map;
import org.jheartbeat.membership.View;

/**
 * What the messaging loop knows at one instant, for status tools.
 *
 * @param localNode this node
 * @param commUp    false until a peer was heard or initdead passed (Heartbeat's "up" phase)
 * @param nodes     every member node, this one included, in configuration order
 * @param view      the current membership view
 */
public record MessagingSnapshot(String localNode, boolean commUp, List<Node> nodes, View view) {

    /**
     * @param name   node name
     * @param status init, up, active or dead
     * @param links  link name to up (true) or dead, in configuration order
     */
    public record Node(String name, NodeStatus status, Map<String, Boolean> links) {
    }
}
