package org.jheartbeat.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.membership.MembershipClaim;

/** Everything the messaging loop knows about one other node. Owned by that loop. */
final class PeerNode {

    final String name;
    final Map<String, LinkState> links = new LinkedHashMap<>();
    final ReceiveWindow window;
    NodeStatus status = NodeStatus.DEAD;
    boolean everHeard;
    /** Declared dead while its generation stayed the same: if it speaks again, a partition healed. */
    boolean declaredDead;
    long generation = -1;
    /** The node's 16-byte UUID from its srcuuid field, for the destuuid of messages to it; null until heard. */
    byte[] uuid;
    long highestTimestamp;
    long lastHeardNanos;
    /** Silent past warntime and already reported; cleared by the next new packet. */
    boolean warnedSilent;
    long lastStatusNanos = -1;
    /** What this peer last said about the membership (our status extensions). */
    MembershipClaim claim = MembershipClaim.NONE;
    final Map<Long, Integer> rexmitAttempts = new LinkedHashMap<>();

    PeerNode(String name, List<String> linkNames, int windowCapacity) {
        this.name = name;
        this.window = new ReceiveWindow(windowCapacity);
        for (String link : linkNames) {
            links.put(link, new LinkState(link));
        }
    }

    LinkState link(String linkName) {
        return links.computeIfAbsent(linkName, LinkState::new);
    }
}
