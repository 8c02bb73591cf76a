package org.jheartbeat.lrm.agent;

import java.util.concurrent.CompletableFuture;
import org.jheartbeat.lrm.OperationRequest;
import org.jheartbeat.lrm.OperationResult;
import org.jheartbeat.lrm.ResourceDefinition;

/**
 * One class of resource agents (ocf, lsb, heartbeat, stonith): how an operation becomes a run
 * of a program, and how the program's answer becomes an OCF result.
 */
public interface AgentClass {

    /** The class's name as the CIB writes it. */
    String standard();

    CompletableFuture<OperationResult> execute(ResourceDefinition resource, OperationRequest operation);
}
