package org.jheartbeat.cib.service;

import org.jheartbeat.cib.model.CibErrorCode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jheartbeat.cib.diff.CibDiff;
import org.jheartbeat.cib.diff.CibPatch;
import org.jheartbeat.cib.diff.PatchException;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.model.CibVersion;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cib.request.CibRequestExecutor;
import org.jheartbeat.cib.request.CibResult;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.membership.View;
import org.jheartbeat.messaging.MessagingListener;
import org.jheartbeat.messaging.wire.HaMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every member's CIB equal to the DC's, on the {@code cib} loop (see {@link CibMessages}
 * for the messages).
 *
 * <ul>
 * <li>Every change is made on the DC: a member forwards its clients' changes there. The DC applies
 *     the change, writes it, sends it to all as a patch, and answers the client once a majority of
 *     the view has the new version on disk, so an acknowledged change survives the DC's death.</li>
 * <li>A member applies patches in order; one that does not fit its version makes it ask for the
 *     whole CIB.</li>
 * <li>A new DC (election, partition heal) announces its version; a member with a newer CIB sends
 *     it to the DC, which adopts it and passes it on: the highest version wins.</li>
 * </ul>
 */
public final class CibReplicator implements MessagingListener {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger("cib");

    private final String localNode;
    private final EventLoop loop;
    private final CibService cib;
    private final Function<HaMessage, CompletableFuture<Long>> send;
    private final Map<String, CompletableFuture<CibResult>> forwarded = new HashMap<>();
    private final List<PendingAck> awaitingMajority = new ArrayList<>();
    private final List<LocalCatchUp> awaitingLocalCopy = new ArrayList<>();
    private final Map<String, CibVersion> confirmed = new HashMap<>();
    private final Map<String, TreeMap<Integer, byte[]>> incomingParts = new HashMap<>();
    private View view;
    private CibDocument latest;
    private CibVersion expected;
    private long nextRequestId;

    private record PendingAck(CibVersion version, Consumer<CibRequestException> done) {
    }

    /** A forwarded change the DC has answered, held until this node's own copy has it too. */
    private record LocalCatchUp(String id, CibVersion version, CompletableFuture<CibResult> result) {
    }

    /**
     * @param send the messaging layer's send (signed, sequenced, delivered in order)
     */
    public CibReplicator(String localNode, EventLoop loop, CibService cib, CibDocument initial,
                         Function<HaMessage, CompletableFuture<Long>> send) {
        this.localNode = localNode;
        this.loop = loop;
        this.cib = cib;
        this.send = send;
        this.latest = initial;
        this.expected = initial.version();
        cib.subscribe(loop, this::changed);
    }

    /** Runs a client's change on the DC (here or over the network); completes once a majority has it. */
    public CompletableFuture<CibResult> submit(CibRequest request) {
        CompletableFuture<CibResult> result = new CompletableFuture<>();
        loop.execute(() -> {
            if (view == null || isDc()) {
                changeOnDc(request, refusal -> complete(result, refusal, expected));
                return;
            }
            String id = localNode + "-" + nextRequestId++;
            forwarded.put(id, result);
            send.apply(CibMessages.request(view.dc(), id, request));
            loop.schedule(REQUEST_TIMEOUT, () -> giveUp(id, "the DC " + view.dc() + " did not answer within "
                    + REQUEST_TIMEOUT.toSeconds() + " s"));
        });
        return result;
    }

    private void complete(CompletableFuture<CibResult> result, CibRequestException refusal, CibVersion version) {
        if (refusal == null) {
            result.complete(new CibResult(null, CibMessages.version(version)));
        } else {
            result.completeExceptionally(refusal);
        }
    }

    private void giveUp(String id, String why) {
        // Already answered by the DC: the change is made, only this node's copy lags behind.
        awaitingLocalCopy.removeIf(catchUp -> catchUp.id().equals(id)
                && catchUp.result().complete(new CibResult(null, CibMessages.version(catchUp.version()))));
        CompletableFuture<CibResult> pending = forwarded.remove(id);
        if (pending != null) {
            pending.completeExceptionally(new CibRequestException(CibErrorCode.NOT_CONNECTED,
                    why + "; the change may or may not have been made: query the CIB and retry"));
        }
    }

