package org.jheartbeat.lrm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the status section keeps of one resource's operations: the last one-shot operation, the
 * last failure, and the latest result of each recurring operation. Owned by the LRM's loop;
 * others get snapshots.
 */
public final class ResourceHistory {

    private final ResourceDefinition definition;
    private OperationRecord last;
    private OperationRecord lastFailure;
    private final Map<String, OperationRecord> recurring = new LinkedHashMap<>();

    ResourceHistory(ResourceDefinition definition) {
        this.definition = definition;
    }

    public String resourceId() {
        return definition.id();
    }

    /** The definition the resource had when this history was taken. */
    public ResourceDefinition definition() {
        return definition;
    }

    /** A copy the loop will not change any more, for another thread. */
    ResourceHistory snapshot(ResourceDefinition current) {
        ResourceHistory copy = new ResourceHistory(current);
        copy.last = last;
        copy.lastFailure = lastFailure;
        copy.recurring.putAll(recurring);
        return copy;
    }

    public OperationRecord last() {
        return last;
    }

    public OperationRecord lastFailure() {
        return lastFailure;
    }

    public Map<String, OperationRecord> recurring() {
        return Map.copyOf(recurring);
    }

    /** Every record, in the order the status section lists them. */
    public List<OperationRecord> records() {
        List<OperationRecord> all = new ArrayList<>();
        if (last != null) {
            all.add(last);
        }
        if (lastFailure != null) {
            all.add(lastFailure);
        }
        all.addAll(recurring.values());
        return all;
    }

    /** The record this operation's result follows, to tell whether its code changed. */
    OperationRecord previous(OperationRequest operation) {
        return operation.recurring() ? recurring.get(operation.key(definition.id())) : last;
    }

    void add(OperationRecord record) {
        OperationRequest op = record.operation();
        if (op.recurring()) {
            recurring.put(op.key(definition.id()), record);
        } else {
            last = record;
        }
        if (!record.result().succeeded(op)) {
            lastFailure = record;
        }
    }

    void forgetRecurring(String key) {
        recurring.remove(key);
    }
}
