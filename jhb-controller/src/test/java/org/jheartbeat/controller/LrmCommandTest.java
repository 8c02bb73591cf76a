package org.jheartbeat.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.jheartbeat.lrm.AgentId;
import org.jheartbeat.policy.Scheduler;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.junit.jupiter.api.Test;

class LrmCommandTest {

    private static LrmCommand commandFor(String key, String node) {
        Transition t = Scheduler.schedule(TestCibs.twoNodesOneGroup(TestCibs.online("node1") + TestCibs.online("node2")),
                Instant.parse("2026-11-26T12:00:00Z"));
        Action a = t.actions().stream().filter(x -> x.inGraph() && key.equals(x.key()) && x.node() != null
                && node.equals(x.node().name())).findFirst().orElseThrow();
        return LrmCommand.of(t, a, a.id() + ":3:0:node1");
    }

    @Test
    void aRecurringMonitorCarriesItsIntervalTimeoutAndParametersApartFromTheMeta() {
        LrmCommand monitor = commandFor("d1_monitor_10000", nodeRunning());
        assertThat(monitor.action()).isEqualTo("monitor");
        assertThat(monitor.intervalMs()).isEqualTo(10_000);
        assertThat(monitor.timeoutMs()).isEqualTo(30_000);
        assertThat(monitor.parameters()).containsEntry("fake", "x").doesNotContainKey("CRM_meta_timeout");
        assertThat(monitor.meta()).containsEntry("name", "monitor").doesNotContainKey("interval").doesNotContainKey("timeout");
        assertThat(monitor.agent().toString()).isEqualTo("ocf:heartbeat:Dummy");
        assertThat(monitor.request().transitionKey()).endsWith(":3:0:node1");
    }

    @Test
    void travelsAsXmlAndComesBackTheSame() throws Exception {
        LrmCommand probe = commandFor("d1_monitor_0", "node2");
        LrmCommand back = LrmCommand.fromXml(probe.toXml());
        assertThat(back).isEqualTo(probe);
        assertThat(back.meta()).containsEntry("op_target_rc", "7");
    }

    @Test
    void parametersThatAreNoXmlNamesTravelToo() throws Exception {
        LrmCommand start = new LrmCommand("3:1:0:node1", "IPaddr_1_1", new AgentId("heartbeat", null, "IPaddr"), "start",
                0, 20_000, Map.of("1", "10.0.0.1/24/eth0", "2", "a<b&\"c\""), Map.of("on_node", "node1"));
        assertThat(LrmCommand.fromXml(start.toXml())).isEqualTo(start);
    }

    @Test
    void theExpectedResultIsReadFromTheTransitionKey() {
        assertThat(LrmCommand.expectedRc("4:12:7:node2")).isEqualTo(7);
        assertThat(LrmCommand.expectedRc(null)).isZero();
    }

    private static String nodeRunning() {
        Transition t = Scheduler.schedule(TestCibs.twoNodesOneGroup(TestCibs.online("node1") + TestCibs.online("node2")),
                Instant.parse("2026-11-26T12:00:00Z"));
        return t.cluster().primitivesById().get("d1").assignedNode().name();
    }
}
