package org.jheartbeat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.membership.View;
import org.jheartbeat.messaging.MessagingListener;
import org.jheartbeat.messaging.NodeStatus;
import org.jheartbeat.testkit.SimScheduler;
import org.junit.jupiter.api.Test;

class ControllerStartGateTest {

    private final SimScheduler sim = new SimScheduler(1);
    private final EventLoop loop = sim.newLoop("crmd");
    private final List<View> seen = new ArrayList<>();
    private final MessagingListener controller = new MessagingListener() {
        @Override
        public void viewChanged(View view) {
            seen.add(view);
        }
    };
    private final ControllerStartGate gate = new ControllerStartGate(controller, List.of("node1", "node2"), loop,
            Duration.ofSeconds(12));

    private static View view(long number, String... members) {
        return new View(number, new TreeSet<>(Set.of(members)), members.length == 2, members[0]);
    }

    @Test
    void aViewOfOneWaitsForThePeerAndTheFirstViewWithItPasses() {
        gate.viewChanged(view(0, "node2"));
        gate.nodeStatusChanged("node1", NodeStatus.INIT);
        assertThat(seen).isEmpty();

        gate.viewChanged(view(1, "node1", "node2"));
        gate.viewChanged(view(2, "node2"));
        assertThat(seen).extracting(View::number).containsExactly(1L, 2L);
    }

    @Test
    void aPeerDeclaredDeadAtInitdeadNoLongerHoldsItBack() {
        gate.viewChanged(view(0, "node2"));
        gate.nodeStatusChanged("node1", NodeStatus.DEAD);
        assertThat(seen).extracting(View::number).containsExactly(0L);
    }

    @Test
    void atTheEndOfInitdeadTheViewItHasPassesWhoeverIsInIt() {
        gate.viewChanged(view(0, "node2"));
        gate.nodeStatusChanged("node1", NodeStatus.ACTIVE);
        sim.runFor(Duration.ofSeconds(11));
        assertThat(seen).isEmpty();
        sim.runFor(Duration.ofSeconds(2));
        assertThat(seen).extracting(View::number).containsExactly(0L);
    }
}
