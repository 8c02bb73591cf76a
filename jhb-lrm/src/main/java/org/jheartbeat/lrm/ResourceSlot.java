package org.jheartbeat.lrm;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/** One resource inside the LRM: its definition, its queue of operations, its recurring ones and its history. */
final class ResourceSlot {

    ResourceDefinition definition;
    final ArrayDeque<QueuedOperation> queue = new ArrayDeque<>();
    final Map<String, RecurringOperation> recurring = new LinkedHashMap<>();
    final ResourceHistory history;
    boolean busy;
    /** In the LRM's line of resources waiting for a place to run. */
    boolean waiting;

    ResourceSlot(ResourceDefinition definition) {
        this.definition = definition;
        this.history = new ResourceHistory(definition);
    }

    /** Cancels the recurring operation with this key; its queued run goes too, and its history entry. */
    boolean cancelRecurring(String key) {
        RecurringOperation op = recurring.remove(key);
        if (op == null) {
            return false;
        }
        op.cancel();
        queue.removeIf(q -> q.recurring == op);
        history.forgetRecurring(key);
        return true;
    }

    void cancelAllRecurring() {
        for (String key : recurring.keySet().toArray(new String[0])) {
            cancelRecurring(key);
        }
    }
}
