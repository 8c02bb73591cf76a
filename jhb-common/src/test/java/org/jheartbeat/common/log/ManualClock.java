package org.jheartbeat.common.log;

import java.time.Duration;
import java.time.Instant;
import org.jheartbeat.common.time.Clock;

/** A clock tests move by hand (jhb-testkit's FakeClock depends on this module, so it cannot be used here). */
final class ManualClock implements Clock {

    private long nanos;

    @Override
    public long monotonicNanos() {
        return nanos;
    }

    @Override
    public Instant wallTime() {
        return Instant.EPOCH.plusNanos(nanos);
    }

    void advance(Duration by) {
        nanos += by.toNanos();
    }
}
