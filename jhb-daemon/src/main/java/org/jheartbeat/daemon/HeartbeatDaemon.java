package org.jheartbeat.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibTemplate;
import org.jheartbeat.cib.service.CibReplicator;
import org.jheartbeat.cib.service.CibService;
import org.jheartbeat.cib.service.CibStore;
import org.jheartbeat.cib.service.CibStoreException;
import org.jheartbeat.client.Locations;
import org.jheartbeat.client.ipc.IpcMessages;
import org.jheartbeat.common.config.ConfigException;
import org.jheartbeat.common.log.HeartbeatLogging;
import org.jheartbeat.common.loop.ThreadEventLoop;
import org.jheartbeat.common.time.Clock;
import org.jheartbeat.controller.Controller;
import org.jheartbeat.daemon.haresources.HaResourcesCib;
import org.jheartbeat.daemon.haresources.HaResourcesPlan;
import org.jheartbeat.daemon.ipc.IpcServer;
import org.jheartbeat.daemon.ipc.IpcServerException;
import org.jheartbeat.daemon.ipc.PeerCredentials;
import org.jheartbeat.daemon.ipc.RequestDispatcher;
import org.jheartbeat.daemon.respawn.RespawnSupervisor;
import org.jheartbeat.daemon.state.GenerationFile;
import org.jheartbeat.daemon.state.NodeUuidFile;
import org.jheartbeat.daemon.state.PidFile;
import org.jheartbeat.messaging.HeartbeatService;
import org.jheartbeat.messaging.MessagingConfig;
import org.jheartbeat.messaging.config.Autojoin;
import org.jheartbeat.messaging.config.CrmMode;
import org.jheartbeat.messaging.config.DaemonLogSettings;
import org.jheartbeat.messaging.config.HaConfig;
import org.jheartbeat.messaging.config.Medium;
import org.jheartbeat.messaging.config.MessageFormat;
import org.jheartbeat.messaging.config.UuidSource;
import org.jheartbeat.messaging.ping.PingMonitor;
import org.jheartbeat.messaging.transport.UdpTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node: the messaging loop with its UDP media, the ping monitor, and the local IPC
 * socket the tools use. Started by {@link HeartbeatMain}; SIGTERM stops it: with the controller,
 * only once the DC has moved this node's resources elsewhere ({@link Controller#shutdown()});
 * then it tells the peers, so they do not wait for deadtime, and removes the pid file. SIGHUP re-reads the files and,
 * when they changed, restarts the messaging layer with a new generation, as Heartbeat restarts
 * itself after an authkeys change. Start, reload and stop run on signal or main threads, one at
 * a time.
 */
final class HeartbeatDaemon {

    private static final Logger LOG = LoggerFactory.getLogger("heartbeat");

    private final Locations locations;
    private final String nodeName;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile DaemonConfig config;
    private volatile Messaging messaging;
    private IpcServer ipc;
    private ThreadEventLoop respawnLoop;
    private ThreadEventLoop cibLoop;
    private ExecutorService cibWriter;
    private CibService cib;
    private CibReplicator replicator;
    private RespawnSupervisor respawns;
    private LocalResources localResources;
    private ThreadEventLoop controllerLoop;
    private Controller controller;
    private ControllerStartGate controllerGate;
    private PidFile pidFile;
    private boolean stopping;
    private volatile boolean failed;
    /** While a stop waits for the DC to move this node's resources away; a failure ends the wait. */
    private volatile CompletableFuture<Void> handingOver;

    /** The parts that a reload replaces. */
    private record Messaging(ThreadEventLoop loop, UdpTransport transport, HeartbeatService service,
                             PingMonitor pings) {
    }

    HeartbeatDaemon(Locations locations, String nodeName, DaemonConfig config, Clock clock) {
        this.locations = locations;
        this.nodeName = nodeName;
        this.config = config;
        this.clock = clock;
    }

