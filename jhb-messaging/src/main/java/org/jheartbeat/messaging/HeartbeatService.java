package org.jheartbeat.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jheartbeat.common.log.HeartbeatLogging;
import org.jheartbeat.common.log.RateLimitedLog;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.membership.MembershipClaim;
import org.jheartbeat.membership.MembershipTracker;
import org.jheartbeat.membership.View;
import org.jheartbeat.messaging.transport.Datagram;
import org.jheartbeat.messaging.transport.Transport;
import org.jheartbeat.messaging.wire.Decoded;
import org.jheartbeat.messaging.wire.HaMessage;
import org.jheartbeat.messaging.wire.MessageTooLargeException;
import org.jheartbeat.messaging.wire.MessageTypes;
import org.jheartbeat.messaging.wire.BadFieldException;
import org.jheartbeat.messaging.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat messaging layer of one node, owned by one event loop: sends a signed status
 * heartbeat every keepalive on every medium, judges peers and links alive or dead from what it
 * hears (warntime, deadtime, initdead), orders and deduplicates each sender's messages, asks for
 * retransmission of gaps, and keeps the membership view.
 *
 * <p>Inbound path: receive thread (decode + authenticate) → {@link InboundGate} on the loop
 * (known node, address, generation, timestamp) → per-link freshness → {@link ReceiveWindow}
 * (duplicates, gaps, order) → liveness and delivery. See docs/design/messaging.md.
 */
public final class HeartbeatService {

    private static final Logger LOG = LoggerFactory.getLogger("heartbeat");
    private static final int WINDOW = 256;
    private static final int HISTORY = 512;
    private static final int ACK_EVERY = 10;

    private final MessagingConfig config;
    private final EventLoop loop;
    private final Transport transport;
    private final WireMessages wire;
    private final InboundGate gate;
    private final Map<String, PeerNode> peers = new LinkedHashMap<>();
    private final SendHistory history = new SendHistory(HISTORY);
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    private final MembershipTracker membership;
    private final Retransmitter retransmitter;
    private final EarliestDeadline liveness;
    private final RateLimitedLog badPackets;
    private NodeStatus localStatus = NodeStatus.INIT;
    private boolean commUp;
    private long startNanos;
    private long nextSeq = 1;
    private long nextKeepaliveNanos;
    private boolean stopped;

    public HeartbeatService(MessagingConfig config, EventLoop loop, Transport transport) {
        this.config = config;
        this.loop = loop;
        this.transport = transport;
        this.wire = new WireMessages(config, loop.clock());
        this.gate = new InboundGate(config);
        this.membership = new MembershipTracker(config.localNode(), config.nodes().size(), agreementGrace());
        this.badPackets = new RateLimitedLog(LOG, loop.clock(), 5, Duration.ofSeconds(60));
        for (String node : config.nodes()) {
            if (!node.equals(config.localNode())) {
                peers.put(node, new PeerNode(node, transport.links(), WINDOW));
            }
        }
        this.liveness = new EarliestDeadline(loop, this::checkLiveness);
        this.retransmitter = new Retransmitter(loop, wire, history, () -> nextSeq - 1, this::sendControl,
                transport::send, this::deliver, badPackets);
    }

    /** Starts sending and receiving. */
    public void start() {
        loop.execute(this::onStart);
        transport.start(this::onDatagramFromReceiveThread);
    }

