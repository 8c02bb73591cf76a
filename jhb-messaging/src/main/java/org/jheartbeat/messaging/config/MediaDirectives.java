package org.jheartbeat.messaging.config;

import java.net.Inet4Address;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jheartbeat.common.config.ConfigException;

/** The medium lines of ha.cf and {@code udpport}, whose effect depends on their order. */
final class MediaDirectives {

    private MediaDirectives() {
    }

    static void bcast(ConfigLine line, HaCfDraft draft) throws ConfigException {
        ConfigValues.requireCount(line, 1, Integer.MAX_VALUE, "bcast IFACE [IFACE...]");
        for (String iface : line.values()) {
            draft.addMedium(line, new Medium.Bcast(iface, draft.udpport));
        }
    }

    /** Heartbeat's old name for bcast. */
    static void udp(ConfigLine line, HaCfDraft draft) throws ConfigException {
        draft.warnings.add(line.warning("is an old name of 'bcast'; treated as 'bcast " + line.joinedValues()
                + "'. Write 'bcast' instead"));
        bcast(line, draft);
    }

    static void mcast(ConfigLine line, HaCfDraft draft) throws ConfigException {
        ConfigValues.requireCount(line, 5, 5, "mcast IFACE GROUP PORT TTL LOOP, e.g. mcast eth0 239.0.0.1 694 1 0");
        List<String> values = line.values();
        Inet4Address group = ConfigValues.ipv4(line, values.get(1), "group");
        if (!group.isMulticastAddress()) {
            throw line.error("group " + values.get(1) + " is not an IPv4 multicast address",
                    "Use an address from 224.0.0.0 to 239.255.255.255, preferably 239.192.0.0/14");
        }
        int port = ConfigValues.port(line, values.get(2));
        int ttl = ConfigValues.integer(line, values.get(3), 1, 255, "ttl");
        int loop = ConfigValues.integer(line, values.get(4), 0, 1, "loop");
        draft.addMedium(line, new Medium.Mcast(values.get(0), group, port, ttl, loop == 1));
    }

    static void ucast(ConfigLine line, HaCfDraft draft) throws ConfigException {
        ConfigValues.requireCount(line, 2, 2, "ucast IFACE PEER-ADDRESS, one line per peer");
        Inet4Address peer = ConfigValues.ipv4(line, line.values().get(1), "peer");
        draft.addMedium(line, new Medium.Ucast(line.values().get(0), peer, draft.udpport));
    }

    static void notSupported(ConfigLine line, HaCfDraft draft) throws ConfigException {
        throw line.error("IPv6 media are not supported by jheartbeat",
                "Use an IPv4 medium instead: ucast, bcast or mcast");
    }

    /** Like Heartbeat, udpport applies to the bcast/ucast lines after it only. */
    static void udpport(ConfigLine line, HaCfDraft draft) throws ConfigException {
        String text = ConfigValues.single(line, draft.warnings);
        int port = ConfigValues.port(line, text);
        Set<String> earlier = new LinkedHashSet<>();
        for (int index = 0; index < draft.media.size(); index++) {
            Medium medium = draft.media.get(index);
            if (!(medium instanceof Medium.Mcast) && medium.port() != port) {
                ConfigLine mediumLine = draft.mediaLines.get(index);
                earlier.add("line " + mediumLine.number() + " (" + mediumLine.directive() + " "
                        + mediumLine.joinedValues() + ") keeps port " + medium.port());
            }
        }
        if (!earlier.isEmpty()) {
            draft.warnings.add(line.warning("applies only to media lines after it: "
                    + String.join(", ", earlier) + ". Move 'udpport' above the media lines"));
        }
        draft.udpport = port;
        draft.remember(line, text);
    }
}
