package org.jheartbeat.messaging;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.membership.View;
import org.jheartbeat.messaging.auth.AuthKey;
import org.jheartbeat.messaging.auth.AuthMethod;
import org.jheartbeat.messaging.auth.Authkeys;
import org.jheartbeat.messaging.wire.HaMessage;
import org.jheartbeat.testkit.SimNetwork;
import org.jheartbeat.testkit.SimScheduler;

/** N heartbeat nodes on one simulated network and clock; kill, restart and inspect them. */
final class SimCluster {

    static final Duration KEEPALIVE = Duration.ofMillis(100);
    static final Duration DEADTIME = Duration.ofMillis(500);

    final SimScheduler scheduler;
    final SimNetwork network;
    final List<String> names;
    final List<String> links;
    private final Map<String, SimNode> nodes = new LinkedHashMap<>();
    private final Map<String, Long> generations = new HashMap<>();

    SimCluster(long seed, int size, List<String> links) {
        this.scheduler = new SimScheduler(seed);
        this.network = new SimNetwork(scheduler);
        this.links = links;
        this.names = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            names.add("node0" + i);
        }
    }

    static Authkeys keys(String secret) {
        return new Authkeys(1, Map.of(1, new AuthKey(1, AuthMethod.SHA1, secret.getBytes(StandardCharsets.UTF_8))));
    }

    SimNode start(String name) {
        return start(name, keys("s3cr3t"));
    }

    SimNode start(String name, Authkeys keys) {
        return start(name, keys, names, false);
    }

    /** Starts a node whose ha.cf lists only {@code configured} as members, with or without autojoin. */
    SimNode start(String name, Authkeys keys, List<String> configured, boolean autojoin) {
        long generation = generations.merge(name, 1000L, (old, ignored) -> old + 1);
        int index = names.indexOf(name);
        SimTransport transport = new SimTransport(network, name, links, names);
        Map<String, Set<InetAddress>> addresses = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            addresses.put(names.get(i), Set.of(SimTransport.address(i)));
        }
        byte[] uuid = new byte[16];
        uuid[15] = (byte) index;
        MessagingConfig config = new MessagingConfig(name, configured, autojoin, KEEPALIVE, DEADTIME.dividedBy(2), DEADTIME,
                Duration.ofSeconds(2), 1, addresses, keys, true, generation, uuid);
        EventLoop loop = scheduler.newLoop(name + "/membership");
        SimNode node = new SimNode(name, new HeartbeatService(config, loop, transport), transport,
                scheduler.newLoop(name + "/listener"));
        node.service.subscribe(node.listenerLoop, node.recorder);
        node.service.start();
        nodes.put(name, node);
        return node;
    }

    /** Like kill -9: the node stops at once, sending nothing more. */
    void kill(String name) {
        SimNode node = nodes.remove(name);
        node.transport.close();
        node.service.stop();
    }

    SimNode node(String name) {
        return nodes.get(name);
    }

    void run(Duration duration) {
        scheduler.runFor(duration);
    }

    MessagingSnapshot snapshot(String name) {
        var future = nodes.get(name).service.snapshot();
        scheduler.runFor(Duration.ofMillis(1));
        return future.join();
    }

    NodeStatus statusSeenBy(String observer, String node) {
        return snapshot(observer).nodes().stream().filter(n -> n.name().equals(node)).findFirst().orElseThrow()
                .status();
    }

    View viewOf(String name) {
        return snapshot(name).view();
    }

    record SimNode(String name, HeartbeatService service, SimTransport transport, EventLoop listenerLoop,
                   Recorder recorder) {
        SimNode(String name, HeartbeatService service, SimTransport transport, EventLoop listenerLoop) {
            this(name, service, transport, listenerLoop, new Recorder());
        }
    }

    /** Records what a node's subscriber was told. */
    static final class Recorder implements MessagingListener {
        final List<String> messages = new ArrayList<>();
        final List<View> views = new ArrayList<>();

        @Override
        public void viewChanged(View view) {
            views.add(view);
        }

        @Override
        public void messageReceived(String fromNode, HaMessage message) {
            messages.add(fromNode + ":" + message.get("n"));
        }
    }
}
