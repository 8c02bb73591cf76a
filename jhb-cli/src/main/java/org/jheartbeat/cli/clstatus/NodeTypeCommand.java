package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import org.jheartbeat.client.status.NodeView;
import picocli.CommandLine.Command;

@Command(name = "nodetype", description = "Show a node's type: normal or ping.")
final class NodeTypeCommand extends NodeQueryCommand {

    @Override
    String unknownNodeMessage() {
        return "Error. May be due to incorrect node name";
    }

    @Override
    int show(NodeView node, PrintWriter out) {
        out.println(node.type());
        return ExitCodes.OK;
    }
}
