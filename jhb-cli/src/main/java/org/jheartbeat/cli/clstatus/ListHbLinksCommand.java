package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import org.jheartbeat.client.status.HeartbeatView;
import org.jheartbeat.client.status.NodeView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "listhblinks", description = "List the heartbeat links (interfaces) of a node.")
final class ListHbLinksCommand extends ClStatusCommand {

    @Option(names = "-v", description = "Also show each link's status.")
    boolean verbose;

    @Parameters(index = "0", paramLabel = "NODE")
    String nodeName;

    @Override
    int answer(HeartbeatView view, PrintWriter out) {
        NodeView node = node(view, nodeName).orElse(null);
        if (node == null) {
            main.log().error("Cannot start heartbeat link interface walk.");
            main.log().error("REASON: no node " + nodeName + " in this cluster; nodes are: " + knownNodes(view));
            return ExitCodes.QUERY_FAILED;
        }
        NodeListing.links(node, verbose, out);
        out.flush();
        return ExitCodes.OK;
    }
}
