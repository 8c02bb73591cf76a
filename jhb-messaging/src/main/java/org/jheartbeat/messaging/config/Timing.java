package org.jheartbeat.messaging.config;

/** The heartbeat timers of ha.cf, defaults and derived values already filled in. */
public record Timing(TimeValue keepalive, TimeValue deadtime, TimeValue warntime, TimeValue initdead,
        TimeValue deadping) {
}
