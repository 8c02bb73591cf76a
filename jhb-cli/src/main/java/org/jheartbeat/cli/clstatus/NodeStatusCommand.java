package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import org.jheartbeat.client.status.NodeView;
import picocli.CommandLine.Command;

@Command(name = "nodestatus", description = "Show a node's status: active, up, init, ping or dead (exit 1 when dead).")
final class NodeStatusCommand extends NodeQueryCommand {

    @Override
    String unknownNodeMessage() {
        return "Error. May be due to incorrect node name";
    }

    @Override
    int show(NodeView node, PrintWriter out) {
        out.println(node.status());
        return "dead".equals(node.status()) ? ExitCodes.NO : ExitCodes.OK;
    }

    @Override
    void reportMissingParameters() {
        err().println("Not enough parameters.");
        err().flush();
    }
}
