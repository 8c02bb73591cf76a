package org.jheartbeat.lrm.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jheartbeat.exec.AgentCommand;
import org.jheartbeat.exec.AgentLauncher;
import org.jheartbeat.lrm.OcfCodes;
import org.jheartbeat.lrm.OperationRequest;
import org.jheartbeat.lrm.OperationResult;
import org.jheartbeat.lrm.ResourceDefinition;

/**
 * OCF agents: {@code $OCF_ROOT/resource.d/PROVIDER/TYPE ACTION}, parameters only in the
 * environment, timeouts and intervals in milliseconds.
 */
public final class OcfClass implements AgentClass {

    private final AgentEnvironment environment;
    private final AgentLauncher launcher;
    private final OcfAgentPath agentPath;

    public OcfClass(AgentEnvironment environment, AgentLauncher launcher) {
        this(environment, launcher, OcfAgentPath.under(environment.ocfRoot()));
    }

    public OcfClass(AgentEnvironment environment, AgentLauncher launcher, OcfAgentPath agentPath) {
        this.environment = environment;
        this.launcher = launcher;
        this.agentPath = agentPath;
    }

    @Override
    public String standard() {
        return "ocf";
    }

    private Path program(String provider, String type) {
        return agentPath.find(provider, type);
    }

    @Override
    public CompletableFuture<OperationResult> execute(ResourceDefinition resource, OperationRequest operation) {
        AgentCommand command = new AgentCommand(program(resource.agent().provider(), resource.agent().type()),
                List.of(operation.action()), variables(resource, operation), Duration.ofMillis(operation.timeoutMs()));
        return launcher.launch(command).thenApply(outcome -> Outcomes.result(outcome,
                run -> OcfCodes.normalize(run.exitCode()), ExitReason.from(outcome.stderr())));
    }

    Map<String, String> variables(ResourceDefinition resource, OperationRequest operation) {
        Map<String, String> env = environment.base();
        env.put("OCF_ROOT", environment.ocfRoot().toString());
        env.put("OCF_RA_VERSION_MAJOR", "1");
        env.put("OCF_RA_VERSION_MINOR", "1");
        env.put("OCF_RESOURCE_INSTANCE", resource.id());
        env.put("OCF_RESOURCE_TYPE", resource.agent().type());
        env.put("OCF_RESOURCE_PROVIDER", resource.agent().provider());
        env.put("OCF_EXIT_REASON_PREFIX", ExitReason.PREFIX);
        env.put("OCF_RESKEY_crm_feature_set", AgentEnvironment.FEATURE_SET);
        resource.parameters().forEach((name, value) -> env.put("OCF_RESKEY_" + name, value));
        operation.parameters().forEach((name, value) -> env.put("OCF_RESKEY_" + name, value));
        MetaAliases.withBothNames(operation.meta()).forEach((name, value) -> env.put("OCF_RESKEY_CRM_meta_" + name, value));
        env.put("OCF_RESKEY_CRM_meta_interval", Long.toString(operation.intervalMs()));
        env.put("OCF_RESKEY_CRM_meta_timeout", Long.toString(operation.timeoutMs()));
        return env;
    }
}
