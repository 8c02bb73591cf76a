package org.jheartbeat.controller;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.lrm.OcfCodes;
import org.jheartbeat.lrm.OpStatus;
import org.jheartbeat.lrm.OperationRequest;
import org.jheartbeat.lrm.OperationResult;
import org.jheartbeat.lrm.ResourceDefinition;
import org.jheartbeat.lrm.agent.AgentClass;

/**
 * A node's OCF agents in the simulation: every agent behaves as Dummy does, against the
 * {@link SimWorld} (start and stop change it, a monitor reads it), taking a random 5–100 ms of
 * virtual time; an operation told to hang ends at its timeout, as the real launcher kills it; one
 * told to fail does nothing and answers an error (a recurring monitor, half the time, "not
 * running": a probe that says so of what runs would be an agent that lies, which no cluster
 * survives).
 */
final class SimAgents implements AgentClass {

    private final String node;
    private final SimWorld world;
    private final EventLoop loop;
    private final Random random;

    SimAgents(String node, SimWorld world, EventLoop loop, Random random) {
        this.node = node;
        this.world = world;
        this.loop = loop;
        this.random = random;
    }

    @Override
    public String standard() {
        return "ocf";
    }

    @Override
    public CompletableFuture<OperationResult> execute(ResourceDefinition resource, OperationRequest operation) {
        CompletableFuture<OperationResult> result = new CompletableFuture<>();
        Instant started = loop.clock().wallTime();
        if (world.takeHang(node, resource.id())) {
            if ("stop".equals(operation.action())) {
                world.stopFailed(node);
            }
            Duration timeout = Duration.ofMillis(operation.timeoutMs());
            world.hangs(node, loop.clock().monotonicMillis() + timeout.toMillis());
            loop.schedule(timeout, () -> result.complete(new OperationResult(OcfCodes.ERR_GENERIC, OpStatus.TIMEOUT,
                    null, "", started, timeout)));
            return result;
        }
        Duration runtime = Duration.ofMillis(5 + random.nextInt(96));
        loop.schedule(runtime, () -> result.complete(new OperationResult(rc(resource.id(), operation),
                OpStatus.DONE, null, "", started, runtime)));
        return result;
    }

    private int rc(String resource, OperationRequest operation) {
        boolean canFail = Set.of("start", "stop", "monitor").contains(operation.action());
        if (!canFail || !world.takeFailure(node, resource)) {
            return run(resource, operation.action());
        }
        if ("stop".equals(operation.action())) {
            world.stopFailed(node);
        }
        return operation.recurring() && random.nextBoolean() ? OcfCodes.NOT_RUNNING : OcfCodes.ERR_GENERIC;
    }

    private int run(String resource, String action) {
        switch (action) {
            case "start":
                world.started(node, resource);
                return OcfCodes.SUCCESS;
            case "stop":
                world.stopped(node, resource);
                return OcfCodes.SUCCESS;
            case "monitor":
                return world.runs(node, resource) ? OcfCodes.SUCCESS : OcfCodes.NOT_RUNNING;
            default:
                return OcfCodes.SUCCESS;
        }
    }
}
