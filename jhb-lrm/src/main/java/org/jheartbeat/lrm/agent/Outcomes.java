package org.jheartbeat.lrm.agent;

import java.util.function.ToIntFunction;
import org.jheartbeat.exec.AgentOutcome;
import org.jheartbeat.lrm.OcfCodes;
import org.jheartbeat.lrm.OpStatus;
import org.jheartbeat.lrm.OperationResult;

/** Turns a run of an agent into an OCF result, the same way for every class. */
final class Outcomes {

    private static final int REASON_LIMIT = 128;

    private Outcomes() {
    }

    /**
     * @param agentCode the class's reading of a run that exited: its exit code or output mapped
     *     to an OCF code
     * @param exitReason what the agent said of its failure, or null
     */
    static OperationResult result(AgentOutcome outcome, ToIntFunction<AgentOutcome> agentCode, String exitReason) {
        String output = outcome.stdout() + outcome.stderr();
        switch (outcome.status()) {
            case EXITED:
                return new OperationResult(agentCode.applyAsInt(outcome), OpStatus.DONE, exitReason, output,
                        outcome.started(), outcome.runtime());
            case TIMED_OUT:
                return new OperationResult(OcfCodes.ERR_GENERIC, OpStatus.TIMEOUT, limit(outcome.failure()), output,
                        outcome.started(), outcome.runtime());
            case NOT_FOUND:
                return new OperationResult(OcfCodes.ERR_INSTALLED, OpStatus.NOT_INSTALLED, limit(outcome.failure()),
                        output, outcome.started(), outcome.runtime());
            case NOT_EXECUTABLE:
                return new OperationResult(OcfCodes.ERR_PERM, OpStatus.ERROR, limit(outcome.failure()), output,
                        outcome.started(), outcome.runtime());
            default:
                return new OperationResult(OcfCodes.ERR_GENERIC, OpStatus.ERROR, limit(outcome.failure()), output,
                        outcome.started(), outcome.runtime());
        }
    }

    /** Pacemaker keeps at most 128 characters of an exit reason. */
    static String limit(String reason) {
        if (reason == null) {
            return null;
        }
        return reason.length() <= REASON_LIMIT ? reason : reason.substring(0, REASON_LIMIT);
    }
}
