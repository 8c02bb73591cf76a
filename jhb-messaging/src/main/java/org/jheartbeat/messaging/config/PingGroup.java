package org.jheartbeat.messaging.config;

import java.net.Inet4Address;
import java.util.List;

/** {@code ping_group NAME ADDRESS...}: a pseudo-node that is up while any of its addresses answers. */
public record PingGroup(String name, List<Inet4Address> addresses) {

    public PingGroup {
        addresses = List.copyOf(addresses);
    }
}
