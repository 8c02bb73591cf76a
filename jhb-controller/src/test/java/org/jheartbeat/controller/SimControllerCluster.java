package org.jheartbeat.controller;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibTemplate;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.service.CibReplicator;
import org.jheartbeat.cib.service.CibService;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.lrm.LocalResourceManager;
import org.jheartbeat.lrm.agent.StonithDevices;
import org.jheartbeat.membership.View;
import org.jheartbeat.messaging.HeartbeatService;
import org.jheartbeat.messaging.MessagingConfig;
import org.jheartbeat.messaging.MessagingListener;
import org.jheartbeat.messaging.SimTransport;
import org.jheartbeat.messaging.auth.AuthKey;
import org.jheartbeat.messaging.auth.AuthMethod;
import org.jheartbeat.messaging.auth.Authkeys;
import org.jheartbeat.policy.unpack.CibUnpacker;
import org.jheartbeat.testkit.SimNetwork;
import org.jheartbeat.testkit.SimScheduler;

/**
 * Whole nodes (messaging, CIB and its replication, LRM, controller) on one simulated network
 * and clock, with Dummy-like agents acting on a {@link SimWorld}. Nodes are killed (their loops
 * stop, their machine's resources die with them) and started again from what their CIB wrote
 * last; pairs of nodes are cut apart and joined again.
 */
final class SimControllerCluster {

    static final Duration KEEPALIVE = Duration.ofMillis(100);
    static final Duration DEADTIME = Duration.ofMillis(500);
    private static final String LINK = "eth0";

    final SimScheduler scheduler;
    final SimNetwork network;
    final SimWorld world = new SimWorld();
    final List<String> names = new ArrayList<>();
    private final Map<String, SimNode> nodes = new LinkedHashMap<>();
    private final Map<String, CibDocument> disks = new HashMap<>();
    private final Map<String, Long> generations = new HashMap<>();
    private final Set<String> cut = new HashSet<>();
    /** Nodes back in maintenance ({@link #backInMaintenance}): -1, or when their CIB stopped saying so. */
    private final Map<String, Long> maintenanceEndedAt = new HashMap<>();

    /** One running node: its loops (stopped together when it dies) and the parts tests look at. */
    record SimNode(String name, List<EventLoop> loops, SimTransport transport, HeartbeatService service,
            CibService cib, CibReplicator replicator, Controller controller, ViewWatch views) {
    }

    /** The last view the membership gave a node. */
    static final class ViewWatch implements MessagingListener {
        View view;

        @Override
        public void viewChanged(View changed) {
            view = changed;
        }
    }

    /** Each node's fencing devices, by node name; none work unless a test says otherwise. */
    Function<String, StonithDevices> devices = name -> new ScriptedDevices();

    SimControllerCluster(long seed, int size) {
        this.scheduler = new SimScheduler(seed);
        this.network = new SimNetwork(scheduler);
        for (int i = 1; i <= size; i++) {
            names.add("node" + i);
        }
    }

