package org.jheartbeat.common.loop;

import java.time.Duration;
import org.jheartbeat.common.time.Clock;

/**
 * A single thread that owns a subsystem's state. Other threads only hand it work with
 * {@link #execute}; code that mutates the state calls {@link #assertInLoop()} first.
 * Implementations: {@link ThreadEventLoop} (a real thread) and the test kit's simulated loop,
 * which runs many nodes' loops on one virtual clock.
 */
public interface EventLoop {

    /** Queues a task; tasks run one at a time in submission order. */
    void execute(Runnable task);

    /** Runs a task once after the delay, measured on {@link #clock()}. */
    Cancellable schedule(Duration delay, Runnable task);

    /** True when called from this loop's own thread. */
    boolean inLoop();

    Clock clock();

    /** Name used in thread names and log lines. */
    String name();

    default void assertInLoop() {
        if (!inLoop()) {
            throw new IllegalStateException("called outside event loop '" + name() + "' from thread "
                    + Thread.currentThread().getName());
        }
    }
}
