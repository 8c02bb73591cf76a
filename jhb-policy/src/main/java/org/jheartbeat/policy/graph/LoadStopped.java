package org.jheartbeat.policy.graph;

import java.util.HashMap;
import java.util.Map;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;

/**
 * With a placement strategy other than "default" a node's capacity counts: a resource starts
 * on a node (or migrates there) only once what leaves the node has stopped, which a pseudo
 * action per node, "load_stopped_NODE", stands for. Every online node has one, ordered after
 * the stops and before the starts on it of the resources that use capacity.
 */
final class LoadStopped {

    private final Cluster cluster;
    private final ActionIndex index;
    private final Map<Node, Action> perNode = new HashMap<>();

    LoadStopped(Cluster cluster, ActionIndex index) {
        this.cluster = cluster;
        this.index = index;
    }

    void add() {
        if ("default".equals(cluster.options().get("placement-strategy", "default"))) {
            return;
        }
        for (Node node : cluster.nodes().values()) {
            if (node.online() && !node.unclean()) {
                stoppedOn(node);
            }
        }
        for (Primitive p : cluster.primitives()) {
            if (p.utilization().isEmpty()) {
                continue;
            }
            for (Action stop : index.of(p, "stop")) {
                stoppedOn(stop.node()).runAfter(stop);
            }
            for (Action start : index.of(p, "start")) {
                start.runAfter(stoppedOn(start.node()));
            }
            for (Action arrive : index.of(p, "migrate_to")) {
                for (Action start : index.of(p, "start")) {
                    arrive.runAfter(stoppedOn(start.node()));
                }
            }
        }
    }

    private Action stoppedOn(Node node) {
        return perNode.computeIfAbsent(node, n -> index.add(null, "load_stopped_" + n.name(), n, 0, true));
    }
}
