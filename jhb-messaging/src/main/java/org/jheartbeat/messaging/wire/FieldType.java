package org.jheartbeat.messaging.wire;

/** How a field's value is carried: the digit in {@code (0)name=value} on the wire. */
public enum FieldType {
    /** Text, sent verbatim (UTF-8 when built from a Java string). */
    STRING,
    /** Raw bytes (node UUIDs); written as base64 in the classic text form. */
    BINARY;

    /** The digit Heartbeat writes between the parentheses. */
    public int code() {
        return ordinal();
    }
}
