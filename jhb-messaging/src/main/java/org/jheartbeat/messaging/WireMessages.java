package org.jheartbeat.messaging;

import java.util.Set;
import java.util.TreeSet;
import org.jheartbeat.common.time.Clock;
import org.jheartbeat.membership.MembershipClaim;
import org.jheartbeat.membership.MembershipTracker;
import org.jheartbeat.messaging.wire.HaMessage;
import org.jheartbeat.messaging.wire.MessageTypes;
import org.jheartbeat.messaging.wire.WireCodec;

/**
 * Builds the messages the heartbeat layer itself sends, with Heartbeat 3.0.6's field names and
 * number formats (reference: heartbeat-real.md §4.4–4.6), and signs them.
 *
 * <p>Five fields are ours, for the membership: {@code jhb_hears} (the nodes this node hears),
 * {@code jhb_view} (its view number), {@code jhb_dc} (the DC it follows), {@code jhb_members}
 * (the member set it proposes) and {@code jhb_agreed} (the member set it holds as agreed).
 * Heartbeat ignores unknown fields, so its nodes still accept our packets.
 */
final class WireMessages {

    private static final String HEARS = "jhb_hears";
    private static final String VIEW = "jhb_view";
    private static final String DC = "jhb_dc";
    private static final String PROPOSED = "jhb_members";
    private static final String INSTALLED = "jhb_agreed";

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

    HaMessage status(NodeStatus status, Set<String> hears, MembershipTracker membership) {
        return HaMessage.builder()
                .string("t", MessageTypes.STATUS)
                .string("st", status.word())
                .hex("dt", config.deadtime().toMillis())
                .string("protocol", "1")
                .string(HEARS, String.join(" ", hears))
                .decimal(VIEW, membership.view().number())
                .string(DC, membership.advertisedDc() == null ? "" : membership.advertisedDc())
                .string(PROPOSED, String.join(" ", membership.proposal()))
                .string(INSTALLED, String.join(" ", membership.installed()))
                .build();
    }

    HaMessage shutdone() {
        return HaMessage.builder().string("t", MessageTypes.SHUTDONE).string("st", NodeStatus.DEAD.word()).build();
    }

    HaMessage ack(String dest, byte[] destUuid, long ackSeq) {
        return withDestUuid(HaMessage.builder().string("t", MessageTypes.ACK).string("dest", dest)
                .hex("ackseq", ackSeq), destUuid);
    }

    HaMessage rexmit(String dest, byte[] destUuid, long first, long last) {
        return withDestUuid(HaMessage.builder().string("t", MessageTypes.REXMIT).string("dest", dest)
                .decimal("firstseq", first).decimal("lastseq", last), destUuid);
    }

    HaMessage nakRexmit(String dest, byte[] destUuid, long seq) {
        return withDestUuid(HaMessage.builder().string("t", MessageTypes.NAK_REXMIT).hex("firstseq", seq)
                .string("dest", dest).string("info", "seqno not found"), destUuid);
    }

    /**
     * The answer to a joining Heartbeat node's {@code reqnodes}: the configured node list (with
     * Heartbeat's trailing space) and an empty deleted-node list. Heartbeat puts {@code dest} first here.
     */
    HaMessage repnodes(String dest, byte[] destUuid) {
        return withDestUuid(HaMessage.builder().string("dest", dest).string("t", MessageTypes.REP_NODES)
                .string("nodelist", String.join(" ", config.nodes()) + " ").string("delnodelist", " "), destUuid);
    }

    private static HaMessage withDestUuid(HaMessage.Builder builder, byte[] destUuid) {
        if (destUuid != null) {
            builder.binary("destuuid", destUuid);
        }
        return builder.build();
    }

    /** Adds the common trailer fields in Heartbeat's order; {@code seq < 0} for control messages. */
    HaMessage withCommonFields(HaMessage body, long seq) {
        HaMessage.Builder builder = body.toBuilder()
                .string("src", config.localNode())
                .binary("srcuuid", config.uuid());
        if (seq >= 0) {
            builder.hex("seq", seq);
        }
        return builder.hex("hg", config.generation())
                .hex("ts", clock.wallTime().getEpochSecond())
                .decimal("ttl", config.nodes().size() + config.hopfudge())
                .build();
    }

    byte[] encode(HaMessage message) {
        return WireCodec.encode(message, config.authkeys().active(), config.classicAuthField());
    }

    /** What a peer's status message says about the membership. */
    static MembershipClaim claim(HaMessage status) {
        String dc = status.get(DC);
        return new MembershipClaim(names(status, HEARS), view(status), dc == null || dc.isEmpty() ? null : dc,
                names(status, PROPOSED), names(status, INSTALLED));
    }

    /** The names in a space-separated field, or null for a peer that does not send it (original Heartbeat). */
    private static Set<String> names(HaMessage status, String field) {
        String value = status.get(field);
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

    private static long view(HaMessage status) {
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
