package org.jheartbeat.controller;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.lrm.HistoryXml;
import org.jheartbeat.lrm.LocalResourceManager;
import org.jheartbeat.lrm.OcfCodes;
import org.jheartbeat.lrm.OpStatus;
import org.jheartbeat.lrm.OperationEvent;
import org.jheartbeat.lrm.ResourceDefinition;
import org.jheartbeat.lrm.ResourceHistory;
import org.jheartbeat.messaging.wire.HaMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The controller's part on every node, DC or not: runs what the DC asks on the local LRM and
 * tells the DC each result with the resource's whole history (so the DC's copy is simply
 * replaced), reports everything the LRM knows when the DC asks at a join, and forgets a
 * resource on cleanup. Runs on the controller's loop; the LRM answers on its own.
 */
final class NodeExecutor {

    private static final Logger LOG = LoggerFactory.getLogger("crmd");

    private final String node;
    private final EventLoop loop;
    private final LocalResourceManager lrm;
    private final BiConsumer<String, HaMessage> send;
    private final Supplier<String> dc;
    private final BooleanSupplier leaving;
    /** One-shot operations asked of the LRM and not finished yet. */
    private int inFlight;
    /** The answer to the last join asked while operations were in flight, given once they are not. */
    private Runnable joinAnswerWhenIdle;

    /**
     * @param send sends a message to a node (this one included)
     * @param dc the current DC, or null when there is none
     * @param leaving whether this node has asked to leave the cluster ({@link NodeShutdown})
     */
    NodeExecutor(String node, EventLoop loop, LocalResourceManager lrm, BiConsumer<String, HaMessage> send,
            Supplier<String> dc, BooleanSupplier leaving) {
        this.node = node;
        this.loop = loop;
        this.lrm = lrm;
        this.send = send;
        this.dc = dc;
        this.leaving = leaving;
    }

    void execute(LrmCommand command) {
        LOG.info("Performing key={} op={}_{}_{} on {}", command.key(), command.resource(), command.action(),
                command.intervalMs(), node);
        if ("cancel".equals(command.action())) {
            lrm.cancel(command.resource(), "monitor", command.intervalMs()).whenComplete((found, error) ->
                    loop.execute(() -> report(command.resource(), command.key(), "cancel", command.intervalMs(),
                            OcfCodes.SUCCESS, OpStatus.DONE)));
            return;
        }
        boolean oneShot = command.intervalMs() == 0;
        if (oneShot) {
            inFlight++;
        }
        lrm.register(command.definition())
                .thenCompose(registered -> lrm.execute(command.resource(), command.request()))
                .whenComplete((result, error) -> {
                    if (error != null) {
                        // Refused before any agent ran (an unknown class, an agent that is not installed): a result all the same.
                        LOG.error("Cannot run {} of {}: {}", command.action(), command.resource(), error.getMessage());
                        loop.execute(() -> report(command.resource(), command.key(), command.action(),
                                command.intervalMs(), OcfCodes.ERR_INSTALLED, OpStatus.ERROR));
                    }
                    if (oneShot) {
                        loop.execute(this::oneShotFinished);
                    }
                });
    }

    /** The LRM's listener (on its loop): every one-shot result and every change of a recurring one. */
    void operationDone(OperationEvent event) {
        loop.execute(() -> report(event.resourceId(), event.operation().transitionKey(), event.operation().action(),
                event.operation().intervalMs(), event.result().rc(), event.result().status()));
    }

    private void report(String resource, String key, String action, long intervalMs, int rc, OpStatus status) {
        String to = dc.get();
        if (to == null) {
            return;
        }
        lrm.history().thenAccept(histories -> loop.execute(() -> {
            HaMessage.Builder message = ControllerMessages.to(ControllerMessages.RESULT, to)
                    .string("rsc", resource).string("action", action).decimal("interval", intervalMs)
                    .decimal("rc", rc).decimal("status", status.code());
            if (key != null) {
                message.string("key", key);
            }
            for (ResourceHistory history : histories) {
                if (history.resourceId().equals(resource)) {
                    Document document = CibXml.newDocument();
                    message.binary("history", ControllerMessages.utf8(
                            CibXml.toXml(HistoryXml.lrmResource(document, history, node))));
                }
            }
            send.accept(to, message.build());
        }));
    }

    /**
     * Everything the LRM knows, for the DC's join, with the DC this node's own view names (the DC
     * checks they agree) and whether the node is leaving (a DC that took over learns it so).
     */
    private void oneShotFinished() {
        inFlight--;
        if (inFlight == 0 && joinAnswerWhenIdle != null) {
            Runnable answer = joinAnswerWhenIdle;
            joinAnswerWhenIdle = null;
            answer.run();
        }
    }

    /**
     * Answers a join once no operation is in flight here: a DC elected while this node runs what
     * the previous DC asked (a start, say) would otherwise take the resource as stopped and start
     * it elsewhere too. Its result goes to the new DC when it comes.
     */
    void reportState(String toDc, long join) {
        if (inFlight > 0) {
            if (joinAnswerWhenIdle == null) {
                LOG.info("Answering {}'s join once the {} operation(s) in flight here have finished", toDc, inFlight);
            }
            joinAnswerWhenIdle = () -> reportState(toDc, join);
            return;
        }
        lrm.history().thenAccept(histories -> loop.execute(() -> {
            String followed = dc.get();
            send.accept(toDc, ControllerMessages.to(ControllerMessages.STATE, toDc).decimal("join", join)
                    .string("dc", followed == null ? "" : followed)
                    .string("shutdown", Boolean.toString(leaving.getAsBoolean()))
                    .binary("lrm", ControllerMessages.utf8(lrmResources(histories))).build());
        }));
    }

    private String lrmResources(List<ResourceHistory> histories) {
        Document document = CibXml.newDocument();
        Element resources = document.createElement("lrm_resources");
        for (ResourceHistory history : histories) {
            if (history.last() != null) {
                resources.appendChild(HistoryXml.lrmResource(document, history, node));
            }
        }
        return CibXml.toXml(resources);
    }

    /**
     * Forgets a resource (and, for a clone, every instance of it) with its history and recurring
     * operations, then tells the DC, which erases it from the status section so that the
     * scheduler probes it again.
     */
    void forget(String toDc, String resource) {
        lrm.resources().thenAccept(definitions -> loop.execute(() -> {
            List<CompletableFuture<Boolean>> forgotten = new ArrayList<>();
            for (ResourceDefinition definition : definitions) {
                if (StatusUpdates.sameResource(definition.id(), resource)) {
                    LOG.info("Forgetting the history of {} (cleanup)", definition.id());
                    forgotten.add(lrm.unregister(definition.id()));
                }
            }
            CompletableFuture.allOf(forgotten.toArray(CompletableFuture[]::new)).whenComplete((done, error) ->
                    loop.execute(() -> send.accept(toDc,
                            ControllerMessages.to(ControllerMessages.FORGOT, toDc).string("rsc", resource).build())));
        }));
    }
}
