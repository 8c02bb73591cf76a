package org.jheartbeat.testkit;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A datagram network in virtual time between named endpoints (for example
 * "node1/eth0"). Faults are seeded: loss, duplication, delay with jitter, and partitions,
 * which cut both directions between two endpoints until healed.
 */
public final class SimNetwork {

    private final SimScheduler scheduler;
    private final Random random;
    private final Map<String, BiConsumer<String, byte[]>> endpoints = new HashMap<>();
    private final Set<String> cut = new HashSet<>();
    private final Set<String> down = new HashSet<>();
    private double lossRate;
    private double duplicateRate;
    private Duration baseDelay = Duration.ofMillis(1);
    private Duration jitter = Duration.ZERO;
    private final Map<String, List<byte[]>> recorded = new HashMap<>();
    private long delivered;
    private long dropped;

    public SimNetwork(SimScheduler scheduler) {
        this.scheduler = scheduler;
        this.random = scheduler.random();
    }

    /** Registers the receiver of datagrams addressed to the endpoint; it gets the sending endpoint and the bytes. */
    public void attach(String endpoint, BiConsumer<String, byte[]> receiver) {
        endpoints.put(endpoint, receiver);
        down.remove(endpoint);
    }

    /** The endpoint stops receiving and its sends are lost (a killed node or pulled cable). */
    public void detach(String endpoint) {
        endpoints.remove(endpoint);
    }

    /** Sends one datagram; it arrives after the configured delay unless a fault takes it. */
    public void send(String from, String to, byte[] datagram) {
        if (!endpoints.containsKey(from) || down.contains(from) || down.contains(to) || cut.contains(key(from, to))) {
            dropped++;
            return;
        }
        if (random.nextDouble() < lossRate) {
            dropped++;
            return;
        }
        recorded.computeIfAbsent(from, k -> new ArrayList<>()).add(datagram.clone());
        int copies = random.nextDouble() < duplicateRate ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            byte[] copy = datagram.clone();
            scheduler.at(nextDelay(), () -> deliver(from, to, copy));
        }
    }

    /** Every datagram the endpoint sent so far, oldest first (what an eavesdropper would have). */
    public List<byte[]> sentBy(String endpoint) {
        return List.copyOf(recorded.getOrDefault(endpoint, List.of()));
    }

    /** Delivers a datagram as if the endpoint had sent it now, whether or not it still exists (a replay). */
    public void inject(String from, String to, byte[] datagram) {
        scheduler.at(nextDelay(), () -> deliver(from, to, datagram.clone()));
    }

    private void deliver(String from, String to, byte[] datagram) {
        BiConsumer<String, byte[]> receiver = endpoints.get(to);
        if (receiver == null || down.contains(to)) {
            dropped++;
            return;
        }
        delivered++;
        receiver.accept(from, datagram);
    }

    private Duration nextDelay() {
        long jitterNanos = jitter.isZero() ? 0 : (long) (random.nextDouble() * jitter.toNanos());
        return baseDelay.plusNanos(jitterNanos);
    }

    /** Cuts both directions between two endpoints. */
    public void partition(String a, String b) {
        cut.add(key(a, b));
        cut.add(key(b, a));
    }

    public void heal(String a, String b) {
        cut.remove(key(a, b));
        cut.remove(key(b, a));
    }

    /** Takes an endpoint's link down (nothing in or out) without forgetting its receiver. */
    public void linkDown(String endpoint) {
        down.add(endpoint);
    }

    public void linkUp(String endpoint) {
        down.remove(endpoint);
    }

    public void setLossRate(double lossRate) {
        this.lossRate = lossRate;
    }

    public void setDuplicateRate(double duplicateRate) {
        this.duplicateRate = duplicateRate;
    }

    public void setDelay(Duration baseDelay, Duration jitter) {
        this.baseDelay = baseDelay;
        this.jitter = jitter;
    }

    public long delivered() {
        return delivered;
    }

    public long dropped() {
        return dropped;
    }

    private static String key(String from, String to) {
        return from + "->" + to;
    }
}
