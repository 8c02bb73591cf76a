package org.jheartbeat.messaging.config;

import java.net.Inet4Address;

/** A heartbeat medium from ha.cf: one line (or one device of a bcast line) = one medium. */
public sealed interface Medium permits Medium.Bcast, Medium.Mcast, Medium.Ucast {

    /** Network interface the medium is bound to. */
    String iface();

    /** UDP destination and listening port. */
    int port();

    /** {@code bcast IFACE}: UDP broadcast on the interface's broadcast address. */
    record Bcast(String iface, int port) implements Medium {
    }

    /** {@code mcast IFACE GROUP PORT TTL LOOP}: IPv4 multicast. */
    record Mcast(String iface, Inet4Address group, int port, int ttl, boolean loop) implements Medium {
        public Mcast {
            if (!group.isMulticastAddress()) {
                throw new IllegalArgumentException(group.getHostAddress() + " is not a multicast group");
            }
            if (ttl < 1 || ttl > 255) {
                throw new IllegalArgumentException("ttl out of 1..255: " + ttl);
            }
        }
    }

    /** {@code ucast IFACE PEER}: UDP unicast to one peer (lines to our own address are not sent to). */
    record Ucast(String iface, Inet4Address peer, int port) implements Medium {
    }
}
