package org.jheartbeat.messaging.transport;

import java.net.InetAddress;

/**
 * A received datagram with where it came from.
 *
 * @param data   the payload (owned by the receiver)
 * @param source sender address, checked against the node's known addresses
 * @param link   the link (interface name) it arrived on
 */
public record Datagram(byte[] data, InetAddress source, String link) {
}
