package org.jheartbeat.cib.service;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.common.loop.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CIB of one node, owned by the {@code cib} loop. Queries answer from the current version.
 * A change is computed on the loop (so changes apply one after another, each on the result of
 * the one before), written to disk by the writer in the same order, and only then acknowledged
 * to the caller and announced on the change feed: nothing acknowledged is lost.
 *
 * <p>A failed disk write stops the service (later changes are refused): the node must not go on
 * with a CIB newer in memory than on disk.
 */
public final class CibService {

    private static final Logger LOG = LoggerFactory.getLogger("cib");

    private final EventLoop loop;
    private final CibWriter writer;
    private final Executor writerThread;
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    private CibDocument current;
    private IOException writeFailure;

    public CibService(EventLoop loop, CibDocument initial, CibWriter writer, Executor writerThread) {
        this.loop = loop;
        this.current = initial;
        this.writer = writer;
        this.writerThread = writerThread;
    }

    /** The current version (immutable: safe to read on any thread). */
    public CompletableFuture<CibDocument> query() {
        CompletableFuture<CibDocument> result = new CompletableFuture<>();
        loop.execute(() -> result.complete(current));
        return result;
    }

    /**
     * Applies a change; the future completes with the change once it is on disk, or fails with
     * what the operation threw (nothing changed then).
     */
    public CompletableFuture<CibChanged> change(UnaryOperator<CibDocument> operation) {
        CompletableFuture<CibChanged> result = new CompletableFuture<>();
        loop.execute(() -> apply(operation, result));
        return result;
    }

    /** Registers a listener of the change feed, called on its own loop. */
    public void subscribe(EventLoop listenerLoop, Consumer<CibChanged> listener) {
        subscribers.add(new Subscription(listenerLoop, listener));
    }

    private void apply(UnaryOperator<CibDocument> operation, CompletableFuture<CibChanged> result) {
        loop.assertInLoop();
        if (writeFailure != null) {
            result.completeExceptionally(new IOException("the CIB can no longer be saved ("
                    + writeFailure.getMessage() + "); restart heartbeat after fixing the disk", writeFailure));
            return;
        }
        CibDocument before = current;
        CibDocument after;
        try {
            after = operation.apply(before);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        Set<String> sections = ChangedSections.between(before, after);
        if (sections.isEmpty()) {
            result.complete(new CibChanged(before.version(), before.version(), sections, before));
            return;
        }
        current = after;
        CibChanged changed = new CibChanged(before.version(), after.version(), sections, after);
        writerThread.execute(() -> persist(changed, result));
    }

    private void persist(CibChanged changed, CompletableFuture<CibChanged> result) {
        try {
            writer.write(changed.snapshot());
            loop.execute(() -> announce(changed, result));
        } catch (IOException e) {
            loop.execute(() -> {
                writeFailure = e;
                LOG.error("Cannot write the CIB version {}: {}", changed.to(), e.getMessage());
                result.completeExceptionally(e);
            });
        }
    }

    private void announce(CibChanged changed, CompletableFuture<CibChanged> result) {
        LOG.info("CIB changed to {} ({})", changed.to(), String.join(", ", changed.sections()));
        result.complete(changed);
        for (Subscription subscription : subscribers) {
            subscription.loop().execute(() -> subscription.listener().accept(changed));
        }
    }

    private record Subscription(EventLoop loop, Consumer<CibChanged> listener) {
    }
}
