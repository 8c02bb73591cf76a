package org.jheartbeat.messaging.config;

/** {@code auto_failback}: whether resources move back to their preferred node when it returns. */
public enum AutoFailback {
    ON,
    OFF,
    /** Heartbeat's default, meant for clusters mixing old and new versions. */
    LEGACY
}
