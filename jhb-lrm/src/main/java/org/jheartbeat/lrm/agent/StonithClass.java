package org.jheartbeat.lrm.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jheartbeat.exec.AgentCommand;
import org.jheartbeat.common.time.Clock;
import org.jheartbeat.exec.AgentLauncher;
import org.jheartbeat.lrm.OcfCodes;
import org.jheartbeat.lrm.OpStatus;
import org.jheartbeat.lrm.OperationRequest;
import org.jheartbeat.lrm.OperationResult;
import org.jheartbeat.lrm.ResourceDefinition;

/**
 * STONITH devices through cluster-glue's {@code stonith} command, which loads the C plugins
 * (null, ssh, ipmilan, ...) and runs the {@code external/*} scripts. The device's parameters go
 * into the environment under their own names and {@code -E} reads them from there, which keeps
 * passwords off the command line. A device resource "runs" once started: start checks the
 * device answers ({@code -S}), monitor asks again, stop only forgets it; fencing itself is the
 * fencing subsystem's.
 */
public final class StonithClass implements AgentClass {

    private final Path stonithCommand;
    private final AgentEnvironment environment;
    private final AgentLauncher launcher;
    private final Clock clock;
    private final Set<String> started = ConcurrentHashMap.newKeySet();

    public StonithClass(Path stonithCommand, AgentEnvironment environment, AgentLauncher launcher, Clock clock) {
        this.stonithCommand = stonithCommand;
        this.environment = environment;
        this.launcher = launcher;
        this.clock = clock;
    }

    @Override
    public String standard() {
        return "stonith";
    }

    @Override
    public CompletableFuture<OperationResult> execute(ResourceDefinition resource, OperationRequest operation) {
        switch (operation.action()) {
            case "start":
                return deviceStatus(resource, operation).thenApply(result -> {
                    if (result.rc() == OcfCodes.SUCCESS && result.status() == OpStatus.DONE) {
                        started.add(resource.id());
                    }
                    return result;
                });
            case "stop":
                started.remove(resource.id());
                return answered(OcfCodes.SUCCESS);
            case "monitor":
            case "status":
                return started.contains(resource.id()) ? deviceStatus(resource, operation)
                        : answered(OcfCodes.NOT_RUNNING);
            default:
                return answered(OcfCodes.ERR_UNIMPLEMENTED);
        }
    }

    private CompletableFuture<OperationResult> deviceStatus(ResourceDefinition resource, OperationRequest operation) {
        Map<String, String> env = environment.base();
        env.putAll(resource.parameters());
        AgentCommand command = new AgentCommand(stonithCommand, List.of("-t", resource.agent().type(), "-E", "-S"),
                env, Duration.ofMillis(operation.timeoutMs()));
        return launcher.launch(command).thenApply(outcome -> Outcomes.result(outcome,
                run -> run.exitCode() == 0 ? OcfCodes.SUCCESS : OcfCodes.ERR_GENERIC,
                outcome.exitCode() > 0 ? "stonith -t " + resource.agent().type() + " -E -S: "
                        + PluginCodes.name(outcome.exitCode()) : null));
    }

    private CompletableFuture<OperationResult> answered(int rc) {
        return CompletableFuture.completedFuture(new OperationResult(rc, OpStatus.DONE, null, "",
                clock.wallTime(), Duration.ZERO));
    }
}
