package org.jheartbeat.messaging.wire;

/** Why a datagram was not accepted. */
public enum Reason {
    /** Not a Heartbeat packet, or broken framing (bad length, missing separator, bad field). */
    MALFORMED,
    /** Longer than {@link WireCodec#MAX_DATAGRAM_BYTES}. */
    TOO_LARGE,
    /** No authentication trailer (netstring) or no {@code auth=} line (classic text). */
    NO_AUTH,
    /** Signed with a key number our authkeys does not define. */
    UNKNOWN_KEY_INDEX,
    /** The digest does not match: wrong secret or method, or the packet was altered. */
    BAD_SIGNATURE
}
