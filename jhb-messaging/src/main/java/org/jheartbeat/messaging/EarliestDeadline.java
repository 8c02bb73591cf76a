package org.jheartbeat.messaging;

import java.time.Duration;
import org.jheartbeat.common.loop.Cancellable;
import org.jheartbeat.common.loop.EventLoop;

/**
 * One timer for many deadlines: it stays armed for the earliest one it was given. Deadlines
 * only move later as packets arrive, so the check it runs finds most nodes fresh, works out the
 * next deadline itself and arms again; detection happens at the deadline, not on a polling tick.
 */
final class EarliestDeadline {

    private final EventLoop loop;
    private final Runnable check;
    private Cancellable timer;
    private long dueNanos = Long.MAX_VALUE;

    EarliestDeadline(EventLoop loop, Runnable check) {
        this.loop = loop;
        this.check = check;
    }

    void arm(long atNanos) {
        if (timer != null && dueNanos <= atNanos) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        dueNanos = atNanos;
        long delay = Math.max(0, atNanos - loop.clock().monotonicNanos());
        timer = loop.schedule(Duration.ofNanos(delay), this::fire);
    }

    private void fire() {
        timer = null;
        dueNanos = Long.MAX_VALUE;
        check.run();
    }
}
