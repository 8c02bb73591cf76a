package org.jheartbeat.lrm;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One operation asked of a resource. {@code meta} holds the CRM_meta_ values other than the
 * interval and timeout (clone_max, notify_type, ...) without their prefix; {@code parameters}
 * the operation's own instance attributes (OCF_CHECK_LEVEL, ...). The transition key is the
 * controller's, recorded with the result; null when the operation was asked by hand.
 */
public record OperationRequest(String action, long intervalMs, long timeoutMs, Map<String, String> meta,
        Map<String, String> parameters, String transitionKey) {

    public OperationRequest {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an operation needs an action");
        }
        if (intervalMs < 0 || timeoutMs <= 0) {
            throw new IllegalArgumentException("operation " + action + ": interval must be 0 or more and timeout "
                    + "positive, got interval " + intervalMs + " ms, timeout " + timeoutMs + " ms");
        }
        meta = Collections.unmodifiableMap(new TreeMap<>(meta));
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    public static OperationRequest of(String action, long intervalMs, long timeoutMs) {
        return new OperationRequest(action, intervalMs, timeoutMs, Map.of(), Map.of(), null);
    }

    public boolean recurring() {
        return intervalMs > 0;
    }

    /** A monitor with interval 0: "is it running here?" */
    public boolean probe() {
        return "monitor".equals(action) && intervalMs == 0;
    }

    /** Pacemaker's operation key: {@code rsc_action_interval}. */
    public String key(String resourceId) {
        return key(resourceId, action, intervalMs);
    }

    public static String key(String resourceId, String action, long intervalMs) {
        return resourceId + "_" + action + "_" + intervalMs;
    }
}
