package org.jheartbeat.policy.model;

/**
 * One configured operation of a primitive (op element plus op_defaults); params are the op's own
 * instance attributes, which the agent gets on top of the resource's for this operation.
 */
public record OpConfig(String id, String name, long intervalMs, Role role, String onFail, long timeoutMs,
                       boolean enabled, java.util.Map<String, String> params) {

    public boolean recurring() {
        return intervalMs > 0;
    }
}
