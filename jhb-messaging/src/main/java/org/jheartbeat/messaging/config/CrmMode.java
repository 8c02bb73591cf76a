package org.jheartbeat.messaging.config;

/** {@code crm} / {@code pacemaker}: whether a cluster resource manager is run. */
public enum CrmMode {
    /** v1 mode: resources from haresources. */
    OFF,
    /** Pacemaker daemons are started; a failure of one stops the node. */
    ON,
    /** Pacemaker daemons are started and restarted when they fail. */
    RESPAWN
}
