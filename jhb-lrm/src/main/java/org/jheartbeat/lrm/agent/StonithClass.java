package org.jheartbeat.lrm.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jheartbeat.exec.AgentCommand;
import org.jheartbeat.common.time.Clock;
import org.jheartbeat.exec.AgentLauncher;
import org.jheartbeat.exec.AgentOutcome;
import org.jheartbeat.exec.ExecStatus;
import org.jheartbeat.lrm.OcfCodes;
import org.jheartbeat.lrm.OpStatus;
import org.jheartbeat.lrm.OperationRequest;
import org.jheartbeat.lrm.OperationResult;
import org.jheartbeat.lrm.ResourceDefinition;

/**
 * STONITH devices through cluster-glue's {@code stonith} command, which loads the C plugins
 * (null, ssh, ipmilan, ...) and runs the {@code external/*} scripts. The device's parameters go
 * into the environment under their own names and {@code -E} reads them from there, which keeps
 * passwords off the command line. An {@code external/*} script found on
 * {@code STONITH_EXTERNAL_PATH} ({@link StonithPluginPath}) is run directly the way
 * cluster-glue's external plugin runs it (parameters in the environment, the operation and host
 * as arguments, exit 0 for success), since {@code stonith} only looks in its own directory.
 * A device resource "runs" once started: start checks the device answers ({@code -S}), monitor
 * asks again, stop only forgets it. Fencing itself ({@link StonithDevices}) is asked for by the
 * controller, not through the LRM's operations.
 */
public final class StonithClass implements AgentClass, StonithDevices {

    /** cluster-glue puts its helpers (ha_log.sh) first in an external plugin's PATH. */
    private static final String GLUE_HELPERS = "/usr/share/cluster-glue";

    private final Path stonithCommand;
    private final StonithPluginPath plugins;
    private final AgentEnvironment environment;
    private final AgentLauncher launcher;
    private final Clock clock;
    private final Set<String> started = ConcurrentHashMap.newKeySet();

    public StonithClass(Path stonithCommand, StonithPluginPath plugins, AgentEnvironment environment,
            AgentLauncher launcher, Clock clock) {
        this.stonithCommand = stonithCommand;
        this.plugins = plugins;
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

    @Override
    public CompletableFuture<DeviceAnswer> hosts(String type, Map<String, String> parameters, Duration timeout) {
        return run(type, parameters, List.of("-l"), List.of("gethosts"), timeout);
    }

    @Override
    public CompletableFuture<DeviceAnswer> fence(String type, Map<String, String> parameters, String action,
            String target, Duration timeout) {
        return run(type, parameters, List.of("-T", action, target), List.of(action, target), timeout);
    }

    private CompletableFuture<OperationResult> deviceStatus(ResourceDefinition resource, OperationRequest operation) {
        String type = resource.agent().type();
        Optional<AgentCommand> command = command(type, resource.parameters(), List.of("-S"), List.of("status"),
                Duration.ofMillis(operation.timeoutMs()));
        if (command.isEmpty()) {
            return CompletableFuture.completedFuture(new OperationResult(OcfCodes.ERR_PERM, OpStatus.ERROR,
                    refusedScript(type), "", clock.wallTime(), Duration.ZERO));
        }
        return launcher.launch(command.get()).thenApply(outcome -> Outcomes.result(outcome,
                run -> run.exitCode() == 0 ? OcfCodes.SUCCESS : OcfCodes.ERR_GENERIC,
                outcome.exitCode() > 0 ? describe(type, command.get(), outcome) : null));
    }

    private CompletableFuture<DeviceAnswer> run(String type, Map<String, String> parameters, List<String> stonithArgs,
            List<String> pluginArgs, Duration timeout) {
        Optional<AgentCommand> command = command(type, parameters, stonithArgs, pluginArgs, timeout);
        if (command.isEmpty()) {
            return CompletableFuture.completedFuture(new DeviceAnswer(false, "", refusedScript(type)));
        }
        return launcher.launch(command.get()).thenApply(outcome -> {
            boolean ok = outcome.status() == ExecStatus.EXITED && outcome.exitCode() == 0;
            String failure = ok ? null : outcome.status() == ExecStatus.EXITED ? describe(type, command.get(), outcome)
                    : command.get().program() + ": " + outcome.failure();
            return new DeviceAnswer(ok, outcome.stdout(), failure);
        });
    }

    /** The run of a device operation; empty for a plugin script cluster-glue would refuse (see {@link #refusedScript}). */
    private Optional<AgentCommand> command(String type, Map<String, String> parameters, List<String> stonithArgs,
            List<String> pluginArgs, Duration timeout) {
        Map<String, String> env = environment.base();
        parameters.forEach((name, value) -> {
            if (!name.startsWith("pcmk_")) {
                env.put(name, value);
            }
        });
        Optional<Path> script = plugins.find(type);
        if (script.isPresent()) {
            if (writableByOthers(script.get())) {
                return Optional.empty();
            }
            env.put("PATH", GLUE_HELPERS + ":" + env.getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
            return Optional.of(new AgentCommand(script.get(), pluginArgs, env, timeout));
        }
        List<String> args = new ArrayList<>(List.of("-t", type, "-E"));
        args.addAll(stonithArgs);
        return Optional.of(new AgentCommand(stonithCommand, args, env, timeout));
    }

    /** cluster-glue ignores a plugin that group or others may change: anyone could make it fence anything. */
    private static boolean writableByOthers(Path script) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(script);
            return permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }

    private String refusedScript(String type) {
        return "the plugin script of " + type + " (" + plugins.find(type).map(Path::toString).orElse("?")
                + ") is writable by group or others, and cluster-glue refuses such plugins: chmod go-w it";
    }

    private static String describe(String type, AgentCommand command, AgentOutcome outcome) {
        String said = (outcome.stdout() + outcome.stderr()).strip().replace('\n', ' ');
        String what = command.program().getFileName().toString().equals("stonith")
                ? "stonith -t " + type + " -E " + String.join(" ", command.arguments().subList(3, command.arguments().size()))
                        + ": " + PluginCodes.name(outcome.exitCode())
                : command.program() + " " + String.join(" ", command.arguments()) + ": exit code " + outcome.exitCode();
        return said.isEmpty() ? what : what + " (" + (said.length() > 200 ? said.substring(0, 200) : said) + ")";
    }

    private CompletableFuture<OperationResult> answered(int rc) {
        return CompletableFuture.completedFuture(new OperationResult(rc, OpStatus.DONE, null, "",
                clock.wallTime(), Duration.ZERO));
    }
}
