package org.jheartbeat.messaging.wire;

/** A message whose encoding would not fit in one UDP datagram. */
public final class MessageTooLargeException extends RuntimeException {

    private final int size;
    private final int limit;
    private final String messageType;

    public MessageTooLargeException(int size, int limit, String messageType) {
        super("message t=" + messageType + " encodes to " + size + " bytes, more than the " + limit
                + "-byte datagram limit; send less data per message (split it into several)");
        this.size = size;
        this.limit = limit;
        this.messageType = messageType;
    }

    public int size() {
        return size;
    }

    public int limit() {
        return limit;
    }

    public String messageType() {
        return messageType;
    }
}
