package org.jheartbeat.policy.assign;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.ClusterOptions;
import org.jheartbeat.policy.model.Node;

/**
 * node-health-strategy: the #health-* node attributes (red, yellow, green or a number) turned
 * into a score every resource gets on that node, unless it allows unhealthy nodes.
 */
final class NodeHealth {

    private NodeHealth() {
    }

    /** Score per node, or empty when the strategy is none. */
    static Map<Node, Integer> scores(ClusterOptions options, Iterable<Node> nodes) {
        String strategy = options.get("node-health-strategy", "none");
        Map<Node, Integer> out = new LinkedHashMap<>();
        if ("none".equals(strategy)) {
            return out;
        }
        int red = colour(strategy, options, "red");
        int yellow = colour(strategy, options, "yellow");
        int green = colour(strategy, options, "green");
        for (Node n : nodes) {
            int score = "progressive".equals(strategy) ? Score.parse(options.get("node-health-base", "0")) : 0;
            for (Map.Entry<String, String> a : n.attributes().entrySet()) {
                if (!a.getKey().startsWith("#health")) {
                    continue;
                }
                String v = a.getValue().trim().toLowerCase();
                int s = switch (v) {
                    case "red" -> red;
                    case "yellow" -> yellow;
                    case "green" -> green;
                    default -> Score.parse(v);
                };
                score = Score.add(score, s);
            }
            out.put(n, score);
        }
        return out;
    }

    private static int colour(String strategy, ClusterOptions options, String colour) {
        switch (strategy) {
            case "migrate-on-red":
                return "red".equals(colour) ? -Score.INFINITY : 0;
            case "only-green":
                return "green".equals(colour) ? 0 : -Score.INFINITY;
            default:
                return Score.parse(options.get("node-health-" + colour, "red".equals(colour) ? "-INFINITY" : "0"));
        }
    }
}
