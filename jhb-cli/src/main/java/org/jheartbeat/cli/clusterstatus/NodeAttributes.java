package org.jheartbeat.cli.clusterstatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;

/**
 * "Node Attributes": for each online node, its attributes by name, leaving out those the
 * cluster keeps for itself (failcounts, last failures, shutdown, terminate, standby and the
 * "#" ones). Nodes without any to show are left out.
 */
final class NodeAttributes {

    private static final List<String> AUTOMATIC = List.of("fail-count-", "last-failure-", "shutdown", "terminate",
            "standby", "#");

    private final Cluster cluster;

    NodeAttributes(Cluster cluster) {
        this.cluster = cluster;
    }

    void print(TextList out) {
        List<Node> nodes = new ArrayList<>(cluster.nodes().values());
        nodes.sort((a, b) -> NodeNames.ORDER.compare(a.name(), b.name()));
        boolean opened = false;
        for (Node node : nodes) {
            Map<String, String> shown = shown(node);
            if (!node.online() || shown.isEmpty()) {
                continue;
            }
            if (!opened) {
                out.blank();
                out.begin("Node Attributes");
                opened = true;
            }
            out.begin("Node: " + node.name());
            shown.forEach((name, value) -> out.item(String.format("%-32s\t: %-10s", name, value)));
            out.end();
        }
        if (opened) {
            out.end();
        }
    }

    private static Map<String, String> shown(Node node) {
        Map<String, String> shown = new TreeMap<>();
        node.attributes().forEach((name, value) -> {
            if (AUTOMATIC.stream().noneMatch(name::startsWith)) {
                shown.put(name, value);
            }
        });
        return shown;
    }
}
