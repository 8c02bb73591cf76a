package org.jheartbeat.policy.unpack;

import java.time.LocalDateTime;
import java.util.Map;
import org.jheartbeat.policy.model.Primitive;

/**
 * What a rule can test: a node's attributes (with #uname, #id, #kind, #is_dc), the time, and
 * for meta-attribute rules the resource and operation.
 */
record RuleContext(Map<String, String> nodeAttributes, LocalDateTime now, Primitive resource,
                   String opName, Long opIntervalMs) {

    static RuleContext ofNode(Map<String, String> attributes, LocalDateTime now) {
        return new RuleContext(attributes, now, null, null, null);
    }

    static RuleContext ofTime(LocalDateTime now) {
        return new RuleContext(Map.of(), now, null, null, null);
    }
}
