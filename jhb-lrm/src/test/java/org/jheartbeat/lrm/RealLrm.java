package org.jheartbeat.lrm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jheartbeat.common.loop.ThreadEventLoop;
import org.jheartbeat.common.time.SystemClock;
import org.jheartbeat.exec.AgentLauncher;
import org.jheartbeat.exec.ProcessAgentLauncher;
import org.jheartbeat.lrm.agent.AgentClass;
import org.jheartbeat.lrm.agent.AgentEnvironment;
import org.jheartbeat.lrm.agent.OcfClass;

/** An LRM on a real thread running real processes, for the tests that drive installed agents; closed as one. */
final class RealLrm implements AutoCloseable {

    final LocalResourceManager lrm;
    private final ThreadEventLoop loop;
    private final ProcessAgentLauncher launcher;

    RealLrm(Path workDirectory, Function<AgentLauncher, List<AgentClass>> classes, int parallel,
            Consumer<OperationEvent> listener) throws IOException {
        loop = new ThreadEventLoop("lrm", SystemClock.INSTANCE, Throwable::printStackTrace);
        launcher = new ProcessAgentLauncher(workDirectory, 64 * 1024, SystemClock.INSTANCE);
        lrm = new LocalResourceManager(loop, classes.apply(launcher), parallel, listener);
    }

    /** OCF agents from /usr/lib/ocf only, state files in {@code resourceTemp}. */
    static RealLrm ocf(Path workDirectory, Path resourceTemp) throws IOException {
        return new RealLrm(workDirectory, launcher -> List.of(new OcfClass(
                AgentEnvironment.agentsOnly(Path.of("/usr/lib/ocf"), resourceTemp), launcher)), 2, event -> { });
    }

    @Override
    public void close() throws InterruptedException {
        launcher.close();
        loop.close();
    }
}
