package org.jheartbeat.lrm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jheartbeat.cib.model.OperationDigest;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.lrm.agent.AgentClass;

/**
 * The local resource manager: runs operations on the resources of this node through their
 * agent class. Operations on one resource run one at a time in the order asked; different
 * resources run side by side up to a limit. A recurring operation runs again an interval after
 * its last run was due (at once if that is past: a slow agent delays its monitor, never piles
 * them up) until cancelled, and is reported only when its result changes. A stop first cancels
 * the resource's recurring operations. All state lives on the loop; the public methods hand
 * their work to it and answer through futures.
 */
public final class LocalResourceManager {

    private final EventLoop loop;
    private final Map<String, AgentClass> classes = new HashMap<>();
    private final int maxParallel;
    private final Consumer<OperationEvent> listener;
    private final Map<String, ResourceSlot> resources = new LinkedHashMap<>();
    private final ArrayDeque<ResourceSlot> waiting = new ArrayDeque<>();
    private final MonitorLateness lateness = new MonitorLateness();
    private int running;
    private long lastCallId;
    private long operationsFinished;

    /**
     * @param maxParallel how many operations may run at once on this node
     * @param listener told of every one-shot result and every change of a recurring one, on the loop
     */
    public LocalResourceManager(EventLoop loop, List<AgentClass> agentClasses, int maxParallel,
            Consumer<OperationEvent> listener) {
        if (maxParallel < 1) {
            throw new IllegalArgumentException("at least one operation must be allowed to run, got " + maxParallel);
        }
        this.loop = loop;
        agentClasses.forEach(c -> classes.put(c.standard(), c));
        this.maxParallel = maxParallel;
        this.listener = listener;
    }

    /** Adds a resource, or replaces its definition (its history stays). */
    public CompletableFuture<Void> register(ResourceDefinition definition) {
        return onLoop(() -> {
            if (!classes.containsKey(definition.agent().standard())) {
                throw new IllegalArgumentException("resource " + definition.id() + ": class '"
                        + definition.agent().standard() + "' is not supported; use one of " + classes.keySet());
            }
            ResourceSlot slot = resources.get(definition.id());
            if (slot == null) {
                resources.put(definition.id(), new ResourceSlot(definition));
            } else {
                slot.definition = definition;
            }
            return null;
        });
    }

    /** Forgets a resource and its history, cancelling its recurring operations. */
    public CompletableFuture<Boolean> unregister(String resourceId) {
        return onLoop(() -> {
            ResourceSlot slot = resources.remove(resourceId);
            if (slot == null) {
                return false;
            }
            slot.cancelAllRecurring();
            slot.queue.clear();
            if (slot.waiting) {
                waiting.remove(slot);
            }
            return true;
        });
    }

    /**
     * Queues an operation. The future completes with its (first) result; the listener hears of
     * it too. A recurring operation replaces one with the same action and interval.
     */
    public CompletableFuture<OperationResult> execute(String resourceId, OperationRequest operation) {
        CompletableFuture<OperationResult> done = new CompletableFuture<>();
        loop.execute(() -> {
            ResourceSlot slot = resources.get(resourceId);
            if (slot == null) {
                done.completeExceptionally(new IllegalArgumentException("resource " + resourceId
                        + " is not registered here; add it first (lrmadmin -A)"));
                return;
            }
            if ("stop".equals(operation.action())) {
                slot.cancelAllRecurring();
            }
            long callId = ++lastCallId;
            RecurringOperation recurring = null;
            if (operation.recurring()) {
                slot.cancelRecurring(operation.key(resourceId));
                recurring = new RecurringOperation(callId, operation);
                slot.recurring.put(operation.key(resourceId), recurring);
            }
            long now = loop.clock().monotonicNanos();
            enqueue(slot, new QueuedOperation(callId, operation, done, recurring, now, now));
        });
        return done;
    }

    /** Stops a recurring operation; true if there was one. */
    public CompletableFuture<Boolean> cancel(String resourceId, String action, long intervalMs) {
        return onLoop(() -> {
            ResourceSlot slot = resources.get(resourceId);
            return slot != null && slot.cancelRecurring(OperationRequest.key(resourceId, action, intervalMs));
        });
    }

    /** Every resource's history, in registration order: snapshots, with the definition each has now. */
    public CompletableFuture<List<ResourceHistory>> history() {
        return onLoop(() -> {
            List<ResourceHistory> all = new ArrayList<>();
            resources.values().forEach(slot -> all.add(slot.history.snapshot(slot.definition)));
            return all;
        });
    }

    public CompletableFuture<List<ResourceDefinition>> resources() {
        return onLoop(() -> {
            List<ResourceDefinition> all = new ArrayList<>();
            resources.values().forEach(slot -> all.add(slot.definition));
            return all;
        });
    }

