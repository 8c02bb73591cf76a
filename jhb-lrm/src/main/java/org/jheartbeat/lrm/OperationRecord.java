package org.jheartbeat.lrm;

import java.time.Instant;

/**
 * One entry of a resource's operation history, what the CIB status section keeps as an
 * lrm_rsc_op: the call, its result, when the result last changed for this operation and the
 * digest of the parameters it ran with.
 */
public record OperationRecord(long callId, OperationRequest operation, OperationResult result,
        Instant lastRcChange, long queueMillis, String parameterDigest) {
}
