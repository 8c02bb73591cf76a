package org.jheartbeat.messaging;

import java.util.Set;
import java.util.TreeSet;
import org.jheartbeat.common.time.Clock;
import org.jheartbeat.messaging.wire.HaMessage;
import org.jheartbeat.messaging.wire.WireCodec;

/**
 * Builds the messages the heartbeat layer itself sends, with Heartbeat 3.0.6's field names and
 * number formats (reference: heartbeat-real.md §4.4–4.6), and signs them.
 *
 * <p>Two fields are ours: {@code jhb_hears} (the nodes this node hears, for membership) and
 * {@code jhb_view} (its view number). Heartbeat ignores unknown fields, so its nodes still
 * accept our packets.
 */
final class WireMessages {

    static final String STATUS = "status";
    static final String SHUTDONE = "shutdone";
    static final String ACK = "NS_ackmsg";
    static final String REXMIT = "NS_rexmit";
    static final String NAK_REXMIT = "NS_nak_rexmit";
    private static final String HEARS = "jhb_hears";
    private static final String VIEW = "jhb_view";

    private final MessagingConfig config;
    private final Clock clock;

    WireMessages(MessagingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Control messages carry no sequence number and are never retransmitted. */
    static boolean isControl(String type) {
        return type != null && type.startsWith("NS_");
    }

    HaMessage status(NodeStatus status, Set<String> hears, long viewNumber) {
        return HaMessage.builder()
                .add("t", STATUS)
                .add("st", status.word())
                .addHex("dt", config.deadtime().toMillis())
                .add("protocol", "1")
                .add(HEARS, String.join(" ", hears))
                .addDecimal(VIEW, viewNumber)
                .build();
    }

    HaMessage shutdone() {
        return HaMessage.builder().add("t", SHUTDONE).add("st", NodeStatus.DEAD.word()).build();
    }

    HaMessage ack(String dest, long ackSeq) {
        return HaMessage.builder().add("t", ACK).add("dest", dest).addHex("ackseq", ackSeq).build();
    }

    HaMessage rexmit(String dest, long first, long last) {
        return HaMessage.builder().add("t", REXMIT).add("dest", dest).addDecimal("firstseq", first)
                .addDecimal("lastseq", last).build();
    }

    HaMessage nakRexmit(String dest, long seq) {
        return HaMessage.builder().add("t", NAK_REXMIT).addHex("firstseq", seq).add("dest", dest)
                .add("info", "seqno not found").build();
    }

    /** Adds the common trailer fields in Heartbeat's order; {@code seq < 0} for control messages. */
    HaMessage withCommonFields(HaMessage body, long seq) {
        HaMessage.Builder builder = body.toBuilder()
                .add("src", config.localNode())
                .addBinary("srcuuid", config.uuid());
        if (seq >= 0) {
            builder.addHex("seq", seq);
        }
        return builder.addHex("hg", config.generation())
                .addHex("ts", clock.wallTime().getEpochSecond())
                .addDecimal("ttl", config.nodes().size() + config.hopfudge())
                .build();
    }

    byte[] encode(HaMessage message) {
        return WireCodec.encode(message, config.authkeys().active(), config.classicAuthField());
    }

    /** The nodes a peer says it hears, or null for a peer that does not say (original Heartbeat). */
    static Set<String> hears(HaMessage status) {
        String value = status.get(HEARS);
        if (value == null) {
            return null;
        }
        Set<String> nodes = new TreeSet<>();
        for (String name : value.split(" ")) {
            if (!name.isEmpty()) {
                nodes.add(name);
            }
        }
        return nodes;
    }

    static long view(HaMessage status) {
        String value = status.get(VIEW);
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