    synchronized void start() throws IOException {
        pidFile = new PidFile(locations.pidFile());
        pidFile.writeOwn();
        LOG.info("Configuration validated. Starting {} on node {}", StatusReport.VERSION, nodeName);
        startCib();
        localResources = new LocalResources(locations, clock, new ThreadEventLoop("lrm", clock, this::fail));
        if (config.haCf().crm() != CrmMode.OFF || config.haresources() != null) {
            controllerLoop = new ThreadEventLoop("crmd", clock, this::fail);
            controller = new Controller(nodeName, controllerLoop, cib, localResources.lrm(), localResources.stonith(),
                    message -> messaging.service().send(message));
            controllerGate = new ControllerStartGate(controller, config.haCf().nodes(), controllerLoop,
                    config.haCf().timing().initdead().duration());
            localResources.onResult(controller::operationDone);
        }
        messaging = startMessaging(config);
        respawnLoop = new ThreadEventLoop("respawn", clock, this::fail);
        respawns = new RespawnSupervisor(respawnLoop, config.haCf().respawns(), config.haCf().environment(),
                RespawnSupervisor.ChildLauncher.SYSTEM);
        respawns.start();
        try {
            ipc = IpcServer.start(locations.socket(), new RequestDispatcher()
                    .on(IpcMessages.STATUS, this::status)
                    .on(IpcMessages.CIB, new CibRequests(cib, replicator)::handle)
                    .on(IpcMessages.LRM, new LrmRequests(localResources.lrm(), nodeName)::handle)
                    .on(IpcMessages.CONTROLLER, new ControllerRequests(controller)::handle));
        } catch (IpcServerException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Loads cib.xml (writing the empty template at the first start); a damaged one stops the start. */
    private void startCib() throws IOException {
        CibStore store = new CibStore(locations.cibDirectory(), clock);
        CibDocument document;
        try {
            document = store.loadOrCreate(CibTemplate::empty);
        } catch (CibStoreException e) {
            throw new IOException(e.getMessage(), e);
        }
        LOG.info("CIB {} loaded from {}", document.version(), locations.cibDirectory());
        Path haresources = locations.configDir().resolve(DaemonConfig.HARESOURCES);
        if (config.haresources() != null) {
            document = installHaresources(store, document, config.haresources());
        } else if (config.haCf().crm() != CrmMode.OFF && Files.exists(haresources)) {
            LOG.info("{} ignored: with crm {} the resources are those of the CIB", haresources,
                    config.haCf().crm().name().toLowerCase(Locale.ROOT));
        }
        cibLoop = new ThreadEventLoop("cib", clock, this::fail);
        cibWriter = Executors.newSingleThreadExecutor(task -> new Thread(task, "cib-writer"));
        cib = new CibService(cibLoop, document, store, cibWriter);
        replicator = new CibReplicator(nodeName, cibLoop, cib, document, message -> messaging.service().send(message));
    }

    /**
     * crm off with haresources: the CIB's configuration becomes the one haresources stands for,
     * generated again at every start as v1 read the file afresh; the status section stays.
     */
    private static CibDocument installHaresources(CibStore store, CibDocument stored, HaResourcesPlan plan)
            throws IOException {
        LOG.info("crm off: resources from {}", plan.file());
        plan.summary().forEach(line -> LOG.info("haresources: {}", line));
        plan.errors().forEach(line -> LOG.error("{}", line));
        Optional<CibDocument> installed = HaResourcesCib.install(stored, plan);
        if (installed.isEmpty()) {
            LOG.info("haresources: the CIB's configuration is already the one {} generates", plan.file());
            return stored;
        }
        store.write(installed.get());
        LOG.info("haresources: CIB {} written with the configuration generated from {}", installed.get().version(),
                plan.file());
        return installed.get();
    }

    private Messaging startMessaging(DaemonConfig daemonConfig) throws IOException {
        HaConfig haCf = daemonConfig.haCf();
        long generation = new GenerationFile(locations.stateDir()).next(clock.wallTime());
        byte[] uuid = haCf.uuidFrom() == UuidSource.NODENAME ? NodeUuidFile.fromNodeName(nodeName)
                : new NodeUuidFile(locations.stateDir()).loadOrCreate();
        LOG.info("Heartbeat generation: {}", generation);
        Map<String, Set<InetAddress>> addresses = new HashMap<>();
        haCf.nodeAddresses().forEach((node, list) -> addresses.put(node, new HashSet<>(list)));
        MessagingConfig messagingConfig = new MessagingConfig(nodeName, haCf.nodes(),
                haCf.autojoin() != Autojoin.NONE, haCf.timing().keepalive().duration(),
                haCf.timing().warntime().duration(), haCf.timing().deadtime().duration(),
                haCf.timing().initdead().duration(), haCf.hopfudge(), addresses, daemonConfig.authkeys().keys(),
                haCf.messageFormat() == MessageFormat.CLASSIC, generation, uuid);
        UdpTransport transport = new UdpTransport(haCf.media(), addresses.getOrDefault(nodeName, Set.of()));
        haCf.media().forEach(m -> LOG.info("{}: started on port {} interface {}", describe(m), m.port(), m.iface()));
        ThreadEventLoop loop = new ThreadEventLoop("membership", clock, this::fail);
        HeartbeatService service = new HeartbeatService(messagingConfig, loop, transport);
        PingMonitor pings = new PingMonitor(haCf.pingNodes(), haCf.pingGroups(), haCf.timing().keepalive().duration(),
                haCf.timing().deadping().duration(), clock, PingMonitor.Prober.SYSTEM);
        // Published before the service starts: the replicator sends through it as soon as it hears a view.
        Messaging started = new Messaging(loop, transport, service, pings);
        messaging = started;
        service.subscribe(cibLoop, replicator);
        if (controllerGate != null) {
            service.subscribe(controllerLoop, controllerGate);
        }
        service.start();
        pings.start();
        return started;
    }

    private static String describe(Medium medium) {
        if (medium instanceof Medium.Ucast ucast) {
            return "ucast to " + ucast.peer().getHostAddress();
        }
        if (medium instanceof Medium.Mcast mcast) {
            return "mcast group " + mcast.group().getHostAddress();
        }
        return "bcast";
    }

    private CompletableFuture<JsonNode> status(JsonNode body, PeerCredentials who) {
        Messaging current = messaging;
        DaemonConfig currentConfig = config;
        return current.service().snapshot().thenApply(snapshot -> IpcMessages.MAPPER.valueToTree(
                StatusReport.of(currentConfig.haCf(), snapshot, current.pings())));
    }

    /** Re-reads the configuration; a bad file is reported and the running configuration kept. */
    synchronized void reload() {
        if (stopping) {
            return;
        }
        LOG.info("Signal HUP: re-reading the configuration in {}", locations.configDir());
        DaemonConfig fresh;
        try {
            fresh = DaemonConfig.load(locations.configDir(), nodeName, true);
        } catch (ConfigException e) {
            LOG.error("Configuration error, keeping the running configuration: {}", e.getMessage());
            return;
        }
        if (!Objects.equals(fresh.haresources(), config.haresources())) {
            LOG.warn("{} changed: the CIB is generated from it at start, so the change takes effect at the next"
                    + " start", locations.configDir().resolve(DaemonConfig.HARESOURCES));
        }
        if (fresh.sameButHaresources(config)) {
            LOG.info("Configuration unchanged.");
            return;
        }
        LOG.warn("Configuration changed: restarting the messaging layer with a new generation.");
        HeartbeatLogging.configure(DaemonLogSettings.forDaemon(fresh.haCf(), fresh.logd(), "heartbeat")
                .withAlsoStderr(true));
        fresh.warnings().forEach(LOG::warn);
        stopMessaging(messaging);
        try {
            messaging = startMessaging(fresh);
            config = fresh;
        } catch (IOException e) {
            LOG.error(HeartbeatLogging.CRIT, "Cannot restart the messaging layer: {}", e.getMessage());
            failed = true;
            new Thread(this::stop, "emergency-stop").start();
        }
    }

    /** Blocks until {@link #stop()} has finished. */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        LOG.info("Heartbeat shutdown in progress. ({})", ProcessHandle.current().pid());
        if (controller != null && !failed) {
            // as long as shutdown-escalation at most: the controller then lets the node go all the same
            handingOver = controller.shutdown();
            handingOver.join();
        }
        if (respawns != null) {
            respawns.stop();
        }
        if (messaging != null) {
            stopMessaging(messaging);
        }
        closeQuietly(respawnLoop);
        closeQuietly(controllerLoop);
        closeQuietly(localResources);
        // the loop first: a change it applies while it stops still hands its write to the writer
        closeQuietly(cibLoop);
        if (cibWriter != null) {
            cibWriter.shutdown();
        }
        closeQuietly(ipc);
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

    private static void stopMessaging(Messaging running) {
        try {
            running.service().stop().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("could not tell peers about the shutdown: {}", e.toString());
        }
        closeQuietly(running.pings());
        closeQuietly(running.transport());
        closeQuietly(running.loop());
    }

    /** A loop task threw: the node can no longer be trusted, so it leaves the cluster cleanly. */
    private void fail(Throwable error) {
        LOG.error(HeartbeatLogging.CRIT, "Emergency Shutdown: subsystem failed: {}", error.toString(), error);
        failed = true;
        CompletableFuture<Void> waiting = handingOver;
        if (waiting != null) {
            // the controller's loop may be the one that failed: its answer may never come
            waiting.complete(null);
        }
        new Thread(this::stop, "emergency-stop").start();
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
