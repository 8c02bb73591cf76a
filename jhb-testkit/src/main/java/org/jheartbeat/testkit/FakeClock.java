package org.jheartbeat.testkit;

import java.time.Duration;
import java.time.Instant;
import org.jheartbeat.common.time.Clock;

/** A clock that moves only when a test (or the {@link SimScheduler}) advances it. */
public final class FakeClock implements Clock {

    private long nanos;
    private final Instant wallOrigin;

    public FakeClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public FakeClock(Instant wallOrigin) {
        this.wallOrigin = wallOrigin;
    }

    @Override
    public long monotonicNanos() {
        return nanos;
    }

    @Override
    public Instant wallTime() {
        return wallOrigin.plusNanos(nanos);
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time cannot go back: " + by);
        }
        nanos += by.toNanos();
    }

    void advanceTo(long targetNanos) {
        if (targetNanos > nanos) {
            nanos = targetNanos;
        }
    }
}
