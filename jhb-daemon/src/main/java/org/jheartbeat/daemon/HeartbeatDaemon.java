package org.jheartbeat.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jheartbeat.client.Locations;
import org.jheartbeat.client.ipc.IpcMessages;
import org.jheartbeat.common.log.HeartbeatLogging;
import org.jheartbeat.common.loop.ThreadEventLoop;
import org.jheartbeat.common.time.Clock;
import org.jheartbeat.daemon.ipc.IpcServer;
import org.jheartbeat.daemon.ipc.PeerCredentials;
import org.jheartbeat.daemon.ipc.IpcServerException;
import org.jheartbeat.daemon.ipc.RequestDispatcher;
import org.jheartbeat.daemon.state.GenerationFile;
import org.jheartbeat.daemon.state.NodeUuidFile;
import org.jheartbeat.daemon.state.PidFile;
import org.jheartbeat.messaging.HeartbeatService;
import org.jheartbeat.messaging.MessagingConfig;
import org.jheartbeat.messaging.config.Autojoin;
import org.jheartbeat.messaging.config.HaConfig;
import org.jheartbeat.messaging.config.MessageFormat;
import org.jheartbeat.messaging.config.UuidSource;
import org.jheartbeat.messaging.ping.PingMonitor;
import org.jheartbeat.messaging.transport.UdpTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node: the messaging loop with its UDP media, the ping monitor, and the local IPC
 * socket the tools use. Started by {@link HeartbeatMain}; stopped by SIGTERM through a shutdown
 * hook, which tells the peers (so they do not wait for deadtime) and removes the pid file.
 */
final class HeartbeatDaemon {

    private static final Logger LOG = LoggerFactory.getLogger("heartbeat");

    private final Locations locations;
    private final String nodeName;
    private final DaemonConfig config;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ThreadEventLoop loop;
    private UdpTransport transport;
    private HeartbeatService service;
    private PingMonitor pings;
    private IpcServer ipc;
    private PidFile pidFile;
    private volatile boolean failed;

    HeartbeatDaemon(Locations locations, String nodeName, DaemonConfig config, Clock clock) {
        this.locations = locations;
        this.nodeName = nodeName;
        this.config = config;
        this.clock = clock;
    }

    void start() throws IOException {
        HaConfig haCf = config.haCf();
        pidFile = new PidFile(locations.pidFile());
        pidFile.writeOwn();
        long generation = new GenerationFile(locations.stateDir()).next(clock.wallTime());
        byte[] uuid = haCf.uuidFrom() == UuidSource.NODENAME ? NodeUuidFile.fromNodeName(nodeName)
                : new NodeUuidFile(locations.stateDir()).loadOrCreate();
        LOG.info("Configuration validated. Starting {} on node {}", StatusReport.VERSION, nodeName);
        LOG.info("Heartbeat generation: {}", generation);
        Map<String, Set<InetAddress>> addresses = new HashMap<>();
        haCf.nodeAddresses().forEach((node, list) -> addresses.put(node, new HashSet<>(list)));
        MessagingConfig messaging = new MessagingConfig(nodeName, haCf.nodes(), haCf.autojoin() != Autojoin.NONE,
                haCf.timing().keepalive().duration(), haCf.timing().warntime().duration(),
                haCf.timing().deadtime().duration(), haCf.timing().initdead().duration(), haCf.hopfudge(), addresses,
                config.authkeys().keys(), haCf.messageFormat() == MessageFormat.CLASSIC, generation, uuid);
        loop = new ThreadEventLoop("membership", clock, this::fail);
        transport = new UdpTransport(haCf.media(), addresses.getOrDefault(nodeName, Set.of()));
        haCf.media().forEach(m -> LOG.info("{}: started on port {} interface {}", m, m.port(), m.iface()));
        service = new HeartbeatService(messaging, loop, transport);
        pings = new PingMonitor(haCf.pingNodes(), haCf.pingGroups(), haCf.timing().keepalive().duration(),
                haCf.timing().deadping().duration(), clock);
        service.start();
        pings.start();
        try {
            ipc = IpcServer.start(locations.socket(), new RequestDispatcher().on(IpcMessages.STATUS, this::status));
        } catch (IpcServerException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private CompletableFuture<JsonNode> status(JsonNode body, PeerCredentials who) {
        return service.snapshot().thenApply(snapshot -> IpcMessages.MAPPER.valueToTree(
                StatusReport.of(config.haCf(), snapshot, pings.status())));
    }

    /** Blocks until {@link #stop()} has finished. */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    void stop() {
        LOG.info("Heartbeat shutdown in progress. ({})", ProcessHandle.current().pid());
        try {
            if (service != null) {
                service.stop().get(2, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.warn("could not tell peers about the shutdown: {}", e.toString());
        }
        closeQuietly(ipc);
        closeQuietly(pings);
        closeQuietly(transport);
        closeQuietly(loop);
        try {
            if (pidFile != null) {
                pidFile.removeOwn();
            }
        } catch (IOException e) {
            LOG.warn("cannot remove pid file {}: {}", pidFile.path(), e.getMessage());
        }
        LOG.info("Heartbeat shutdown complete.");
        stopped.countDown();
    }

    /** A loop task threw: the node can no longer be trusted, so it leaves the cluster cleanly. */
    private void fail(Throwable error) {
        LOG.error(HeartbeatLogging.CRIT, "Emergency Shutdown: subsystem failed: {}", error.toString(), error);
        failed = true;
        Thread stopper = new Thread(this::stop, "emergency-stop");
        stopper.start();
    }

    /** Whether the daemon stopped because a subsystem failed rather than on request. */
    boolean failed() {
        return failed;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("while stopping {}: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }
}
