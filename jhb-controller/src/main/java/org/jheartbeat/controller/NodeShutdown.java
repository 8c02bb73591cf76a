package org.jheartbeat.controller;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.service.CibService;
import org.jheartbeat.common.loop.Cancellable;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.messaging.wire.HaMessage;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.unpack.CibUnpacker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node leaving the cluster cleanly (the daemon's SIGTERM), as Pacemaker's controller does
 * it: the node asks the DC to stop its resources; the DC records the request as the node's
 * {@code shutdown} transient attribute, its scheduler moves everything off the node and ends
 * with {@code do_shutdown}, which the DC sends here once the node's resources are stopped. The
 * node says it is leaving again in every join report, so a DC that takes over meanwhile learns
 * it too. Without an answer within {@code shutdown-escalation} (20 min unless the cluster
 * options say otherwise, as in Pacemaker) the node leaves all the same, its resources as they
 * are. Runs on the controller's loop.
 */
final class NodeShutdown {

    private static final Logger LOG = LoggerFactory.getLogger("crmd");
    static final Duration DEFAULT_ESCALATION = Duration.ofMinutes(20);

    private final EventLoop loop;
    private final CibService cib;
    private final BiConsumer<String, HaMessage> send;
    private final Supplier<String> dc;
    /** Null until a shutdown is asked for; complete once the node may leave. */
    private CompletableFuture<Void> leave;
    private Cancellable escalation;

    /**
     * @param send sends a message to a node (this one included)
     * @param dc the current DC, or null when there is none
     */
    NodeShutdown(EventLoop loop, CibService cib, BiConsumer<String, HaMessage> send, Supplier<String> dc) {
        this.loop = loop;
        this.cib = cib;
        this.send = send;
        this.dc = dc;
    }

    /** Whether this node has asked to leave. */
    boolean requested() {
        return leave != null;
    }

    /** Asks the DC to stop this node's resources; completes when the node may leave. Asked again: the same answer. */
    CompletableFuture<Void> request() {
        if (leave != null) {
            return leave;
        }
        leave = new CompletableFuture<>();
        String to = dc.get();
        if (to == null) {
            LOG.info("Shutdown requested: this node is in no cluster yet, so it leaves at once");
            leave.complete(null);
            return leave;
        }
        cib.query().thenAccept(document -> loop.execute(() -> {
            Duration limit = escalation(document);
            LOG.info("Shutdown requested: asking the DC ({}) to stop this node's resources; leaving once it has, "
                    + "or after shutdown-escalation ({} s) with them as they are", to, limit.toSeconds());
            send.accept(to, ControllerMessages.to(ControllerMessages.SHUTDOWN_REQUEST, to).build());
            escalation = loop.schedule(limit, () -> {
                if (!leave.isDone()) {
                    LOG.error("Shutdown escalation: the DC did not stop this node's resources within {} s; leaving "
                            + "with them as they are", limit.toSeconds());
                    leave.complete(null);
                }
            });
        }));
        return leave;
    }

    /** The DC's do_shutdown: this node's resources are stopped. */
    void ordered(String fromDc) {
        if (leave == null) {
            LOG.warn("DC {} told this node to shut down, but no shutdown was asked for here: staying", fromDc);
            return;
        }
        if (!leave.isDone()) {
            LOG.info("The DC ({}) has stopped this node's resources: leaving the cluster", fromDc);
            if (escalation != null) {
                escalation.cancel();
            }
            leave.complete(null);
        }
    }

    private Duration escalation(CibDocument document) {
        try {
            String value = CibUnpacker.unpack(document, loop.clock().wallTime()).options().get("shutdown-escalation", null);
            long millis = MetaValues.millis(value, DEFAULT_ESCALATION.toMillis());
            return millis > 0 ? Duration.ofMillis(millis) : DEFAULT_ESCALATION;
        } catch (RuntimeException e) {
            LOG.warn("Cannot read shutdown-escalation from CIB {}: {}; using {} s", document.version(), e.getMessage(),
                    DEFAULT_ESCALATION.toSeconds());
            return DEFAULT_ESCALATION;
        }
    }
}
