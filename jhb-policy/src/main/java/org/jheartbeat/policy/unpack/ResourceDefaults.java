package org.jheartbeat.policy.unpack;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * rsc_defaults and op_defaults, whose sets may carry rules on the resource's agent
 * (rsc_expression) or the operation (op_expression), so they are read for each resource and
 * each operation rather than once.
 */
final class ResourceDefaults {

    private final NvSets sets;
    private final LocalDateTime now;
    private final Element rscDefaults;
    private final Element opDefaults;
    private final Map<String, String> legacy;

    /**
     * @param legacy values from the cluster options of older CIBs (default-resource-stickiness,
     *               is-managed-default), which any rsc_defaults value overrides
     */
    ResourceDefaults(NvSets sets, LocalDateTime now, Element rscDefaults, Element opDefaults,
                     Map<String, String> legacy) {
        this.sets = sets;
        this.now = now;
        this.rscDefaults = rscDefaults;
        this.opDefaults = opDefaults;
        this.legacy = legacy;
    }

    /** The meta attributes a resource of this agent gets by default; standard is null for groups and clones. */
    Map<String, String> forResource(String standard, String provider, String type) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rscDefaults != null) {
            sets.addTo(out, rscDefaults, "meta_attributes",
                    RuleContext.ofResource(now, standard, provider, type));
        }
        legacy.forEach(out::putIfAbsent);
        return out;
    }

    Map<String, String> forOperation(String standard, String provider, String type, String name, long intervalMs) {
        if (opDefaults == null) {
            return Map.of();
        }
        return sets.read(opDefaults, "meta_attributes",
                RuleContext.ofOperation(now, standard, provider, type, name, intervalMs));
    }
}
