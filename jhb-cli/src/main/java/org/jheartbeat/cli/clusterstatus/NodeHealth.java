package org.jheartbeat.cli.clusterstatus;

import java.util.Map;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.ClusterOptions;
import org.jheartbeat.policy.model.Node;

/**
 * A node's health as its "#health*" attributes tell it, under the cluster's
 * node-health-strategy (none: health is not looked at): red, yellow, or fine. A value is the
 * word red, yellow or green, or a score compared with the strategy's red and yellow scores.
 */
enum NodeHealth {
    RED, YELLOW, FINE;

    static NodeHealth of(Node node, ClusterOptions options) {
        String strategy = options.get("node-health-strategy", "none");
        if ("none".equals(strategy)) {
            return FINE;
        }
        int red = -Score.INFINITY;
        int yellow = "only-green".equals(strategy) ? -Score.INFINITY : 0;
        int green = 0;
        if ("progressive".equals(strategy) || "custom".equals(strategy)) {
            red = Score.parse(options.get("node-health-red", "-INFINITY"));
            yellow = Score.parse(options.get("node-health-yellow", "0"));
            green = Score.parse(options.get("node-health-green", "0"));
        }
        NodeHealth health = FINE;
        for (Map.Entry<String, String> attribute : node.attributes().entrySet()) {
            if (!attribute.getKey().startsWith("#health")) {
                continue;
            }
            String value = attribute.getValue().trim();
            if ("red".equalsIgnoreCase(value)) {
                return RED;
            }
            if ("yellow".equalsIgnoreCase(value)) {
                health = YELLOW;
            } else if (!"green".equalsIgnoreCase(value)) {
                int score = Score.parse(value);
                if (score <= red) {
                    return RED;
                }
                if (score <= yellow && yellow != green) {
                    health = YELLOW;
                }
            }
        }
        return health;
    }
}
