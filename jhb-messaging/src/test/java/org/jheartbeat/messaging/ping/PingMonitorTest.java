package org.jheartbeat.messaging.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jheartbeat.messaging.config.PingGroup;
import org.jheartbeat.testkit.FakeClock;
import org.junit.jupiter.api.Test;

class PingMonitorTest {

    private static final Duration KEEPALIVE = Duration.ofSeconds(1);
    private static final Duration DEADPING = Duration.ofSeconds(5);

    private final FakeClock clock = new FakeClock();
    private final Set<String> answering = new HashSet<>();
    private final PingMonitor.Prober prober = (address, timeout) -> answering.contains(address.getHostAddress());

    private static Inet4Address ip(String text) throws Exception {
        return (Inet4Address) InetAddress.getByName(text);
    }

    @Test
    void aPingNodeIsUpWhileItAnswersAndDeadAfterDeadpingWithoutAnswer() throws Exception {
        PingMonitor monitor = new PingMonitor(List.of(ip("10.0.0.254")), List.of(), KEEPALIVE, DEADPING, clock, prober);
        assertThat(monitor.status()).containsEntry("10.0.0.254", false);

        answering.add("10.0.0.254");
        monitor.probeAll();
        assertThat(monitor.status()).containsEntry("10.0.0.254", true);
        assertThat(monitor.reachable()).isEqualTo(1);

        answering.clear();
        clock.advance(DEADPING.minusMillis(1));
        monitor.probeAll();
        assertThat(monitor.status()).as("silent for less than deadping").containsEntry("10.0.0.254", true);

        clock.advance(Duration.ofMillis(1));
        monitor.probeAll();
        assertThat(monitor.status()).containsEntry("10.0.0.254", false);
        assertThat(monitor.reachable()).isZero();
    }

    @Test
    void aPingGroupIsUpWhileAnyMemberAnswers() throws Exception {
        PingMonitor monitor = new PingMonitor(List.of(), List.of(new PingGroup("routers",
                List.of(ip("10.0.0.1"), ip("10.0.0.2")))), KEEPALIVE, DEADPING, clock, prober);

        answering.add("10.0.0.2");
        monitor.probeAll();
        assertThat(monitor.status()).containsEntry("routers", true);

        answering.clear();
        clock.advance(DEADPING);
        monitor.probeAll();
        assertThat(monitor.status()).containsEntry("routers", false);
    }

    @Test
    void theLoopbackAddressAnswersTheSystemProber() throws Exception {
        assertThat(PingMonitor.Prober.SYSTEM.answers(ip("127.0.0.1"), 1000)).isTrue();
    }
}
