package org.jheartbeat.messaging;

import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import org.jheartbeat.messaging.wire.HaMessage;

/**
 * Checks an authenticated message before it may touch any node state: it names its sender and
 * has the fields every message must have (else {@link org.jheartbeat.messaging.wire.BadFieldException}), the sender is a configured node (or autojoin is on), and
 * it came from one of the sender's known addresses when ha.cf lists them ({@code nodeaddr}).
 * Heartbeat does not check the source address; we do where we can.
 */
final class InboundGate {

    /** Retransmitted copies keep their old timestamp; anything older than this is stale. */
    static final long MAX_TIMESTAMP_REGRESSION_SECONDS = 120;

    private final MessagingConfig config;

    InboundGate(MessagingConfig config) {
        this.config = config;
    }

    record Verdict(boolean accepted, String reason, String node, String detail) {
        static final Verdict OK = new Verdict(true, "", "", "");

        static Verdict drop(String reason, String node, String detail) {
            return new Verdict(false, reason, node, detail);
        }
    }

    Verdict check(HaMessage message, InetAddress source, Map<String, PeerNode> peers) {
        String src = message.get("src");
        if (src == null || src.isEmpty() || message.type() == null) {
            return Verdict.drop("malformed", "?", "no 't' or 'src' field");
        }
        for (String field : requiredFields(message.type())) {
            message.getHex(field);
        }
        if (!src.equals(config.localNode()) && !peers.containsKey(src) && !config.autojoin()) {
            return Verdict.drop("unknown-node", src, "node [" + src + "] is not in the 'node' lines of ha.cf"
                    + " (add it there, or set autojoin)");
        }
        Set<InetAddress> known = config.nodeAddresses().get(src);
        if (known != null && !known.contains(source)) {
            return Verdict.drop("address", src, "node [" + src + "] must send from " + known
                    + " (nodeaddr in ha.cf), not " + source.getHostAddress());
        }
        return Verdict.OK;
    }

    private static String[] requiredFields(String type) {
        return WireMessages.isControl(type) ? new String[] {"hg", "ts"} : new String[] {"seq", "hg", "ts"};
    }
}
