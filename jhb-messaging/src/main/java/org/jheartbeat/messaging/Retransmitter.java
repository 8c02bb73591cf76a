package org.jheartbeat.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jheartbeat.common.log.RateLimitedLog;
import org.jheartbeat.common.loop.Cancellable;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.messaging.wire.HaMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Both sides of retransmission, on the messaging loop. As receiver: asks a sender for the
 * messages missing from its window ({@code NS_rexmit}, consecutive numbers as one range), asks
 * again every {@link #INTERVAL} and gives a message up after {@link #MAX_ATTEMPTS} requests or
 * when the sender dies. As sender: answers requests with byte-identical copies from the send
 * history, or {@code NS_nak_rexmit} for what it no longer has.
 */
final class Retransmitter {

    static final Duration INTERVAL = Duration.ofMillis(250);
    static final int MAX_ATTEMPTS = 8;
    private static final Logger LOG = LoggerFactory.getLogger("heartbeat");

    private final EventLoop loop;
    private final WireMessages wire;
    private final SendHistory history;
    private final LongSupplier highestSent;
    private final Consumer<HaMessage> sendControl;
    private final Consumer<byte[]> resend;
    private final BiConsumer<PeerNode, List<HaMessage>> deliver;
    private final RateLimitedLog rateLimited;
    private Cancellable timer;

    Retransmitter(EventLoop loop, WireMessages wire, SendHistory history, LongSupplier highestSent,
                  Consumer<HaMessage> sendControl, Consumer<byte[]> resend,
                  BiConsumer<PeerNode, List<HaMessage>> deliver, RateLimitedLog rateLimited) {
        this.loop = loop;
        this.wire = wire;
        this.history = history;
        this.highestSent = highestSent;
        this.sendControl = sendControl;
        this.resend = resend;
        this.deliver = deliver;
        this.rateLimited = rateLimited;
    }

    /** Asks the peer for newly missing messages and keeps asking until they come or are given up. */
    void request(PeerNode peer, List<Long> missing, Collection<PeerNode> allPeers) {
        for (long seq : missing) {
            peer.rexmitAttempts.put(seq, 0);
        }
        sendRequests(peer, missing);
        if (timer == null) {
            timer = loop.schedule(INTERVAL, () -> retry(allPeers));
        }
    }

    /** The sender no longer has the message: stop waiting for it. */
    void nakReceived(PeerNode peer, long seq) {
        giveUp(peer, seq);
    }

    void answer(PeerNode peer, long first, long last, int maxCount) {
        long max = highestSent.getAsLong();
        for (long seq = first; seq <= last && seq <= first + maxCount; seq++) {
            byte[] datagram = history.find(seq);
            if (datagram != null) {
                resend.accept(datagram);
            } else if (seq > max) {
                rateLimited.warn("rexmit-max-" + peer.name, "Rexmit of seq {} requested. {} is max.", seq, max);
            } else {
                rateLimited.error("rexmit-gone-" + peer.name, "Cannot rexmit pkt {} for {}: seqno not found", seq,
                        peer.name);
                sendControl.accept(wire.nakRexmit(peer.name, peer.uuid, seq));
            }
        }
    }

    private void retry(Collection<PeerNode> peers) {
        timer = null;
        boolean pending = false;
        for (PeerNode peer : peers) {
            List<Long> again = new ArrayList<>();
            for (long seq : new ArrayList<>(peer.window.missing())) {
                int attempts = peer.rexmitAttempts.merge(seq, 1, Integer::sum);
                if (attempts >= MAX_ATTEMPTS || !peer.status.alive()) {
                    giveUp(peer, seq);
                } else {
                    again.add(seq);
                }
            }
            if (!again.isEmpty()) {
                sendRequests(peer, again);
                pending = true;
            }
        }
        if (pending) {
            timer = loop.schedule(INTERVAL, () -> retry(peers));
        }
    }

    private void giveUp(PeerNode peer, long seq) {
        peer.rexmitAttempts.remove(seq);
        LOG.error("Irretrievably lost packet: node {} seq {}", peer.name, seq);
        deliver.accept(peer, peer.window.giveUp(seq));
    }

    private void sendRequests(PeerNode peer, List<Long> seqs) {
        long first = seqs.get(0);
        long last = first;
        for (int i = 1; i <= seqs.size(); i++) {
            if (i < seqs.size() && seqs.get(i) == last + 1) {
                last = seqs.get(i);
                continue;
            }
            sendControl.accept(wire.rexmit(peer.name, peer.uuid, first, last));
            if (i < seqs.size()) {
                first = seqs.get(i);
                last = first;
            }
        }
    }
}
