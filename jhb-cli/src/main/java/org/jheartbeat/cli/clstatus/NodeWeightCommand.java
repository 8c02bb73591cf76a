package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import org.jheartbeat.client.status.HeartbeatView;
import org.jheartbeat.client.status.NodeView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "nodeweight", description = "Show a node's weight.")
final class NodeWeightCommand extends ClStatusCommand {

    @Parameters(index = "0", paramLabel = "NODE")
    String nodeName;

    @Override
    int answer(HeartbeatView view, PrintWriter out) {
        NodeView node = node(view, nodeName).orElse(null);
        if (node == null) {
            return UnknownNode.report(err(), "Error. Maybe due to incorrect node name.", nodeName, view);
        }
        out.println(node.weight());
        out.flush();
        return ExitCodes.OK;
    }

    @Override
    void reportMissingParameters() {
        err().println("Not enough parameters.");
        err().flush();
    }
}
