package org.jheartbeat.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jheartbeat.common.loop.ThreadEventLoop;
import org.jheartbeat.common.time.Clock;
import org.jheartbeat.client.Locations;
import org.jheartbeat.exec.ProcessAgentLauncher;
import org.jheartbeat.lrm.LocalResourceManager;
import org.jheartbeat.lrm.OperationEvent;
import org.jheartbeat.lrm.OperationResult;
import org.jheartbeat.lrm.agent.AgentClasses;
import org.jheartbeat.lrm.agent.AgentEnvironment;
import org.jheartbeat.lrm.agent.AgentClass;
import org.jheartbeat.lrm.agent.HeartbeatClass;
import org.jheartbeat.lrm.agent.OcfAgentPath;
import org.jheartbeat.lrm.agent.StonithDevices;
import org.jheartbeat.lrm.agent.StonithPluginPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's LRM with its loop, launcher and agent classes. Agents keep their state files
 * (HA_RSCTMP) in /run/resource-agents, cleared at boot, for a daemon with the standard state
 * directory; a daemon given a state directory of its own (several nodes on one machine, the
 * local demo, a user without root) keeps them in it, so nodes never see each other's files.
 */
final class LocalResources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("lrmd");
    /** The system property bin/.launch sets to its agent-tools directory. */
    static final String AGENT_TOOLS = "jhb.agentTools";
    private static final int OUTPUT_CAP = 64 * 1024;
    /**
     * Agents spend most of their time waiting (a start polling its service, a monitor's fork and
     * shell start-up), so far more may run than there are cores: with 4, 200 one-second Dummy
     * monitors fell seconds behind (bench/lrm/monitors.sh).
     */
    private static final int PARALLEL = 32;

    private final ThreadEventLoop loop;
    private final ProcessAgentLauncher launcher;
    private final LocalResourceManager lrm;
    private final StonithDevices stonith;
    private final List<Consumer<OperationEvent>> listeners = new CopyOnWriteArrayList<>();

    LocalResources(Locations locations, Clock clock, ThreadEventLoop loop) throws IOException {
        this.loop = loop;
        this.launcher = new ProcessAgentLauncher(locations.stateDir().resolve("lrm"), OUTPUT_CAP, clock);
        AgentEnvironment environment = new AgentEnvironment(Path.of("/usr/lib/ocf"), resourceTemp(locations),
                agentTools(), locations.stateDir());
        LOG.info("Resource agents keep their state in {}; our tools for them: {}", environment.resourceTemp(),
                environment.toolsDirectory() == null ? "none (Pacemaker's, if installed)" : environment.toolsDirectory());
        StonithPluginPath stonithPlugins = StonithPluginPath.fromEnvironment(System.getenv());
        if (!stonithPlugins.directories().isEmpty()) {
            LOG.info("STONITH external plugins are also looked for in {} ({})", stonithPlugins.directories(),
                    StonithPluginPath.VARIABLE);
        }
        List<AgentClass> classes = AgentClasses.installed(environment,
                OcfAgentPath.fromEnvironment(System.getenv(), environment.ocfRoot()),
                HeartbeatClass.directory(System.getenv()), stonithPlugins, launcher, clock);
        this.stonith = classes.stream().filter(StonithDevices.class::isInstance).map(StonithDevices.class::cast)
                .findFirst().orElseThrow();
        this.lrm = new LocalResourceManager(loop, classes, PARALLEL, this::operationDone);
    }

    LocalResourceManager lrm() {
        return lrm;
    }

    /** The devices the controller fences with: the LRM's own stonith class, so both run devices alike. */
    StonithDevices stonith() {
        return stonith;
    }

    /** Tells a listener (the controller) of every one-shot result and every change of a recurring one, on the LRM's loop. */
    void onResult(Consumer<OperationEvent> listener) {
        listeners.add(listener);
    }

    private void operationDone(OperationEvent event) {
        log(event);
        listeners.forEach(listener -> listener.accept(event));
    }

    /** bin/agent-tools, which the launcher names; absent when the daemon was started another way. */
    private static Path agentTools() {
        String tools = System.getProperty(AGENT_TOOLS);
        return tools != null && Files.isDirectory(Path.of(tools)) ? Path.of(tools) : null;
    }

    private static Path resourceTemp(Locations locations) throws IOException {
        Path temp = locations.resourceTemp();
        if (Files.notExists(temp)) {
            Files.createDirectories(temp);
            if (locations.stateDir().equals(Locations.DEFAULT_STATE_DIR)) {
                // 1755 as Debian's tmpfiles.d entry makes it; PosixFilePermissions has no sticky bit
                Files.setAttribute(temp, "unix:mode", 01755);
            }
        }
        return temp;
    }

    private static void log(OperationEvent event) {
        OperationResult result = event.result();
        String what = event.resourceId() + " " + event.operation().action()
                + (event.operation().recurring() ? " every " + event.operation().intervalMs() + " ms" : "")
                + " (call " + event.callId() + "): rc=" + result.rc() + ", status " + result.status().name().toLowerCase()
                + ", " + result.runtime().toMillis() + " ms"
                + (result.exitReason() == null ? "" : ": " + result.exitReason());
        if (result.succeeded(event.operation())) {
            LOG.info("{}", what);
        } else {
            LOG.warn("{}", what);
        }
    }

    @Override
    public void close() throws InterruptedException {
        launcher.close();
        loop.close();
    }
}
