package org.jheartbeat.messaging.transport;

import java.net.InetAddress;

/**
 * One heartbeat medium line of ha.cf. The link a packet travels on is named after the
 * interface ({@code eth0}), as {@code cl_status listhblinks} shows it.
 */
public sealed interface MediumSpec permits MediumSpec.Bcast, MediumSpec.Mcast, MediumSpec.Ucast {

    /** Interface name, which is also the link name. */
    String iface();

    /** UDP port the medium sends to and receives on. */
    int port();

    /** {@code bcast IFACE}: to the interface's configured broadcast address. */
    record Bcast(String iface, int port) implements MediumSpec {
    }

    /** {@code mcast IFACE GROUP PORT TTL LOOP}. */
    record Mcast(String iface, InetAddress group, int port, int ttl, boolean loop) implements MediumSpec {
    }

    /** {@code ucast IFACE PEER}: one datagram to the peer per message. */
    record Ucast(String iface, InetAddress peer, int port) implements MediumSpec {
    }
}
