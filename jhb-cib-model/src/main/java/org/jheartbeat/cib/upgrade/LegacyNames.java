package org.jheartbeat.cib.upgrade;

import java.util.Map;
import java.util.Set;

/** Heartbeat 2.1 spellings and the current names they became. */
final class LegacyNames {

    /** Resource options that Heartbeat 2.1 kept as XML attributes or instance nvpairs; now meta attributes. */
    static final Set<String> META = Set.of("clone-max", "clone-node-max", "promoted-max", "promoted-node-max",
            "globally-unique", "notify", "ordered", "interleave", "collocated", "resource-stickiness",
            "resource-failure-stickiness", "migration-threshold", "failure-timeout", "is-managed", "target-role",
            "priority", "restart-type", "multiple-active", "allow-migrate", "requires");

    /** Names that changed beyond underscores becoming dashes. */
    private static final Map<String, String> RENAMED = Map.of(
            "master-max", "promoted-max",
            "master-node-max", "promoted-node-max");

    /** Cluster options that moved out of crm_config into the defaults sections: option → (section, name). */
    static final Map<String, String[]> MOVED_TO_DEFAULTS = Map.of(
            "default-resource-stickiness", new String[] {"rsc_defaults", "resource-stickiness"},
            "is-managed-default", new String[] {"rsc_defaults", "is-managed"},
            "default-migration-threshold", new String[] {"rsc_defaults", "migration-threshold"},
            "default-action-timeout", new String[] {"op_defaults", "timeout"});

    private static final Map<String, String> ROLES = Map.of(
            "started", "Started", "stopped", "Stopped", "master", "Promoted", "slave", "Unpromoted");

    private LegacyNames() {
    }

    /** {@code clone_max} → {@code clone-max}, {@code master_max} → {@code promoted-max}. */
    static String current(String name) {
        String dashed = name.replace('_', '-');
        return RENAMED.getOrDefault(dashed, dashed);
    }

    static boolean isMeta(String name) {
        return META.contains(current(name));
    }

    /** Heartbeat wrote roles in lower case; the current schema wants them capitalised. */
    static String role(String value) {
        return ROLES.getOrDefault(value, value);
    }
}
