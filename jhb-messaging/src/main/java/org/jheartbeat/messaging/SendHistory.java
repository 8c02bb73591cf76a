package org.jheartbeat.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last datagrams this node sent, by sequence number, so a retransmit request can be answered
 * with a byte-identical copy (same timestamp, same signature), as Heartbeat does.
 */
final class SendHistory {

    private final int capacity;
    private final LinkedHashMap<Long, byte[]> sent = new LinkedHashMap<>();

    SendHistory(int capacity) {
        this.capacity = capacity;
    }

    void record(long seq, byte[] datagram) {
        sent.put(seq, datagram);
        if (sent.size() > capacity) {
            Map.Entry<Long, byte[]> eldest = sent.entrySet().iterator().next();
            sent.remove(eldest.getKey());
        }
    }

    /** The datagram sent with this sequence number, or null when it is no longer kept. */
    byte[] find(long seq) {
        return sent.get(seq);
    }

    long lowest() {
        return sent.isEmpty() ? 0 : sent.keySet().iterator().next();
    }
}
