package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import org.jheartbeat.client.status.HeartbeatView;
import org.jheartbeat.client.status.NodeView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "hblinkstatus", description = "Show the status of one link of a node: up or dead (exit 1 when dead).")
final class HbLinkStatusCommand extends ClStatusCommand {

    @Parameters(index = "0", paramLabel = "NODE")
    String nodeName;

    @Parameters(index = "1", paramLabel = "LINK")
    String linkName;

    @Override
    int answer(HeartbeatView view, PrintWriter out) {
        NodeView node = node(view, nodeName).orElse(null);
        if (node == null) {
            return failed("no node " + nodeName + " in this cluster; nodes are: " + knownNodes(view));
        }
        String status = node.links().get(linkName);
        if (status == null) {
            return failed("node " + nodeName + " has no link " + linkName + "; its links are: "
                    + String.join(", ", node.links().keySet()));
        }
        out.println(status);
        out.flush();
        return "dead".equals(status) ? ExitCodes.NO : ExitCodes.OK;
    }

    private int failed(String reason) {
        main.log().error("Cannot get heartbeat link status");
        main.log().error("REASON: " + reason);
        return ExitCodes.QUERY_FAILED;
    }
}
