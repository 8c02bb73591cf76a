package org.jheartbeat.lrm;

import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of one operation: the OCF code (already mapped from the class's own codes), the
 * executor's status, the agent's exit reason if it gave one, and its output for the log.
 */
public record OperationResult(int rc, OpStatus status, String exitReason, String output, Instant started,
        Duration runtime) {

    /** Whether the result says what it was expected to for this operation. */
    public boolean succeeded(OperationRequest op) {
        if (status != OpStatus.DONE) {
            return false;
        }
        if (op.probe()) {
            return rc == OcfCodes.SUCCESS || rc == OcfCodes.NOT_RUNNING || rc == OcfCodes.RUNNING_PROMOTED;
        }
        if ("monitor".equals(op.action())) {
            return rc == OcfCodes.SUCCESS || rc == OcfCodes.RUNNING_PROMOTED;
        }
        return rc == OcfCodes.SUCCESS;
    }

    /** Same code and status: a recurring monitor reports a result only when this changes. */
    public boolean sameAs(OperationResult other) {
        return other != null && rc == other.rc && status == other.status;
    }
}
