package org.jheartbeat.daemon;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jheartbeat.client.Locations;
import org.jheartbeat.common.config.ConfigException;
import org.jheartbeat.common.log.HeartbeatLogging;
import org.jheartbeat.common.time.SystemClock;
import org.jheartbeat.daemon.state.PidFile;
import org.jheartbeat.messaging.config.DaemonLogSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code heartbeat}: runs the node in the foreground (the init script and the systemd unit put it
 * in the background), or with {@code -k}, {@code -r}, {@code -s} stops, reloads or reports the
 * daemon running on the same state directory, as Heartbeat's own options do.
 */
@Command(name = "heartbeat", mixinStandardHelpOptions = true, version = StatusReport.VERSION,
        description = "Heartbeat cluster daemon: signed UDP heartbeats, node liveness and membership.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:stopped cleanly (or -k/-r/-s succeeded)", "1:failed or not running (-k/-r/-s)",
            "6:configuration error"})
public final class HeartbeatMain implements Callable<Integer> {

    private static final int STOP_WAIT_SECONDS = 15;
    private static final Logger LOG = LoggerFactory.getLogger("heartbeat");

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "ha.cf, authkeys, logd.cf (default: $HA_CONFIG_DIR or /etc/ha.d)")
    private Path configDir;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "pid file, socket, generation and uuid (default: $HA_STATE_DIR or /var/lib/heartbeat)")
    private Path stateDir;

    @Option(names = "--node-name", paramLabel = "NAME", description = "this node's name (default: uname -n)")
    private String nodeName;

    @Option(names = "-k", description = "stop the daemon running on this state directory")
    private boolean kill;

    @Option(names = "-r", description = "make the running daemon re-read its configuration (SIGHUP)")
    private boolean reload;

    @Option(names = "-s", description = "report whether the daemon is running")
    private boolean status;

    public static void main(String[] args) {
        System.exit(new CommandLine(new HeartbeatMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Locations locations = Locations.resolve(configDir, stateDir);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        PidFile pidFile = new PidFile(locations.pidFile());
        if (kill || reload || status) {
            return control(pidFile, out, err);
        }
        // ha.cf node names are case-insensitive and kept in lower case, as Heartbeat keeps them.
        String node = (nodeName != null ? nodeName : hostName()).toLowerCase(Locale.ROOT);
        DaemonConfig config;
        try {
            config = DaemonConfig.load(locations.configDir(), node, true);
        } catch (ConfigException e) {
            err.println("heartbeat: ERROR: " + e.getMessage());
            err.println("heartbeat: ERROR: Configuration error, heartbeat not started.");
            return ConfigException.EXIT_STATUS;
        }
        HeartbeatLogging.configure(DaemonLogSettings.forDaemon(config.haCf(), config.logd(), "heartbeat").withAlsoStderr(true));
        config.warnings().forEach(LOG::warn);
        Files.createDirectories(locations.stateDir());
        Optional<Long> running = pidFile.runningPid();
        if (running.isPresent()) {
            err.println("heartbeat: already running [pid " + running.get() + "] on " + locations.stateDir());
            return 1;
        }
        HeartbeatDaemon daemon = new HeartbeatDaemon(locations, node, config, SystemClock.INSTANCE);
        SignalHandlers.install(daemon);
        try {
            daemon.start();
        } catch (IOException e) {
            LOG.error("Heartbeat not started: {}", e.getMessage());
            daemon.stop();
            return 1;
        }
        daemon.awaitStop();
        return daemon.failed() ? 1 : 0;
    }

    private Integer control(PidFile pidFile, PrintWriter out, PrintWriter err) throws IOException,
            InterruptedException {
        Optional<Long> running = pidFile.runningPid();
        if (running.isEmpty()) {
            err.println("heartbeat: not running on " + pidFile.path().getParent() + " (no live process in "
                    + pidFile.path() + ")");
            return 1;
        }
        long pid = running.get();
        if (status) {
            out.println("heartbeat OK [pid " + pid + "] is running on " + pidFile.path().getParent());
            return 0;
        }
        if (reload) {
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(pid)).inheritIO().start();
            return kill.waitFor() == 0 ? 0 : 1;
        }
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        daemon.destroy();
        try {
            daemon.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            return 0;
        } catch (ExecutionException | TimeoutException e) {
            err.println("heartbeat: pid " + pid + " did not stop within " + STOP_WAIT_SECONDS + " s; with the"
                    + " controller it may still be waiting for the DC to move its resources away (see its log)");
            return 1;
        }
    }

    static String hostName() throws IOException {
        Path kernelHostname = Path.of("/proc/sys/kernel/hostname");
        return Files.readString(kernelHostname).trim();
    }
}