    /**
     * Tells the peers this node is leaving ({@code shutdone}, as Heartbeat's graceful stop does),
     * so they drop it at once instead of after deadtime, then stops sending.
     */
    public CompletableFuture<Void> stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            if (!stopped) {
                localStatus = NodeStatus.DEAD;
                sendSequenced(wire.shutdone());
                stopped = true;
            }
            done.complete(null);
        });
        return done;
    }

    /** Registers a listener called on its own loop; it first gets the current view. */
    public void subscribe(EventLoop listenerLoop, MessagingListener listener) {
        loop.execute(() -> {
            Subscription subscription = new Subscription(listenerLoop, listener);
            subscribers.add(subscription);
            View current = membership.view();
            listenerLoop.execute(() -> listener.viewChanged(current));
        });
    }

    /**
     * Sends a cluster message to every node, signed, sequenced and retransmitted on loss. The
     * message holds the type-specific fields ({@code t} first); the common ones are added here.
     * Fails with {@link MessageTooLargeException} when it does not fit one datagram.
     */
    public CompletableFuture<Long> send(HaMessage body) {
        CompletableFuture<Long> sent = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                long seq = sendSequenced(body);
                notifyAll(l -> l.messageReceived(config.localNode(), body));
                sent.complete(seq);
            } catch (MessageTooLargeException e) {
                sent.completeExceptionally(e);
            }
        });
        return sent;
    }

    /** A consistent copy of the node and link states, taken on the loop. */
    public CompletableFuture<MessagingSnapshot> snapshot() {
        CompletableFuture<MessagingSnapshot> result = new CompletableFuture<>();
        loop.execute(() -> result.complete(takeSnapshot()));
        return result;
    }

    private MessagingSnapshot takeSnapshot() {
        List<MessagingSnapshot.Node> nodes = new ArrayList<>();
        Map<String, Boolean> ownLinks = new LinkedHashMap<>();
        transport.links().forEach(link -> ownLinks.put(link, true));
        for (String name : allNodeNames()) {
            PeerNode peer = peers.get(name);
            if (peer == null) {
                nodes.add(new MessagingSnapshot.Node(name, localStatus, ownLinks));
            } else {
                Map<String, Boolean> links = new LinkedHashMap<>();
                peer.links.values().forEach(l -> links.put(l.name, l.up));
                nodes.add(new MessagingSnapshot.Node(name, peer.status, links));
            }
        }
        return new MessagingSnapshot(config.localNode(), commUp, nodes, membership.view());
    }

    private List<String> allNodeNames() {
        List<String> names = new ArrayList<>(config.nodes());
        peers.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    private void onStart() {
        startNanos = now();
        sendSequenced(wire.status(NodeStatus.INIT, Set.of(), membership));
        setLocalStatus(NodeStatus.UP);
        nextKeepaliveNanos = startNanos;
        keepalive();
        loop.schedule(config.initdead(), this::initdeadExpired);
        liveness.arm(startNanos + config.initdead().toNanos());
    }

    private void keepalive() {
        if (stopped) {
            return;
        }
        sendSequenced(wire.status(localStatus, livePeerNames(), membership));
        // Schedule against the planned time, not the actual one, so the interval does not drift.
        nextKeepaliveNanos += config.keepalive().toNanos();
        long delay = Math.max(0, nextKeepaliveNanos - now());
        loop.schedule(Duration.ofNanos(delay), this::keepalive);
    }

    private void initdeadExpired() {
        for (PeerNode peer : peers.values()) {
            if (!peer.everHeard) {
                LOG.warn("node {}: is dead", peer.name);
                notifyAll(l -> l.nodeStatusChanged(peer.name, NodeStatus.DEAD));
            }
        }
        if (!commUp) {
            commNowUp();
        }
    }

    private void commNowUp() {
        commUp = true;
        LOG.info("Comm_now_up(): updating status to active");
        setLocalStatus(NodeStatus.ACTIVE);
        recomputeView();
    }

    private void setLocalStatus(NodeStatus status) {
        localStatus = status;
        LOG.info("Local status now set to: '{}'", status.word());
    }

    private long sendSequenced(HaMessage body) {
        long seq = nextSeq;
        byte[] datagram = wire.encode(wire.withCommonFields(body, seq));
        nextSeq++;
        history.record(seq, datagram);
        transport.send(datagram);
        return seq;
    }

    private void sendControl(HaMessage body) {
        transport.send(wire.encode(wire.withCommonFields(body, -1)));
    }

    // Runs on a receive thread: the costly decode and signature check stay off the loop.
    private void onDatagramFromReceiveThread(Datagram datagram) {
        Decoded decoded = WireCodec.decode(datagram.data(), datagram.data().length, config.authkeys());
        loop.execute(() -> onDecoded(datagram, decoded));
    }

    private void onDecoded(Datagram datagram, Decoded decoded) {
        if (stopped) {
            return;
        }
        if (!decoded.accepted()) {
            badPackets.warn("bad-packet-" + datagram.source().getHostAddress(),
                    "dropped packet from {} on {}: {} ({})", datagram.source().getHostAddress(), datagram.link(),
                    decoded.reason(), decoded.detail());
            return;
        }
        try {
            onAuthenticated(datagram, decoded.message());
        } catch (BadFieldException e) {
            badPackets.warn("bad-field-" + datagram.source().getHostAddress(), "dropped packet from {}: field '{}': {}",
                    datagram.source().getHostAddress(), e.field(), e.getMessage());
        }
    }

    private void onAuthenticated(Datagram datagram, HaMessage message) {
        InboundGate.Verdict verdict = gate.check(message, datagram.source(), peers);
        if (!verdict.accepted()) {
            badPackets.warn(verdict.reason() + "-" + verdict.node(), "dropped packet from {}: {}",
                    datagram.source().getHostAddress(), verdict.detail());
            return;
        }
        String src = message.get("src");
        if (src.equals(config.localNode())) {
            return;
        }
        PeerNode peer = peers.computeIfAbsent(src, name -> {
            LOG.info("Node {} joined the cluster (autojoin)", name);
            return new PeerNode(name, transport.links(), WINDOW);
        });
        if (!acceptGenerationAndTime(peer, message)) {
            return;
        }
        byte[] uuid = message.getBinary("srcuuid");
        if (uuid != null) {
            peer.uuid = uuid;
        }
        String type = message.type();
        if (WireMessages.isControl(type)) {
            onControl(peer, message);
            return;
        }
        onSequenced(peer, datagram.link(), message);
    }

    private boolean acceptGenerationAndTime(PeerNode peer, HaMessage message) {
        long generation = message.getHex("hg");
        if (generation < peer.generation) {
            badPackets.error("replay-" + peer.name, "attempted replay attack [{}]? [gen = {}, curgen = {}]: dropped",
                    peer.name, generation, peer.generation);
            return false;
        }
        if (generation > peer.generation) {
            if (peer.generation >= 0) {
                LOG.info("Heartbeat restart on node {}", peer.name);
            }
            peer.generation = generation;
            peer.declaredDead = false;
            peer.window.reset();
            peer.highestTimestamp = 0;
            peer.rexmitAttempts.clear();
            peer.links.values().forEach(l -> l.highestSeq = 0);
        }
        long timestamp = message.getHex("ts");
        if (timestamp < peer.highestTimestamp - InboundGate.MAX_TIMESTAMP_REGRESSION_SECONDS) {
            badPackets.warn("stale-" + peer.name, "dropped stale packet from {}: timestamp {} is more than {} s older "
                    + "than the newest seen", peer.name, timestamp, InboundGate.MAX_TIMESTAMP_REGRESSION_SECONDS);
            return false;
        }
        peer.highestTimestamp = Math.max(peer.highestTimestamp, timestamp);
        return true;
    }

    private void onSequenced(PeerNode peer, String linkName, HaMessage message) {
        long seq = message.getHex("seq");
        LinkState link = peer.link(linkName);
        if (seq > link.highestSeq) {
            link.highestSeq = seq;
            link.lastHeardNanos = now();
            if (!link.up) {
                link.up = true;
                LOG.info("Link {}:{} up.", peer.name, linkName);
                notifyAll(l -> l.linkStatusChanged(peer.name, linkName, true));
            }
            liveness.arm(link.lastHeardNanos + config.deadtime().toNanos());
        }
        long contiguousBefore = peer.window.contiguous();
        boolean hadMissing = !peer.window.missing().isEmpty();
        ReceiveWindow.Arrival arrival = peer.window.accept(seq, message);
        if (arrival.duplicate()) {
            return;
        }
        peer.lastHeardNanos = now();
        peer.everHeard = true;
        peer.warnedSilent = false;
        liveness.arm(peer.lastHeardNanos + Math.min(config.warntime().toNanos(), config.deadtime().toNanos()));
        if (MessageTypes.STATUS.equals(message.type())) {
            onStatus(peer, message);
        } else if (MessageTypes.SHUTDONE.equals(message.type())) {
            LOG.info("Received shutdown notice from '{}'.", peer.name);
            declareDead(peer);
        }
        if (!arrival.newlyMissing().isEmpty()) {
            LOG.warn("{} lost packet(s) for [{}] [{}:{}]", arrival.newlyMissing().size(), peer.name,
                    arrival.newlyMissing().get(0) - 1, seq);
            retransmitter.request(peer, arrival.newlyMissing(), peers.values());
        }
        if (arrival.givenUp() > 0) {
            LOG.error("Irretrievably lost {} packet(s) from node {} before seq {}: too far behind to ask for them",
                    arrival.givenUp(), peer.name, seq);
        }
        deliver(peer, arrival.released());
        if (hadMissing && peer.window.missing().isEmpty()) {
            LOG.info("No pkts missing from {}!", peer.name);
        }
        maybeAck(peer, contiguousBefore);
    }

    private void onStatus(PeerNode peer, HaMessage message) {
        long now = now();
        if (peer.lastStatusNanos >= 0 && peer.status.alive()) {
            long intervalMs = (now - peer.lastStatusNanos) / 1_000_000L;
            if (intervalMs > config.deadtime().toMillis()) {
                LOG.error(HeartbeatLogging.CRIT, "Late heartbeat: Node {}: interval {} ms (> deadtime)", peer.name,
                        intervalMs);
            } else if (intervalMs > config.warntime().toMillis()) {
                LOG.warn("Late heartbeat: Node {}: interval {} ms", peer.name, intervalMs);
            }
        }
        peer.lastStatusNanos = now;
        NodeStatus reported = NodeStatus.ofWord(message.get("st"));
        if (reported == NodeStatus.DEAD) {
            return;
        }
        if (reported != peer.status) {
            if (peer.declaredDead) {
                LOG.warn("Cluster node {} returning after partition.", peer.name);
                peer.declaredDead = false;
            }
            peer.status = reported;
            LOG.info("Status update for node {}: status {}", peer.name, reported.word());
            notifyAll(l -> l.nodeStatusChanged(peer.name, reported));
        }
        peer.claim = WireMessages.claim(message);
        if (!commUp) {
            commNowUp();
        } else {
            recomputeView();
        }
    }

    private void onControl(PeerNode peer, HaMessage message) {
        String dest = message.get("dest");
        if (dest != null && !dest.equals(config.localNode())) {
            return;
        }
        switch (message.type()) {
            case MessageTypes.REXMIT -> retransmitter.answer(peer, message.getDecimal("firstseq"),
                    message.getDecimal("lastseq"), WINDOW);
            case MessageTypes.NAK_REXMIT -> retransmitter.nakReceived(peer, message.getHex("firstseq"));
            default -> {
                // NS_ackmsg: our history is a fixed window, so acknowledgements need no action.
            }
        }
    }

    private void maybeAck(PeerNode peer, long contiguousBefore) {
        long contiguous = peer.window.contiguous();
        if (contiguous / ACK_EVERY > contiguousBefore / ACK_EVERY) {
            sendControl(wire.ack(peer.name, peer.uuid, contiguous));
        }
    }

    private void deliver(PeerNode peer, List<HaMessage> released) {
        for (HaMessage message : released) {
            String dest = message.get("dest");
            String type = message.type();
            if (dest != null && !dest.equals(config.localNode())
                    || MessageTypes.STATUS.equals(type) || MessageTypes.SHUTDONE.equals(type)) {
                continue;
            }
            if (MessageTypes.REQ_NODES.equals(type)) {
                sendSequenced(wire.repnodes(peer.name, peer.uuid));
            } else {
                notifyAll(l -> l.messageReceived(peer.name, message));
            }
        }
    }

    private void checkLiveness() {
        if (stopped) {
            return;
        }
        long now = now();
        long deadtime = config.deadtime().toNanos();
        long warntime = Math.min(config.warntime().toNanos(), deadtime);
        long next = Long.MAX_VALUE;
        for (PeerNode peer : peers.values()) {
            for (LinkState link : peer.links.values()) {
                if (link.up && now - link.lastHeardNanos >= deadtime) {
                    link.up = false;
                    LOG.info("Link {}:{} dead.", peer.name, link.name);
                    notifyAll(l -> l.linkStatusChanged(peer.name, link.name, false));
                } else if (link.up) {
                    next = Math.min(next, link.lastHeardNanos + deadtime);
                }
            }
            if (peer.status.alive() && peer.everHeard) {
                long silent = now - peer.lastHeardNanos;
                if (silent >= deadtime) {
                    declareDead(peer);
                    continue;
                }
                if (!peer.warnedSilent && silent >= warntime) {
                    peer.warnedSilent = true;
                    LOG.warn("No heartbeat from node {} for {} ms (warntime {} ms)", peer.name, silent / 1_000_000L,
                            config.warntime().toMillis());
                }
                next = Math.min(next, peer.lastHeardNanos + (peer.warnedSilent ? deadtime : warntime));
            }
        }
        if (next != Long.MAX_VALUE) {
            liveness.arm(next);
        }
    }

    private void declareDead(PeerNode peer) {
        if (!peer.status.alive()) {
            return;
        }
        peer.status = NodeStatus.DEAD;
        peer.declaredDead = true;
        peer.lastStatusNanos = -1;
        LOG.warn("node {}: is dead", peer.name);
        for (LinkState link : peer.links.values()) {
            if (link.up) {
                link.up = false;
                LOG.info("Link {}:{} dead.", peer.name, link.name);
                notifyAll(l -> l.linkStatusChanged(peer.name, link.name, false));
            }
        }
        notifyAll(l -> l.nodeStatusChanged(peer.name, NodeStatus.DEAD));
        recomputeView();
    }

    private Set<String> livePeerNames() {
        Set<String> live = new TreeSet<>();
        peers.values().stream().filter(p -> p.status.alive() && p.everHeard).forEach(p -> live.add(p.name));
        return live;
    }

    /**
     * Recomputes the view. When this node's proposal or agreed set changes it says so at once
     * rather than at the next keepalive, so the members agree within a round trip; while they
     * disagree, the view is looked at again when the grace ends even if nothing else happens.
     */
    private void recomputeView() {
        Set<String> live = livePeerNames();
        Map<String, MembershipClaim> claims = new HashMap<>();
        for (String name : live) {
            claims.put(name, peers.get(name).claim);
        }
        Set<String> proposal = membership.proposal();
        Set<String> installed = membership.installed();
        boolean disagreed = membership.disagreedSinceNanos().isPresent();
        membership.update(live, claims, now()).ifPresent(changed -> notifyAll(l -> l.viewChanged(changed)));
        if (commUp && !stopped && (!proposal.equals(membership.proposal()) || !installed.equals(membership.installed()))) {
            sendSequenced(wire.status(localStatus, live, membership));
        }
        if (!disagreed && membership.disagreedSinceNanos().isPresent()) {
            loop.schedule(agreementGrace(), this::recomputeView);
        }
    }

    private Duration agreementGrace() {
        return config.deadtime().dividedBy(2);
    }

    private void notifyAll(Consumer<MessagingListener> event) {
        for (Subscription subscription : subscribers) {
            subscription.loop.execute(() -> event.accept(subscription.listener));
        }
    }

    private long now() {
        return loop.clock().monotonicNanos();
    }

    private record Subscription(EventLoop loop, MessagingListener listener) {
    }
}