    void start(String name) {
        long generation = generations.merge(name, 1000L, (old, ignored) -> old + 1);
        int index = names.indexOf(name);
        Map<String, Set<InetAddress>> addresses = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            addresses.put(names.get(i), Set.of(SimTransport.address(i)));
        }
        byte[] uuid = new byte[16];
        uuid[15] = (byte) index;
        Authkeys keys = new Authkeys(1, Map.of(1, new AuthKey(1, AuthMethod.SHA1, "sim".getBytes(StandardCharsets.UTF_8))));
        MessagingConfig config = new MessagingConfig(name, names, false, KEEPALIVE, DEADTIME.dividedBy(2), DEADTIME,
                Duration.ofSeconds(2), 1, addresses, keys, true, generation, uuid);
        EventLoop membership = scheduler.newLoop(name + "/membership");
        EventLoop cibLoop = scheduler.newLoop(name + "/cib");
        EventLoop lrmLoop = scheduler.newLoop(name + "/lrm");
        EventLoop crmdLoop = scheduler.newLoop(name + "/crmd");
        SimTransport transport = new SimTransport(network, name, List.of(LINK), names);
        HeartbeatService service = new HeartbeatService(config, membership, transport);
        CibDocument initial = disks.getOrDefault(name, CibTemplate.empty());
        CibService cib = new CibService(cibLoop, initial, document -> written(name, document), Runnable::run);
        CibReplicator replicator = new CibReplicator(name, cibLoop, cib, initial, service::send);
        service.subscribe(cibLoop, replicator);
        Controller[] controller = new Controller[1];
        LocalResourceManager lrm = new LocalResourceManager(lrmLoop,
                List.of(new SimAgents(name, world, lrmLoop, scheduler.random()), new SimStonithAgents(scheduler.clock())), 32,
                event -> controller[0].operationDone(event));
        controller[0] = new Controller(name, crmdLoop, cib, lrm, devices.apply(name), service::send);
        service.subscribe(crmdLoop, controller[0]);
        ViewWatch views = new ViewWatch();
        service.subscribe(crmdLoop, views);
        service.start();
        nodes.put(name, new SimNode(name, List.of(membership, cibLoop, lrmLoop, crmdLoop), transport, service, cib,
                replicator, controller[0], views));
        if (!world.runningOn(name).isEmpty()) {
            // it left cleanly with resources it was told to leave alone, which still run
            cameBack(name);
        }
    }

    private void written(String name, CibDocument document) {
        disks.put(name, document);
        if (maintenanceEndedAt.getOrDefault(name, 0L) < 0 && !maintenance(document)) {
            maintenanceEndedAt.put(name, scheduler.clock().monotonicMillis());
        }
    }

    /** The node comes back into the DC's sight: rejoined, or started again on a machine still running resources. */
    private void cameBack(String name) {
        CibDocument cib = disks.get(name);
        if (cib != null && maintenance(cib)) {
            maintenanceEndedAt.put(name, -1L);
        }
    }

    /**
     * Whether what the node runs may be what it kept out of the DC's sight, unmanaged: it came
     * back into the cluster with a CIB in maintenance, which still says so or said so less than a
     * second ago. Maintenance leaves a node's resources alone, cut off or leaving (no-quorum-policy
     * and shutdown do not stop them), while the DC, whose CIB may have left maintenance meanwhile,
     * starts them elsewhere: only fencing the node first would prevent that. Once the node is back,
     * its CIB is the DC's, which stops the second copy.
     */
    boolean backInMaintenance(String name) {
        Long endedAt = maintenanceEndedAt.get(name);
        return endedAt != null && (endedAt < 0 || scheduler.clock().monotonicMillis() < endedAt + 1000);
    }

    private boolean maintenance(CibDocument cib) {
        return CibUnpacker.unpack(cib, scheduler.clock().wallTime()).options().maintenanceMode();
    }

    /** The machine dies: nothing of the node runs any more, its resources included. */
    void kill(String name) {
        crashDaemon(name);
        world.machineDied(name);
    }

    /** Only the daemon dies (kill -9): what it started goes on running on the machine. */
    void crashDaemon(String name) {
        SimNode node = nodes.remove(name);
        node.transport().close();
        node.loops().forEach(scheduler::stop);
    }

    /**
     * The daemon stops as it does once its controller lets it go after SIGTERM: it tells its peers
     * it is leaving; what still runs on the machine keeps running.
     */
    void leave(String name) {
        SimNode node = nodes.remove(name);
        node.service().stop().thenRun(() -> {
            node.transport().close();
            node.loops().forEach(scheduler::stop);
        });
    }

    boolean alive(String name) {
        return nodes.containsKey(name);
    }

    SimNode node(String name) {
        return nodes.get(name);
    }

    List<String> alive() {
        return new ArrayList<>(nodes.keySet());
    }

    /** Cuts a node off from every other node (both directions), or joins it back. */
    void isolate(String name) {
        for (String other : names) {
            if (!other.equals(name)) {
                network.partition(SimTransport.endpoint(name, LINK), SimTransport.endpoint(other, LINK));
                cut.add(name);
            }
        }
    }

    void rejoin(String name) {
        for (String other : names) {
            if (!other.equals(name) && !cut.contains(other)) {
                network.heal(SimTransport.endpoint(name, LINK), SimTransport.endpoint(other, LINK));
            }
        }
        cut.remove(name);
        cameBack(name);
    }

    void healAll() {
        for (String name : new ArrayList<>(cut)) {
            cut.remove(name);
            for (String other : names) {
                if (!other.equals(name)) {
                    network.heal(SimTransport.endpoint(name, LINK), SimTransport.endpoint(other, LINK));
                }
            }
            cameBack(name);
        }
    }

    /** The groups of live nodes that can hear each other (an isolated node is a group of its own). */
    List<Set<String>> partitions() {
        List<Set<String>> groups = new ArrayList<>();
        Set<String> together = new HashSet<>();
        for (String name : nodes.keySet()) {
            if (cut.contains(name)) {
                groups.add(Set.of(name));
            } else {
                together.add(name);
            }
        }
        if (!together.isEmpty()) {
            groups.add(together);
        }
        return groups;
    }

    boolean quorate(Set<String> partition) {
        return partition.size() * 2 > names.size();
    }

    /** A change made as cibadmin makes it, through the given node; settles within the run. */
    CompletableFuture<?> submit(String through, CibRequest request) {
        return nodes.get(through).replicator().submit(request);
    }

    CibDocument cibOf(String name) {
        CompletableFuture<CibDocument> query = nodes.get(name).cib().query();
        scheduler.runFor(Duration.ofMillis(1));
        return query.join();
    }
}
