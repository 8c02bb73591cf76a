package org.jheartbeat.lrm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.lrm.agent.AgentClass;

/**
 * A stand-in agent class for the LRM's own unit tests, in virtual time: each operation takes
 * the set duration and answers the code set for its resource and action (0 unless set).
 */
final class ScriptedAgentClass implements AgentClass {

    record Run(String resourceId, String action, long startMillis) {
    }

    private final EventLoop agentsLoop;
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<Run> runs = new ArrayList<>();
    private Duration duration = Duration.ofMillis(100);
    private int active;
    private int mostActive;

    ScriptedAgentClass(EventLoop agentsLoop) {
        this.agentsLoop = agentsLoop;
    }

    void answer(String resourceId, String action, int rc) {
        codes.put(resourceId + " " + action, rc);
    }

    void takes(Duration newDuration) {
        duration = newDuration;
    }

    List<Run> runs() {
        return runs;
    }

    int mostActive() {
        return mostActive;
    }

    @Override
    public String standard() {
        return "ocf";
    }

    @Override
    public CompletableFuture<OperationResult> execute(ResourceDefinition resource, OperationRequest operation) {
        runs.add(new Run(resource.id(), operation.action(), agentsLoop.clock().monotonicMillis()));
        active++;
        mostActive = Math.max(mostActive, active);
        CompletableFuture<OperationResult> result = new CompletableFuture<>();
        int rc = codes.getOrDefault(resource.id() + " " + operation.action(), 0);
        agentsLoop.schedule(duration, () -> {
            active--;
            result.complete(new OperationResult(rc, OpStatus.DONE, null, "", agentsLoop.clock().wallTime(), duration));
        });
        return result;
    }
}
