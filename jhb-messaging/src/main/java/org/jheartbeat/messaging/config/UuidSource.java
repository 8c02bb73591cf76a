package org.jheartbeat.messaging.config;

/** {@code uuidfrom}: where a node's UUID comes from. */
public enum UuidSource {
    FILE,
    NODENAME
}
