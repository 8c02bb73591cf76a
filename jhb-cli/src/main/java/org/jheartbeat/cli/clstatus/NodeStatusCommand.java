package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import org.jheartbeat.client.status.HeartbeatView;
import org.jheartbeat.client.status.NodeView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "nodestatus", description = "Show a node's status: active, up, init, ping or dead (exit 1 when dead).")
final class NodeStatusCommand extends ClStatusCommand {

    @Parameters(index = "0", paramLabel = "NODE")
    String nodeName;

    @Override
    int answer(HeartbeatView view, PrintWriter out) {
        NodeView node = node(view, nodeName).orElse(null);
        if (node == null) {
            return UnknownNode.report(err(), "Error. May be due to incorrect node name", nodeName, view);
        }
        out.println(node.status());
        out.flush();
        return "dead".equals(node.status()) ? ExitCodes.NO : ExitCodes.OK;
    }

    @Override
    void reportMissingParameters() {
        err().println("Not enough parameters.");
        err().flush();
    }
}
