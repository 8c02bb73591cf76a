package org.jheartbeat.messaging.wire;

/** Values of the {@code t} field seen from Heartbeat 3.0.6. */
public final class MessageTypes {

    public static final String STATUS = "status";
    public static final String ACK = "NS_ackmsg";
    public static final String REXMIT = "NS_rexmit";
    public static final String NAK_REXMIT = "NS_nak_rexmit";
    public static final String REQ_NODES = "reqnodes";
    public static final String REP_NODES = "repnodes";
    public static final String STARTING = "starting";
    public static final String RESOURCE = "resource";
    public static final String ASK_RESOURCES = "ask_resources";
    public static final String TAKEOVER = "hb_takeover";
    public static final String SHUTDONE = "shutdone";
    public static final String STONITH = "stonith";

    private MessageTypes() {
    }
}
