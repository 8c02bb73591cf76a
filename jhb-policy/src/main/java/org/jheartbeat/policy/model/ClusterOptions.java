package org.jheartbeat.policy.model;

import java.util.Map;

/** crm_config's cluster options that the scheduler honours, with Pacemaker's defaults. */
public record ClusterOptions(Map<String, String> values) {

    public String get(String name, String otherwise) {
        String v = values.get(name);
        if (v == null) {
            v = values.get(name.replace('-', '_'));
        }
        return v == null ? otherwise : v;
    }

    public boolean stonithEnabled() {
        return MetaValues.bool(get("stonith-enabled", "true"), true);
    }

    public boolean symmetric() {
        return MetaValues.bool(get("symmetric-cluster", "true"), true);
    }

    public String noQuorumPolicy() {
        return get("no-quorum-policy", "stop");
    }

    public boolean stopOrphanResources() {
        return MetaValues.bool(get("stop-orphan-resources", "true"), true);
    }

    public boolean startFailureIsFatal() {
        return MetaValues.bool(get("start-failure-is-fatal", "true"), true);
    }

    public boolean maintenanceMode() {
        return MetaValues.bool(get("maintenance-mode", "false"), false);
    }

    public boolean startupFencing() {
        return MetaValues.bool(get("startup-fencing", "true"), true);
    }

    public String placementStrategy() {
        return get("placement-strategy", "default");
    }

    public String stonithAction() {
        String a = get("stonith-action", "reboot");
        return "poweroff".equals(a) ? "off" : a;
    }

    public int defaultStickiness() {
        return MetaValues.score(get("default-resource-stickiness", null), 0);
    }

    public boolean stopAllResources() {
        return MetaValues.bool(get("stop-all-resources", "false"), false);
    }

    /** shutdown-lock: resources of a node that shuts down cleanly wait for it instead of moving. */
    public boolean shutdownLock() {
        return MetaValues.bool(get("shutdown-lock", "false"), false);
    }

    /** shutdown-lock-limit in milliseconds; 0 keeps a lock until the node comes back. */
    public long shutdownLockLimitMs() {
        return MetaValues.millis(get("shutdown-lock-limit", "0"), 0);
    }
}