    /**
     * Operations finished and how late recurring ones started, since the start or the last
     * reset; {@code reset} starts a new period after this answer.
     */
    public CompletableFuture<Statistics> statistics(boolean reset) {
        return onLoop(() -> {
            Statistics now = new Statistics(operationsFinished, lateness.summary());
            if (reset) {
                operationsFinished = 0;
                lateness.reset();
            }
            return now;
        });
    }

    /** What {@link #statistics} answers. */
    public record Statistics(long operationsFinished, MonitorLateness.Summary recurringLateness) {
    }

    private void enqueue(ResourceSlot slot, QueuedOperation operation) {
        slot.queue.add(operation);
        if (!slot.busy) {
            markWaiting(slot);
        }
        startWhatFits();
    }

    /** In line for a free place, once: a flag rather than a search of the line, which may be long. */
    private void markWaiting(ResourceSlot slot) {
        if (!slot.waiting) {
            slot.waiting = true;
            waiting.add(slot);
        }
    }

    private void startWhatFits() {
        while (running < maxParallel && !waiting.isEmpty()) {
            ResourceSlot slot = waiting.poll();
            slot.waiting = false;
            QueuedOperation next = slot.queue.poll();
            if (next != null) {
                start(slot, next);
            }
        }
    }

    private void start(ResourceSlot slot, QueuedOperation queued) {
        slot.busy = true;
        running++;
        long startNanos = loop.clock().monotonicNanos();
        if (queued.recurring != null) {
            lateness.record(startNanos - queued.dueNanos);
        }
        ResourceDefinition definition = slot.definition;
        classes.get(definition.agent().standard()).execute(definition, queued.operation)
                .whenComplete((result, failure) -> loop.execute(() ->
                        finished(slot, queued, definition, startNanos, result != null ? result : failed(failure))));
    }

    private OperationResult failed(Throwable failure) {
        return new OperationResult(OcfCodes.ERR_GENERIC, OpStatus.ERROR, "executor error: " + failure, "",
                loop.clock().wallTime(), Duration.ZERO);
    }

    private void finished(ResourceSlot slot, QueuedOperation queued, ResourceDefinition ranWith, long startNanos,
            OperationResult result) {
        slot.busy = false;
        running--;
        operationsFinished++;
        RecurringOperation recurring = queued.recurring;
        boolean current = resources.get(slot.definition.id()) == slot && (recurring == null || !recurring.cancelled);
        if (current) {
            record(slot, queued, ranWith, startNanos, result);
            if (recurring == null || !result.sameAs(recurring.lastReported)) {
                listener.accept(new OperationEvent(slot.definition.id(), queued.callId, queued.operation, result));
            }
            if (recurring != null) {
                recurring.lastReported = result;
                scheduleNextRun(slot, recurring, queued.dueNanos);
            }
        }
        queued.done.complete(result);
        if (!slot.queue.isEmpty()) {
            markWaiting(slot);
        }
        startWhatFits();
    }

    private void record(ResourceSlot slot, QueuedOperation queued, ResourceDefinition ranWith, long startNanos,
            OperationResult result) {
        OperationRecord previous = slot.history.previous(queued.operation);
        Instant lastRcChange = previous != null && previous.result().rc() == result.rc()
                && previous.operation().action().equals(queued.operation.action())
                ? previous.lastRcChange() : result.started();
        long queueMillis = (startNanos - queued.queuedNanos) / 1_000_000L;
        slot.history.add(new OperationRecord(queued.callId, queued.operation, result, lastRcChange, queueMillis,
                digest(ranWith, queued.operation)));
    }

    /** The parameters the operation ran with, as the scheduler digests the configuration. */
    static String digest(ResourceDefinition definition, OperationRequest operation) {
        Map<String, String> parameters = new HashMap<>(definition.parameters());
        parameters.putAll(operation.parameters());
        if (operation.recurring()) {
            parameters.put("CRM_meta_timeout", Long.toString(operation.timeoutMs()));
        }
        return OperationDigest.of(parameters);
    }

    private void scheduleNextRun(ResourceSlot slot, RecurringOperation recurring, long lastDueNanos) {
        long now = loop.clock().monotonicNanos();
        long due = Math.max(now, lastDueNanos + recurring.operation.intervalMs() * 1_000_000L);
        recurring.timer = loop.schedule(Duration.ofNanos(due - now), () -> {
            if (!recurring.cancelled) {
                enqueue(slot, new QueuedOperation(recurring.callId, recurring.operation, new CompletableFuture<>(),
                        recurring, due, loop.clock().monotonicNanos()));
            }
        });
    }

    private <T> CompletableFuture<T> onLoop(Supplier<T> work) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                answer.complete(work.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }
}