    private boolean isDc() {
        return view != null && localNode.equals(view.dc());
    }

    /** Applies a change here (this node is DC); {@code done} gets null once a majority has it, else the refusal. */
    private void changeOnDc(CibRequest request, Consumer<CibRequestException> done) {
        cib.change(document -> {
            try {
                return CibRequestExecutor.execute(document, request).after();
            } catch (CibRequestException e) {
                throw new CompletionException(e);
            }
        }).whenComplete((changed, error) -> loop.execute(() -> {
            if (error != null) {
                done.accept(CibRequestException.of(error));
            } else if (changed.sections().isEmpty()) {
                done.accept(null);
            } else {
                awaitingMajority.add(new PendingAck(changed.to(), done));
                releaseAcknowledged();
            }
        }));
    }

    /** The CIB service's feed: a new version is on this node's disk. */
    private void changed(CibChanged change) {
        CibDocument before = latest;
        latest = change.snapshot();
        if (expected.compareTo(latest.version()) < 0) {
            expected = latest.version();
        }
        confirmed.merge(localNode, latest.version(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        releaseCaughtUp();
        if (isDc()) {
            CibPatch patch = CibDiff.between(before, latest);
            send.apply(CibMessages.to(CibMessages.DIFF, null).string("from", CibMessages.version(patch.source()))
                    .string("to", CibMessages.version(patch.target())).binary("patch", CibMessages.utf8(patch.toXml()))
                    .string("digest", CibMessages.digest(latest)).build());
            releaseAcknowledged();
        } else if (view != null) {
            send.apply(CibMessages.to(CibMessages.APPLIED, view.dc()).string("ver", CibMessages.version(latest.version()))
                    .build());
        }
    }

    @Override
    public void viewChanged(View changed) {
        boolean wasDc = isDc();
        View previous = view;
        view = changed;
        confirmed.keySet().retainAll(changed.members());
        // Parts of a whole CIB from a node that left will never be completed.
        incomingParts.keySet().removeIf(key -> !changed.members().contains(key.substring(0, key.indexOf('/'))));
        if (isDc() && (!wasDc || previous == null || !previous.members().equals(changed.members()))) {
            LOG.info("DC {}: announcing CIB {} to members {}", localNode, expected, changed.members());
            send.apply(CibMessages.to(CibMessages.DC, null).string("ver", CibMessages.version(latest.version()))
                    .string("digest", CibMessages.digest(latest)).build());
        }
        if (isDc()) {
            cib.change(document -> DcAttributes.set(document, localNode, changed.quorum()));
        } else if (previous == null || !previous.dc().equals(changed.dc())) {
            // The new DC's announcement may have arrived before this view named it DC, and was then
            // ignored: telling it our version lets it fetch a newer CIB from us all the same.
            send.apply(CibMessages.to(CibMessages.APPLIED, changed.dc()).string("ver", CibMessages.version(expected))
                    .build());
        }
        if (previous != null && !previous.dc().equals(changed.dc())) {
            for (String id : new ArrayList<>(forwarded.keySet())) {
                giveUp(id, "the DC changed from " + previous.dc() + " to " + changed.dc() + " before answering");
            }
        }
        releaseAcknowledged();
    }

    @Override
    public void messageReceived(String fromNode, HaMessage message) {
        if (fromNode.equals(localNode) || message.type() == null || !message.type().startsWith("cib_")) {
            return;
        }
        try {
            dispatch(fromNode, message);
        } catch (RuntimeException e) {
            LOG.warn("Dropped {} from {}: {}", message.type(), fromNode, e.toString());
        }
    }

    private void dispatch(String fromNode, HaMessage message) {
        switch (message.type()) {
            case CibMessages.DC -> dcAnnounced(fromNode, CibMessages.version(message.get("ver")), message.get("digest"));
            case CibMessages.DIFF -> diffReceived(fromNode, message);
            case CibMessages.APPLIED -> applied(fromNode, CibMessages.version(message.get("ver")));
            case CibMessages.SYNC -> sendFull(fromNode);
            case CibMessages.FULL -> partReceived(fromNode, message);
            case CibMessages.REQUEST -> requestReceived(fromNode, message);
            case CibMessages.REPLY -> replyReceived(message);
            default -> LOG.debug("Unknown CIB message {} from {}", message.type(), fromNode);
        }
    }

    /**
     * A new DC's version. The higher version wins; at the same version, a different content (two
     * nodes that each were DC alone made different changes under the same numbers) makes this
     * node take the DC's.
     */
    private void dcAnnounced(String dc, CibVersion dcVersion, String dcDigest) {
        if (view == null || !dc.equals(view.dc())) {
            return;
        }
        int order = expected.compareTo(dcVersion);
        if (order == 0 && dcDigest != null && latest.version().equals(dcVersion)
                && !dcDigest.equals(CibMessages.digest(latest))) {
            LOG.info("My CIB {} differs from the DC's under the same version: asking {} for the whole CIB", expected, dc);
            send.apply(CibMessages.to(CibMessages.SYNC, dc).build());
        } else if (order > 0) {
            LOG.info("My CIB {} is newer than the DC's {}: sending it to {}", expected, dcVersion, dc);
            sendFull(dc);
        } else if (order < 0) {
            send.apply(CibMessages.to(CibMessages.SYNC, dc).build());
        } else {
            send.apply(CibMessages.to(CibMessages.APPLIED, dc).string("ver", CibMessages.version(expected)).build());
        }
    }

    private void diffReceived(String fromNode, HaMessage message) {
        if (view == null || !fromNode.equals(view.dc()) || isDc()) {
            return;
        }
        CibVersion from = CibMessages.version(message.get("from"));
        CibVersion to = CibMessages.version(message.get("to"));
        if (to.compareTo(expected) <= 0) {
            return;
        }
        if (!from.equals(expected)) {
            LOG.info("CIB patch {} -> {} does not follow my {}: asking {} for the whole CIB", from, to, expected, fromNode);
            send.apply(CibMessages.to(CibMessages.SYNC, fromNode).build());
            return;
        }
        CibPatch patch;
        try {
            patch = CibPatch.parse(CibMessages.text(message, "patch"), "patch from " + fromNode);
        } catch (CibParseException e) {
            LOG.warn("Unreadable CIB patch from {}: {}; asking for the whole CIB", fromNode, e.getMessage());
            send.apply(CibMessages.to(CibMessages.SYNC, fromNode).build());
            return;
        }
        expected = to;
        String digest = message.get("digest");
        cib.change(document -> {
            CibDocument patched;
            try {
                patched = patch.apply(document);
            } catch (PatchException e) {
                throw new CompletionException(e);
            }
            // the same patch on a copy that had drifted from the DC's gives another CIB: take the DC's whole
            if (digest != null && !digest.equals(CibMessages.digest(patched))) {
                throw new CompletionException(new IllegalStateException("the result differs from the DC's CIB " + to));
            }
            return patched;
        }).exceptionally(error -> {
            loop.execute(() -> {
                LOG.warn("CIB patch {} -> {} did not apply ({}): asking for the whole CIB", from, to,
                        error.getMessage());
                expected = latest.version();
                send.apply(CibMessages.to(CibMessages.SYNC, fromNode).build());
            });
            return null;
        });
    }

    private void applied(String node, CibVersion version) {
        if (isDc() && version.isNewerThan(expected)) {
            LOG.info("{} holds CIB {}, newer than my {}: asking for it", node, version, expected);
            send.apply(CibMessages.to(CibMessages.SYNC, node).build());
            return;
        }
        confirmed.merge(node, version, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        releaseAcknowledged();
    }

    private void releaseCaughtUp() {
        for (Iterator<LocalCatchUp> waiting = awaitingLocalCopy.iterator(); waiting.hasNext();) {
            LocalCatchUp catchUp = waiting.next();
            if (latest.version().compareTo(catchUp.version()) >= 0) {
                waiting.remove();
                catchUp.result().complete(new CibResult(null, CibMessages.version(catchUp.version())));
            }
        }
    }

    /** Answers every change a majority of the view now holds on disk. */
    private void releaseAcknowledged() {
        Set<String> members = view == null ? Set.of(localNode) : view.members();
        for (Iterator<PendingAck> pending = awaitingMajority.iterator(); pending.hasNext();) {
            PendingAck ack = pending.next();
            long holders = members.stream()
                    .filter(m -> confirmed.getOrDefault(m, CibVersion.ZERO).compareTo(ack.version()) >= 0)
                    .count();
            if (holders * 2 > members.size()) {
                pending.remove();
                ack.done().accept(null);
            }
        }
    }

    private void sendFull(String dest) {
        List<byte[]> parts = CibMessages.parts(CibXml.toXml(latest));
        for (int i = 0; i < parts.size(); i++) {
            send.apply(CibMessages.to(CibMessages.FULL, dest).string("ver", CibMessages.version(latest.version()))
                    .decimal("part", i).decimal("parts", parts.size()).binary("data", parts.get(i)).build());
        }
    }

    private void partReceived(String fromNode, HaMessage message) {
        String key = fromNode + "/" + message.get("ver");
        int part = (int) message.getDecimal("part");
        int parts = (int) message.getDecimal("parts");
        TreeMap<Integer, byte[]> received = incomingParts.computeIfAbsent(key, k -> new TreeMap<>());
        received.put(part, message.getBinary("data"));
        if (received.size() < parts) {
            return;
        }
        incomingParts.remove(key);
        CibDocument copy;
        try {
            copy = CibXml.parse(CibMessages.joined(new ArrayList<>(received.values())), "CIB from " + fromNode);
        } catch (IOException | CibParseException e) {
            LOG.warn("Unreadable whole CIB from {}: {}", fromNode, e.getMessage());
            return;
        }
        adopt(fromNode, copy);
    }

    /** Takes a whole CIB: from the DC always (it is the reference), from a member only when newer. */
    private void adopt(String fromNode, CibDocument copy) {
        boolean fromDc = view != null && fromNode.equals(view.dc());
        if (!fromDc && !copy.version().isNewerThan(expected)) {
            return;
        }
        if (fromDc && copy.version().equals(expected) && CibMessages.digest(copy).equals(CibMessages.digest(latest))) {
            send.apply(CibMessages.to(CibMessages.APPLIED, fromNode).string("ver", CibMessages.version(expected))
                    .build());
            return;
        }
        LOG.info("Taking the whole CIB {} from {} (mine was {})", copy.version(), fromNode, expected);
        expected = copy.version();
        // a copy from a node that was DC of its own partition names that DC and its quorum: this DC rewrites its own
        boolean dc = isDc();
        cib.change(document -> dc ? DcAttributes.set(copy, localNode, view.quorum()) : copy);
    }

    private void requestReceived(String fromNode, HaMessage message) {
        String id = message.get("id");
        if (!isDc()) {
            reply(fromNode, id, new CibRequestException(CibErrorCode.NOT_CONNECTED,
                    localNode + " is not the DC any more"));
            return;
        }
        changeOnDc(CibMessages.request(message), refusal -> reply(fromNode, id, refusal));
    }

    private void reply(String dest, String id, CibRequestException refusal) {
        HaMessage.Builder reply = CibMessages.to(CibMessages.REPLY, dest).string("id", id)
                .string("ver", CibMessages.version(expected));
        if (refusal == null) {
            reply.string("code", CibMessages.OK);
        } else {
            reply.string("code", refusal.code().name()).binary("message", CibMessages.utf8(refusal.getMessage()));
        }
        send.apply(reply.build());
    }

    private void replyReceived(HaMessage message) {
        CompletableFuture<CibResult> pending = forwarded.remove(message.get("id"));
        if (pending == null) {
            return;
        }
        String code = message.get("code");
        if (CibMessages.OK.equals(code)) {
            // Read your own writes: answer once this node's copy has the change, not just the DC's.
            awaitingLocalCopy.add(new LocalCatchUp(message.get("id"), CibMessages.version(message.get("ver")), pending));
            releaseCaughtUp();
        } else {
            pending.completeExceptionally(new CibRequestException(CibErrorCode.valueOf(code),
                    CibMessages.text(message, "message")));
        }
    }
}
