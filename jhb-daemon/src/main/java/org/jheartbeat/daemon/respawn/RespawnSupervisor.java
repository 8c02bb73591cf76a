package org.jheartbeat.daemon.respawn;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.messaging.config.Respawn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code respawn} children of ha.cf and starts each again when it exits, unless it
 * exits with status 100, as Heartbeat does. A child that keeps dying is restarted at most once
 * every {@link #RESTART_DELAY}, so a broken program cannot spin. Children run as the named user
 * (through {@code runuser} when the daemon is root) with the {@code env} lines of ha.cf.
 *
 * <p>All state lives on one event loop; process exits arrive from the JDK's reaper threads as
 * tasks on that loop.
 */
public final class RespawnSupervisor {

    /** Exit status with which a child asks not to be restarted. */
    public static final int DO_NOT_RESTART = 100;
    static final Duration RESTART_DELAY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger("heartbeat");

    private final EventLoop loop;
    private final Map<String, String> environment;
    private final ChildLauncher launcher;
    private final List<Child> children = new ArrayList<>();
    private boolean stopped;

    /** Starts a child process; the real one runs it, tests may count. */
    @FunctionalInterface
    public interface ChildLauncher {
        Process launch(List<String> command, Map<String, String> environment) throws IOException;

        ChildLauncher SYSTEM = (command, environment) -> {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(environment);
            return builder.start();
        };
    }

    private static final class Child {
        final Respawn spec;
        Process process;
        long lastStartNanos;

        Child(Respawn spec) {
            this.spec = spec;
        }
    }

    public RespawnSupervisor(EventLoop loop, List<Respawn> respawns, Map<String, String> environment,
                             ChildLauncher launcher) {
        this.loop = loop;
        this.environment = Map.copyOf(environment);
        this.launcher = launcher;
        respawns.forEach(r -> children.add(new Child(r)));
    }

    public void start() {
        loop.execute(() -> children.forEach(this::launch));
    }

    /** Stops every child (SIGTERM) and restarts none. */
    public void stop() {
        loop.execute(() -> {
            stopped = true;
            for (Child child : children) {
                if (child.process != null) {
                    child.process.destroy();
                }
            }
        });
    }

    private void launch(Child child) {
        loop.assertInLoop();
        if (stopped) {
            return;
        }
        child.lastStartNanos = loop.clock().monotonicNanos();
        try {
            Process process = launcher.launch(command(child.spec), environment);
            child.process = process;
            LOG.info("Starting \"{}\" as uid {} (pid {})", commandLine(child.spec), child.spec.user(), process.pid());
            process.onExit().thenAccept(exited -> loop.execute(() -> exited(child, exited)));
        } catch (IOException e) {
            LOG.error("Cannot start respawn child \"{}\": {}; retrying in {} s", commandLine(child.spec),
                    e.getMessage(), RESTART_DELAY.toSeconds());
            loop.schedule(RESTART_DELAY, () -> launch(child));
        }
    }

    private void exited(Child child, Process process) {
        if (stopped || process != child.process) {
            return;
        }
        int status = process.exitValue();
        if (status == DO_NOT_RESTART) {
            LOG.info("Respawn client \"{}\" exited with status 100: not restarting it", commandLine(child.spec));
            return;
        }
        LOG.warn("Managed {} process {} exited with return code {}.", child.spec.path(), process.pid(), status);
        long ranNanos = loop.clock().monotonicNanos() - child.lastStartNanos;
        Duration wait = ranNanos >= RESTART_DELAY.toNanos() ? Duration.ZERO : RESTART_DELAY.minusNanos(ranNanos);
        loop.schedule(wait, () -> launch(child));
    }

    /** The command, through runuser when this daemon (root) must run it as another user. */
    static List<String> command(Respawn spec) {
        List<String> command = new ArrayList<>();
        if (!spec.user().equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", spec.user(), "--"));
        }
        command.add(spec.path());
        command.addAll(spec.arguments());
        return command;
    }

    private static String commandLine(Respawn spec) {
        List<String> words = new ArrayList<>(List.of(spec.path()));
        words.addAll(spec.arguments());
        return String.join(" ", words);
    }
}
