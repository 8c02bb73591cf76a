package org.jheartbeat.cli.crmsimulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jheartbeat.cli.ToolFailure;
import org.jheartbeat.policy.model.InstanceIds;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;

/**
 * The events asked for on the command line, made in the CIB's status section before the
 * scheduler runs, in Pacemaker's order: quorum, nodes up, down and failed, operation results.
 * Each is told in one line of "Performing Requested Modifications".
 */
final class Modifications {

    private final Boolean quorum;
    private final List<String> nodesUp;
    private final List<String> nodesDown;
    private final List<String> nodesFailed;
    private final List<OpSpec> injected;

    Modifications(Boolean quorum, List<String> nodesUp, List<String> nodesDown, List<String> nodesFailed,
                  List<OpSpec> injected) {
        this.quorum = quorum;
        this.nodesUp = nodesUp;
        this.nodesDown = nodesDown;
        this.nodesFailed = nodesFailed;
        this.injected = injected;
    }

    boolean any() {
        return quorum != null || !nodesUp.isEmpty() || !nodesDown.isEmpty() || !nodesFailed.isEmpty()
                || !injected.isEmpty();
    }

    /**
     * Checks every named node and resource against the cluster as read, so that nothing is
     * changed when one of them is wrong.
     */
    void check(Cluster cluster) throws ToolFailure {
        for (String name : nodesUp) {
            node(cluster, "--node-up", name);
        }
        for (String name : nodesDown) {
            node(cluster, "--node-down", name);
        }
        for (String name : nodesFailed) {
            node(cluster, "--node-fail", name);
        }
        for (OpSpec spec : injected) {
            node(cluster, "--op-inject " + spec.text() + ":", spec.node());
            primitive(cluster, "--op-inject " + spec.text() + ":", spec.resource());
        }
    }

    /** Makes the changes on the status section; returns the lines that tell them. */
    List<String> apply(Cluster cluster, StatusEditor status) throws ToolFailure {
        check(cluster);
        List<String> lines = new ArrayList<>();
        if (quorum != null) {
            status.setQuorum(quorum);
            lines.add("Setting quorum: " + (quorum ? "1" : "0"));
        }
        for (String name : nodesUp) {
            status.nodeUp(cluster.node(name));
            lines.add("Bringing node " + name + " online");
        }
        for (String name : nodesDown) {
            status.nodeDown(cluster.node(name));
            lines.add("Taking node " + name + " offline");
        }
        for (String name : nodesFailed) {
            status.nodeFail(cluster.node(name));
            lines.add("Failing node " + name);
        }
        for (OpSpec spec : injected) {
            lines.add("Injecting " + spec.text() + " into the configuration");
            boolean probe = "monitor".equals(spec.task()) && spec.intervalMs() == 0;
            lines.addAll(status.recordOp(cluster.node(spec.node()), spec.resource(),
                    primitive(cluster, "--op-inject", spec.resource()), spec.task(), spec.intervalMs(), spec.rc(),
                    probe ? StatusEditor.NOT_RUNNING : 0));
        }
        return lines;
    }

    static Node node(Cluster cluster, String option, String name) throws ToolFailure {
        Node node = cluster.node(name);
        if (node == null) {
            throw new ToolFailure(ExitCodes.NO_SUCH, option + " " + name + ": no such node; the configuration has "
                    + String.join(", ", cluster.nodes().keySet()));
        }
        return node;
    }

    /**
     * The configured primitive an operation result is for: by its id, a clone instance's id
     * ("rsc:1"), or an anonymous clone's child id ("rsc", under which its history is kept).
     */
    static Primitive primitive(Cluster cluster, String option, String id) throws ToolFailure {
        Primitive direct = cluster.primitivesById().get(id);
        if (direct != null) {
            return direct;
        }
        for (Map.Entry<String, Primitive> e : cluster.primitivesById().entrySet()) {
            Primitive p = e.getValue();
            if (p.top() instanceof Clone && InstanceIds.shownId(p).equals(id)) {
                return p;
            }
        }
        throw new ToolFailure(ExitCodes.NO_SUCH, option + " " + id + ": no such resource. Name a primitive, a clone"
                + " instance (rsc:0) or an anonymous clone's child");
    }
}
