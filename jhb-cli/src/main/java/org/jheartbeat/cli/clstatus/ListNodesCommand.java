package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import java.util.List;
import org.jheartbeat.client.status.HeartbeatView;
import org.jheartbeat.client.status.NodeView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "listnodes", description = "List the nodes of the cluster, ping nodes included.")
final class ListNodesCommand extends ClStatusCommand {

    @Option(names = "-p", description = "Only ping nodes.")
    boolean ping;

    @Option(names = "-n", description = "Only normal (member) nodes.")
    boolean normal;

    @Option(names = "-v", description = "Also show each node's status and type, and its links.")
    boolean verbose;

    @Override
    int answer(HeartbeatView view, PrintWriter out) {
        List<NodeView> nodes = view.nodes().stream().filter(this::wanted).toList();
        if (verbose) {
            NodeListing.verbose(nodes, out);
        } else {
            NodeListing.heartbeatOrder(nodes).forEach(node -> out.println(node.name()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private boolean wanted(NodeView node) {
        if (ping == normal) {
            return true;
        }
        return node.type().equals(ping ? "ping" : "normal");
    }
}
