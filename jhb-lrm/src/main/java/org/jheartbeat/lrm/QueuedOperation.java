package org.jheartbeat.lrm;

import java.util.concurrent.CompletableFuture;

/** One run of an operation waiting for its resource or for a free slot; recurring is null for one-shot runs. */
final class QueuedOperation {

    final long callId;
    final OperationRequest operation;
    final CompletableFuture<OperationResult> done;
    final RecurringOperation recurring;
    final long dueNanos;
    final long queuedNanos;

    QueuedOperation(long callId, OperationRequest operation, CompletableFuture<OperationResult> done,
            RecurringOperation recurring, long dueNanos, long queuedNanos) {
        this.callId = callId;
        this.operation = operation;
        this.done = done;
        this.recurring = recurring;
        this.dueNanos = dueNanos;
        this.queuedNanos = queuedNanos;
    }
}
