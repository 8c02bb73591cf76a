package org.jheartbeat.messaging;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jheartbeat.messaging.auth.Authkeys;

/**
 * What the messaging layer needs from ha.cf, authkeys and the state directory.
 *
 * @param localNode         this node's name
 * @param nodes             configured members (the {@code node} lines), including this node
 * @param autojoin          whether packets from nodes not in {@code nodes} are accepted (autojoin other/any)
 * @param keepalive         interval between status heartbeats
 * @param warntime          silence after which a late heartbeat is reported
 * @param deadtime          silence after which a node or link is declared dead
 * @param initdead          deadtime used for nodes not yet heard since start
 * @param hopfudge          added to the node count for the {@code ttl} field
 * @param nodeAddresses     known addresses per node ({@code nodeaddr}); packets from other addresses are dropped
 * @param authkeys          keys that sign outgoing and verify incoming packets
 * @param classicAuthField  msgfmt classic: also write the inner {@code auth} field, as Heartbeat does by default
 * @param generation        this start's generation ({@code hb_generation}), higher than any earlier start
 * @param uuid              this node's 16-byte UUID ({@code hb_uuid})
 */
public record MessagingConfig(String localNode, List<String> nodes, boolean autojoin, Duration keepalive,
                              Duration warntime, Duration deadtime, Duration initdead, int hopfudge,
                              Map<String, Set<InetAddress>> nodeAddresses, Authkeys authkeys,
                              boolean classicAuthField, long generation, byte[] uuid) {

    public MessagingConfig {
        nodes = List.copyOf(nodes);
        nodeAddresses = Map.copyOf(nodeAddresses);
        uuid = uuid.clone();
        if (uuid.length != 16) {
            throw new IllegalArgumentException("node uuid must be 16 bytes, got " + uuid.length);
        }
    }

    @Override
    public byte[] uuid() {
        return uuid.clone();
    }
}
