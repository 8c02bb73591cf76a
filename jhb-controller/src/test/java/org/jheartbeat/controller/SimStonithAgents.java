package org.jheartbeat.controller;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jheartbeat.common.time.Clock;
import org.jheartbeat.lrm.OcfCodes;
import org.jheartbeat.lrm.OpStatus;
import org.jheartbeat.lrm.OperationRequest;
import org.jheartbeat.lrm.OperationResult;
import org.jheartbeat.lrm.ResourceDefinition;
import org.jheartbeat.lrm.agent.AgentClass;

/**
 * The stonith class of a simulated node: a device resource "runs" once started, as in the real
 * class; fencing itself is the test's {@link org.jheartbeat.lrm.agent.StonithDevices}.
 */
final class SimStonithAgents implements AgentClass {

    private final Clock clock;
    private final Set<String> started = new HashSet<>();

    SimStonithAgents(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String standard() {
        return "stonith";
    }

    @Override
    public CompletableFuture<OperationResult> execute(ResourceDefinition resource, OperationRequest operation) {
        int rc = switch (operation.action()) {
            case "start" -> {
                started.add(resource.id());
                yield OcfCodes.SUCCESS;
            }
            case "stop" -> {
                started.remove(resource.id());
                yield OcfCodes.SUCCESS;
            }
            case "monitor" -> started.contains(resource.id()) ? OcfCodes.SUCCESS : OcfCodes.NOT_RUNNING;
            default -> OcfCodes.ERR_UNIMPLEMENTED;
        };
        return CompletableFuture.completedFuture(new OperationResult(rc, OpStatus.DONE, null, "", clock.wallTime(),
                Duration.ZERO));
    }
}
