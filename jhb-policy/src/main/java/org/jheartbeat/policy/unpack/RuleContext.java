package org.jheartbeat.policy.unpack;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a rule can test: a node's attributes (with #uname, #id, #kind, #is_dc), the time, and
 * for rsc_defaults and op_defaults rules the resource's agent and the operation.
 */
record RuleContext(Map<String, String> nodeAttributes, LocalDateTime now, Agent agent,
                   String opName, Long opIntervalMs, Supplier<Map<String, String>> params, Map<String, String> meta) {

    /** A resource's agent; standard is null for groups and clones. */
    record Agent(String standard, String provider, String type) {
    }

    static RuleContext ofNode(Map<String, String> attributes, LocalDateTime now) {
        return new RuleContext(attributes, now, null, null, null, Map::of, Map.of());
    }

    /**
     * A location rule of one resource: value-source="param" and "meta" compare a node attribute
     * with that resource's instance or meta attribute (the parameters are read only when an
     * expression asks for them).
     */
    static RuleContext ofLocation(Map<String, String> attributes, LocalDateTime now,
                                  Supplier<Map<String, String>> params, Map<String, String> meta) {
        return new RuleContext(attributes, now, null, null, null, params, meta);
    }

    static RuleContext ofTime(LocalDateTime now) {
        return ofNode(Map.of(), now);
    }

    static RuleContext ofResource(LocalDateTime now, String standard, String provider, String type) {
        return new RuleContext(Map.of(), now, new Agent(standard, provider, type), null, null, Map::of, Map.of());
    }

    static RuleContext ofOperation(LocalDateTime now, String standard, String provider, String type,
                                   String name, long intervalMs) {
        return new RuleContext(Map.of(), now, new Agent(standard, provider, type), name, intervalMs, Map::of, Map.of());
    }

    /** The value an expression compares with: its literal value, or the attribute of the resource it names. */
    String expectedValue(String valueSource, String value) {
        if (value == null) {
            return null;
        }
        return switch (valueSource) {
            case "param" -> params.get().get(value);
            case "meta" -> meta.get(value);
            default -> value;
        };
    }
}
