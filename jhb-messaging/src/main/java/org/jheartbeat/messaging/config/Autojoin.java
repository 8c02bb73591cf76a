package org.jheartbeat.messaging.config;

/** {@code autojoin}: which unlisted nodes may join the cluster. */
public enum Autojoin {
    NONE,
    OTHER,
    ANY
}
