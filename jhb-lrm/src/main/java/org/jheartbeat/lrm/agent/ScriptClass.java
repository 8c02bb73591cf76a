package org.jheartbeat.lrm.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jheartbeat.exec.AgentCommand;
import org.jheartbeat.exec.AgentLauncher;
import org.jheartbeat.exec.AgentOutcome;
import org.jheartbeat.lrm.OperationRequest;
import org.jheartbeat.lrm.OperationResult;
import org.jheartbeat.lrm.ResourceDefinition;

/**
 * The script classes (lsb, heartbeat): a script in one directory, called with the action as its
 * last argument, which knows {@code status} rather than {@code monitor} and answers it in its
 * own way; what differs is the arguments before the action and how each answer is read.
 */
abstract class ScriptClass implements AgentClass {

    private final Path directory;
    private final AgentEnvironment environment;
    private final AgentLauncher launcher;

    ScriptClass(Path directory, AgentEnvironment environment, AgentLauncher launcher) {
        this.directory = directory;
        this.environment = environment;
        this.launcher = launcher;
    }

    @Override
    public final CompletableFuture<OperationResult> execute(ResourceDefinition resource, OperationRequest operation) {
        boolean status = "monitor".equals(operation.action()) || "status".equals(operation.action());
        AgentCommand command = new AgentCommand(directory.resolve(resource.agent().type()),
                arguments(resource, status ? "status" : operation.action()), environment.base(),
                Duration.ofMillis(operation.timeoutMs()));
        return launcher.launch(command).thenApply(outcome -> Outcomes.result(outcome,
                run -> status ? statusCode(run) : actionCode(run), null));
    }

    /** The script's arguments, ending with the action. */
    abstract List<String> arguments(ResourceDefinition resource, String action);

    /** The OCF code of a {@code status} run. */
    abstract int statusCode(AgentOutcome run);

    /** The OCF code of any other action's run. */
    abstract int actionCode(AgentOutcome run);
}
