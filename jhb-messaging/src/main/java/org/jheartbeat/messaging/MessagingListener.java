package org.jheartbeat.messaging;

import org.jheartbeat.membership.View;
import org.jheartbeat.messaging.wire.HaMessage;

/**
 * Events of the messaging layer. Each subscriber names its own event loop and is called there,
 * never on the messaging loop.
 */
public interface MessagingListener {

    default void nodeStatusChanged(String node, NodeStatus status) {
    }

    default void linkStatusChanged(String node, String link, boolean up) {
    }

    default void viewChanged(View view) {
    }

    /** A cluster message from a node, in that sender's sequence order, each delivered once. */
    default void messageReceived(String fromNode, HaMessage message) {
    }
}
