package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import org.jheartbeat.client.status.NodeView;
import picocli.CommandLine.Command;

@Command(name = "nodeweight", description = "Show a node's weight.")
final class NodeWeightCommand extends NodeQueryCommand {

    @Override
    String unknownNodeMessage() {
        return "Error. Maybe due to incorrect node name.";
    }

    @Override
    int show(NodeView node, PrintWriter out) {
        out.println(node.weight());
        return ExitCodes.OK;
    }

    @Override
    void reportMissingParameters() {
        err().println("Not enough parameters.");
        err().flush();
    }
}
