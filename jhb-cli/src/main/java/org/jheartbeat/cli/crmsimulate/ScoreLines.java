package org.jheartbeat.cli.crmsimulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jheartbeat.cli.clusterstatus.NodeNames;
import org.jheartbeat.cli.clusterstatus.TextList;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * {@code --show-scores}: the node scores each resource was placed with, in Pacemaker's words
 * ("pcmk__primitive_assign: rsc1 allocation score on node1: 0"), named after the step of
 * Pacemaker's scheduler that prints them: a clone's and its instances' tables first, a group's
 * own table, then each primitive's. The numbers are the scheduler's final tables per resource,
 * nodes by name.
 */
final class ScoreLines {

    private final Cluster cluster;

    ScoreLines(Cluster cluster) {
        this.cluster = cluster;
    }

    void print(TextList out) {
        List<Resource> order = new ArrayList<>(cluster.resources().values());
        order.sort(Comparator.comparingInt(Resource::priority).reversed());
        for (Resource r : order) {
            resource(r, out);
        }
    }

    private void resource(Resource r, TextList out) {
        if (r instanceof Clone c) {
            table("pcmk__clone_allocate", c, out);
            c.children().forEach(instance -> table("pcmk__clone_allocate", instance, out));
            c.children().forEach(instance -> resource(instance, out));
        } else if (r instanceof Group g) {
            table("pcmk__group_assign", g, out);
            g.children().forEach(member -> table("pcmk__primitive_assign", member, out));
        } else {
            table("pcmk__primitive_assign", (Primitive) r, out);
        }
    }

    private static void table(String step, Resource r, TextList out) {
        List<Map.Entry<Node, Integer>> scores = new ArrayList<>(r.allowedNodes().entrySet());
        scores.sort((a, b) -> NodeNames.ORDER.compare(a.getKey().name(), b.getKey().name()));
        for (Map.Entry<Node, Integer> score : scores) {
            out.line(step + ": " + r.id() + " allocation score on " + score.getKey().name() + ": "
                    + Score.format(score.getValue()));
        }
    }
}
