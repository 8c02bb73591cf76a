package org.jheartbeat.common.loop;

/** A scheduled task that may still be called off. */
@FunctionalInterface
public interface Cancellable {

    /** Cancels the task if it has not run yet; harmless if it has. */
    void cancel();
}
