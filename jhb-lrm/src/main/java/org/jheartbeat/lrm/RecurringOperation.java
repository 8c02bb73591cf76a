package org.jheartbeat.lrm;

import org.jheartbeat.common.loop.Cancellable;

/** A recurring operation between its runs: the timer of its next run and the last result reported. */
final class RecurringOperation {

    final long callId;
    final OperationRequest operation;
    Cancellable timer;
    OperationResult lastReported;
    boolean cancelled;

    RecurringOperation(long callId, OperationRequest operation) {
        this.callId = callId;
        this.operation = operation;
    }

    void cancel() {
        cancelled = true;
        if (timer != null) {
            timer.cancel();
        }
    }
}
