package org.jheartbeat.common.time;

import java.time.Instant;

/**
 * The only source of time in jheartbeat. Monotonic time measures intervals (keepalive,
 * deadtime, timeouts); wall time is only for timestamps people read and for fields that
 * carry Unix time on the wire.
 */
public interface Clock {

    /** Monotonic nanoseconds; only differences are meaningful. */
    long monotonicNanos();

    /** Current wall-clock time. */
    Instant wallTime();

    default long monotonicMillis() {
        return monotonicNanos() / 1_000_000L;
    }
}
