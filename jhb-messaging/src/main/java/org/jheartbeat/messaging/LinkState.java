package org.jheartbeat.messaging;

/**
 * One link (medium interface) to one node: up while it carries that node's new packets.
 * Only a packet with a sequence number new on this link refreshes it, so replayed or
 * retransmitted copies cannot keep a dead link alive.
 */
final class LinkState {

    final String name;
    boolean up;
    long lastHeardNanos;
    long highestSeq;

    LinkState(String name) {
        this.name = name;
    }
}
