package org.jheartbeat.messaging.ping;

import java.io.IOException;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.common.time.Clock;
import org.jheartbeat.messaging.config.PingGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ping} and {@code ping_group} pseudo-nodes: routers whose reachability tells a node
 * whether it is still connected to the network its clients use. Each target is probed every
 * keepalive by a {@link Prober}; a target unanswered for deadping is dead, a
 * group is up while any member answers. The number of reachable targets is published as the
 * node attribute {@value #ATTRIBUTE}, for placement rules.
 *
 * <p>Probing blocks, so it runs on its own edge thread; the published map is immutable.
 */
public final class PingMonitor implements AutoCloseable {

    public static final String ATTRIBUTE = "pingd";
    private static final Logger LOG = LoggerFactory.getLogger("heartbeat");

    private final Map<String, List<Inet4Address>> targets = new LinkedHashMap<>();
    private final Duration interval;
    private final Duration deadping;
    private final Clock clock;
    private final Map<String, Long> lastAnswerNanos = new LinkedHashMap<>();
    private volatile Map<String, Boolean> status = Map.of();
    private volatile boolean closed;
    private Thread thread;

    /** Asks whether an address answers within the timeout. */
    @FunctionalInterface
    public interface Prober {
        /** ICMP echo as root, else a TCP connection to the echo port (a refusal counts as an answer). */
        Prober SYSTEM = (address, timeoutMillis) -> {
            try {
                return address.isReachable(timeoutMillis);
            } catch (IOException e) {
                return false;
            }
        };

        boolean answers(Inet4Address address, int timeoutMillis);
    }

    private final Prober prober;

    public PingMonitor(List<Inet4Address> pingNodes, List<PingGroup> groups, Duration interval, Duration deadping,
                       Clock clock, Prober prober) {
        this.prober = prober;
        for (Inet4Address address : pingNodes) {
            targets.put(address.getHostAddress(), List.of(address));
        }
        for (PingGroup group : groups) {
            targets.put(group.name(), group.addresses());
        }
        this.interval = interval;
        this.deadping = deadping;
        this.clock = clock;
        Map<String, Boolean> initial = new LinkedHashMap<>();
        targets.keySet().forEach(name -> initial.put(name, false));
        this.status = Collections.unmodifiableMap(initial);
    }

    public void start() {
        if (targets.isEmpty()) {
            return;
        }
        thread = new Thread(this::run, "ping");
        thread.setDaemon(true);
        thread.start();
    }

    /** Each ping node or group by name: true while it answers. */
    public Map<String, Boolean> status() {
        return status;
    }

    /** The {@value #ATTRIBUTE} node attribute: how many ping nodes and groups answer. */
    public int reachable() {
        return (int) status.values().stream().filter(Boolean::booleanValue).count();
    }

    private void run() {
        long next = clock.monotonicNanos();
        while (!closed) {
            probeAll();
            next += interval.toNanos();
            long waitMillis = Math.max(1, (next - clock.monotonicNanos()) / 1_000_000L);
            synchronized (this) {
                try {
                    wait(waitMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One round of probes; runs on the ping thread (and directly in tests). */
    void probeAll() {
        Map<String, Boolean> updated = new LinkedHashMap<>();
        int timeoutMillis = (int) Math.max(50, Math.min(interval.toMillis(), 1000));
        for (Map.Entry<String, List<Inet4Address>> target : targets.entrySet()) {
            for (Inet4Address address : target.getValue()) {
                if (prober.answers(address, timeoutMillis)) {
                    lastAnswerNanos.put(target.getKey(), clock.monotonicNanos());
                    break;
                }
            }
            Long last = lastAnswerNanos.get(target.getKey());
            boolean up = last != null && clock.monotonicNanos() - last < deadping.toNanos();
            updated.put(target.getKey(), up);
            if (up != status.get(target.getKey())) {
                LOG.info("Status update for ping node {}: status {}", target.getKey(), up ? "ping" : "dead");
            }
        }
        status = Collections.unmodifiableMap(updated);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
    }
}
