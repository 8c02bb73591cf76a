package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import org.jheartbeat.client.status.HeartbeatView;
import org.jheartbeat.client.status.NodeView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "nodetype", description = "Show a node's type: normal or ping.")
final class NodeTypeCommand extends ClStatusCommand {

    @Parameters(index = "0", paramLabel = "NODE")
    String nodeName;

    @Override
    int answer(HeartbeatView view, PrintWriter out) {
        NodeView node = node(view, nodeName).orElse(null);
        if (node == null) {
            return UnknownNode.report(err(), "Error. May be due to incorrect node name", nodeName, view);
        }
        out.println(node.type());
        out.flush();
        return ExitCodes.OK;
    }
}
