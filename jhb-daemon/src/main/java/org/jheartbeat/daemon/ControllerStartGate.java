package org.jheartbeat.daemon;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.membership.View;
import org.jheartbeat.messaging.MessagingListener;
import org.jheartbeat.messaging.NodeStatus;
import org.jheartbeat.messaging.wire.HaMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the controller its first membership view only once the cluster has had its chance to
 * form: when the view holds every node of ha.cf that initdead has not declared dead, or at the
 * latest when initdead is over. Heartbeat 3.0.6 starts managing resources the same way, at
 * comm_now_up(), once it has heard from every node or given up on it; without this, a node
 * started a moment before its peer becomes DC of a cluster of one and starts the peer's
 * resources, which with {@code auto_failback off} (and no quorum in v1) then stay there.
 * Messages and the other events pass at once; everything runs on the controller's loop.
 */
final class ControllerStartGate implements MessagingListener {

    private static final Logger LOG = LoggerFactory.getLogger("heartbeat");

    private final MessagingListener controller;
    private final Set<String> expected;
    private final Set<String> dead = new HashSet<>();
    private boolean open;
    private View held;

    /**
     * @param nodes    ha.cf's nodes, this one included
     * @param initdead after which the controller gets the view it has, whoever is in it
     */
    ControllerStartGate(MessagingListener controller, List<String> nodes, EventLoop loop, Duration initdead) {
        this.controller = controller;
        this.expected = Set.copyOf(nodes);
        loop.schedule(initdead, () -> openWith("initdead is over"));
    }

    @Override
    public void viewChanged(View view) {
        if (open) {
            controller.viewChanged(view);
            return;
        }
        held = view;
        if (view.members().containsAll(awaited())) {
            openWith("every node is in the membership");
        }
    }

    @Override
    public void nodeStatusChanged(String node, NodeStatus status) {
        if (status == NodeStatus.DEAD) {
            dead.add(node);
        }
        controller.nodeStatusChanged(node, status);
        if (!open && held != null && held.members().containsAll(awaited())) {
            openWith("every node is in the membership or dead");
        }
    }

    @Override
    public void linkStatusChanged(String node, String link, boolean up) {
        controller.linkStatusChanged(node, link, up);
    }

    @Override
    public void messageReceived(String fromNode, HaMessage message) {
        controller.messageReceived(fromNode, message);
    }

    private Set<String> awaited() {
        Set<String> awaited = new HashSet<>(expected);
        awaited.removeAll(dead);
        return awaited;
    }

    private void openWith(String reason) {
        if (open) {
            return;
        }
        open = true;
        LOG.info("Resource management starts: {}", reason);
        if (held != null) {
            controller.viewChanged(held);
        }
    }
}
