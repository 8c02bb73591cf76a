package org.jheartbeat.exec;

import java.time.Duration;
import java.time.Instant;

/**
 * What a run of an agent produced. The outputs are cut at the launcher's cap; {@code truncated}
 * says whether either was. The exit code is meaningful only for {@link ExecStatus#EXITED}.
 */
public record AgentOutcome(ExecStatus status, int exitCode, String stdout, String stderr, boolean truncated,
        Instant started, Duration runtime, String failure) {

    static AgentOutcome notRun(ExecStatus status, Instant started, String failure) {
        return new AgentOutcome(status, -1, "", "", false, started, Duration.ZERO, failure);
    }
}
