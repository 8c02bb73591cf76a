package org.jheartbeat.messaging.config;

/** {@code msgfmt}: classic adds an inner auth field to each packet, netstring does not. */
public enum MessageFormat {
    CLASSIC,
    NETSTRING
}
