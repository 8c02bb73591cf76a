package org.jheartbeat.policy.model;

/** One configured operation of a primitive (op element plus op_defaults). */
public record OpConfig(String id, String name, long intervalMs, Role role, String onFail, long timeoutMs,
                       boolean enabled, java.util.Map<String, String> attributes) {

    public boolean recurring() {
        return intervalMs > 0;
    }
}
