package org.jheartbeat.controller;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.service.CibService;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.lrm.LocalResourceManager;
import org.jheartbeat.lrm.OperationEvent;
import org.jheartbeat.lrm.agent.StonithDevices;
import org.jheartbeat.membership.View;
import org.jheartbeat.messaging.MessagingListener;
import org.jheartbeat.messaging.wire.HaMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller of one node (Pacemaker's crmd), on its own loop: the node's part
 * ({@link NodeExecutor}) always, the DC's ({@link DcController}) while the membership names
 * this node DC. Hears the membership's views and the controller's messages from the messaging
 * layer, the CIB's change feed, and the LRM's results. A message to this node itself is handed
 * over on the loop rather than sent.
 */
public final class Controller implements MessagingListener {

    private static final Logger LOG = LoggerFactory.getLogger("crmd");

    private final String self;
    private final EventLoop loop;
    private final Function<HaMessage, CompletableFuture<Long>> network;
    private final NodeExecutor node;
    private final NodeShutdown shutdown;
    private final DcController dc;
    private final Fencer fencer;
    private View view;

    /**
     * @param network the messaging layer's send (signed, sequenced, delivered in order)
     */
    /**
     * @param stonith the fencing devices this node runs when the DC asks it to fence a node
     */
    public Controller(String self, EventLoop loop, CibService cib, LocalResourceManager lrm, StonithDevices stonith,
            Function<HaMessage, CompletableFuture<Long>> network) {
        this.self = self;
        this.loop = loop;
        this.network = network;
        this.shutdown = new NodeShutdown(loop, cib, this::send, () -> view == null ? null : view.dc());
        this.node = new NodeExecutor(self, loop, lrm, this::send, () -> view == null ? null : view.dc(),
                shutdown::requested);
        this.fencer = new Fencer(stonith, loop.clock());
        this.dc = new DcController(self, loop, cib, this::send);
        cib.subscribe(loop, dc::cibChanged);
    }

    /** The LRM's listener: called on the LRM's loop. */
    public void operationDone(OperationEvent event) {
        node.operationDone(event);
    }

    /**
     * An operator's cleanup of a resource on one node or all, handed to the DC; fails when there
     * is no DC to do it.
     */
    public CompletableFuture<String> cleanup(String resource, String onNode) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        loop.execute(() -> {
            if (view == null) {
                answer.completeExceptionally(new IllegalStateException("this node has no DC yet: wait until "
                        + "cl_status shows the cluster's nodes, then retry"));
                return;
            }
            HaMessage.Builder message = ControllerMessages.to(ControllerMessages.CLEANUP, view.dc()).string("rsc", resource);
            if (onNode != null) {
                message.string("node", onNode);
            }
            send(view.dc(), message.build());
            answer.complete(view.dc());
        });
        return answer;
    }

    /**
     * A clean exit from the cluster (the daemon's SIGTERM): completes once the DC has stopped
     * this node's resources (moving them elsewhere) and told it to leave, at once when there is
     * no cluster to leave, and after shutdown-escalation at the latest ({@link NodeShutdown}).
     */
    public CompletableFuture<Void> shutdown() {
        CompletableFuture<Void> mayLeave = new CompletableFuture<>();
        loop.execute(() -> shutdown.request().whenComplete((done, error) -> mayLeave.complete(null)));
        return mayLeave;
    }

    private void send(String to, HaMessage message) {
        if (self.equals(to)) {
            loop.execute(() -> dispatch(self, message));
        } else {
            network.apply(message);
        }
    }

    @Override
    public void viewChanged(View changed) {
        view = changed;
        dc.viewChanged(changed);
    }

    @Override
    public void messageReceived(String fromNode, HaMessage message) {
        if (fromNode.equals(self) || message.type() == null || !message.type().startsWith(ControllerMessages.PREFIX)
                || !self.equals(message.get("dest"))) {
            return;
        }
        dispatch(fromNode, message);
    }

    /**
     * Only the DC of this node's view may have it act: a request sent before a partition arrives
     * when the link comes back (the messaging layer retransmits it), long after that DC's
     * transition was aborted, and must not start what the cluster has started elsewhere since.
     */
    private boolean fromCurrentDc(String fromNode, HaMessage message) {
        String current = view == null ? null : view.dc();
        if (fromNode.equals(current)) {
            return true;
        }
        LOG.warn("Discarded {} from {}: it is not the DC of this node's view (the DC is {})", message.type(), fromNode,
                current == null ? "not known yet" : current);
        return false;
    }

    /** The DC chose this node to fence one: the devices run here, the outcome goes back to that DC. */
    private void fence(String dc, HaMessage message) throws CibParseException {
        List<FenceDevice> devices = FenceDevice.fromXml(ControllerMessages.text(message, "devices"));
        String target = message.get("target");
        String action = message.get("action");
        String key = message.get("key");
        LOG.info("Fencing {} ({}) for DC {}: devices {}", target, action, dc,
                devices.stream().map(FenceDevice::id).toList());
        fencer.fence(devices, target, action, Duration.ofMillis(message.getDecimal("timeout")))
                .exceptionally(error -> new Fencer.Outcome(false, null, error.toString()))
                .thenAccept(outcome -> loop.execute(() -> {
                    HaMessage.Builder answer = ControllerMessages.to(ControllerMessages.FENCED, dc).string("key", key)
                            .string("target", target).decimal("ok", outcome.ok() ? 1 : 0)
                            .binary("detail", ControllerMessages.utf8(outcome.detail()));
                    if (outcome.device() != null) {
                        answer.string("device", outcome.device());
                    }
                    send(dc, answer.build());
                }));
    }

    private void dispatch(String fromNode, HaMessage message) {
        try {
            switch (message.type()) {
                case ControllerMessages.JOIN -> node.reportState(fromNode, message.getDecimal("join"));
                case ControllerMessages.STATE -> dc.stateReceived(fromNode, message);
                case ControllerMessages.EXEC -> {
                    if (fromCurrentDc(fromNode, message)) {
                        node.execute(LrmCommand.fromXml(ControllerMessages.text(message, "op")));
                    }
                }
                case ControllerMessages.RESULT -> dc.resultReceived(fromNode, message);
                case ControllerMessages.FORGET -> node.forget(fromNode, message.get("rsc"));
                case ControllerMessages.FORGOT -> dc.forgotten(fromNode, message.get("rsc"));
                case ControllerMessages.CLEANUP -> dc.cleanup(message.get("rsc"), message.get("node"));
                case ControllerMessages.SHUTDOWN_REQUEST -> dc.shutdownRequested(fromNode);
                case ControllerMessages.FENCE -> {
                    if (fromCurrentDc(fromNode, message)) {
                        fence(fromNode, message);
                    }
                }
                case ControllerMessages.FENCED -> dc.fenceResult(fromNode, message);
                case ControllerMessages.SHUTDOWN -> {
                    if (fromCurrentDc(fromNode, message)) {
                        shutdown.ordered(fromNode);
                    }
                }
                default -> LOG.debug("Unknown controller message {} from {}", message.type(), fromNode);
            }
        } catch (CibParseException | RuntimeException e) {
            LOG.warn("Dropped {} from {}: {}", message.type(), fromNode, e.toString());
        }
    }
}
