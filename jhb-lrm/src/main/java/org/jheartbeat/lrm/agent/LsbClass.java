package org.jheartbeat.lrm.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jheartbeat.exec.AgentCommand;
import org.jheartbeat.exec.AgentLauncher;
import org.jheartbeat.lrm.OcfCodes;
import org.jheartbeat.lrm.OperationRequest;
import org.jheartbeat.lrm.OperationResult;
import org.jheartbeat.lrm.ResourceDefinition;

/**
 * Init scripts: {@code /etc/init.d/NAME ACTION}, no parameters; monitor runs {@code status},
 * whose LSB codes mean something else than the other actions'.
 */
public final class LsbClass implements AgentClass {

    private final Path initDirectory;
    private final AgentEnvironment environment;
    private final AgentLauncher launcher;

    public LsbClass(Path initDirectory, AgentEnvironment environment, AgentLauncher launcher) {
        this.initDirectory = initDirectory;
        this.environment = environment;
        this.launcher = launcher;
    }

    @Override
    public String standard() {
        return "lsb";
    }

    @Override
    public CompletableFuture<OperationResult> execute(ResourceDefinition resource, OperationRequest operation) {
        boolean status = ScriptAction.asksStatus(operation);
        AgentCommand command = new AgentCommand(initDirectory.resolve(resource.agent().type()),
                List.of(ScriptAction.of(operation)), environment.base(),
                Duration.ofMillis(operation.timeoutMs()));
        return launcher.launch(command).thenApply(outcome -> Outcomes.result(outcome,
                run -> status ? statusCode(run.exitCode()) : actionCode(run.exitCode()), null));
    }

    /** LSB status: 0 running; 1, 2, 3 stopped (dead with a pid or lock file, or not running). */
    static int statusCode(int exitCode) {
        switch (exitCode) {
            case 0:
                return OcfCodes.SUCCESS;
            case 1:
            case 2:
            case 3:
                return OcfCodes.NOT_RUNNING;
            case 150:
                return OcfCodes.ERR_INSTALLED;
            case 151:
                return OcfCodes.ERR_PERM;
            default:
                return OcfCodes.ERR_GENERIC;
        }
    }

    /** Other LSB actions share OCF's codes 0–7; anything above is a generic error. */
    static int actionCode(int exitCode) {
        return exitCode >= 0 && exitCode <= OcfCodes.NOT_RUNNING ? exitCode : OcfCodes.ERR_GENERIC;
    }
}
