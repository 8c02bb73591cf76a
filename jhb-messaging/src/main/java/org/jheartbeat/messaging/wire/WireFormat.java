package org.jheartbeat.messaging.wire;

/** The two encodings Heartbeat understands. */
public enum WireFormat {
    /** {@code ###\n} netstrings {@code %%%\n} trailer: what Heartbeat 3.0.6 always sends. */
    NETSTRING,
    /** {@code >>>\n} name=value lines {@code <<<\n}: older form, accepted on input only. */
    CLASSIC_TEXT
}
