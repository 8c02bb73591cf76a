package org.jheartbeat.exec;

import java.util.concurrent.CompletableFuture;

/**
 * Starts agent programs. The future completes when the program has exited (or was killed at its
 * deadline), never later because a child it left behind still holds its output.
 */
public interface AgentLauncher {

    CompletableFuture<AgentOutcome> launch(AgentCommand command);
}
