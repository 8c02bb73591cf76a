package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import java.util.List;
import org.jheartbeat.client.status.HeartbeatView;
import org.jheartbeat.client.status.NodeView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "clientstatus", description = "Show whether an API client runs on a node: online or offline (exit 1 when offline).")
final class ClientStatusCommand extends ClStatusCommand {

    @Parameters(index = "0", paramLabel = "NODE")
    String nodeName;

    @Parameters(index = "1", paramLabel = "CLIENT")
    String clientName;

    // Heartbeat waits this long for the remote node; our daemon already knows every node's clients.
    @Parameters(index = "2", paramLabel = "TIMEOUT", arity = "0..1", description = "Milliseconds (accepted for compatibility).")
    String timeout;

    @Override
    int answer(HeartbeatView view, PrintWriter out) {
        NodeView node = node(view, nodeName).orElse(null);
        if (node == null) {
            return failed("no node " + nodeName + " in this cluster; nodes are: " + knownNodes(view));
        }
        if (timeout != null && !timeout.matches("\\d+")) {
            return failed("TIMEOUT '" + timeout + "' is not a number of milliseconds");
        }
        if ("dead".equals(node.status())) {
            return failed("node " + nodeName + " is dead, so it cannot answer");
        }
        boolean online = view.clients().getOrDefault(nodeName, List.of()).contains(clientName);
        out.println(online ? "online" : "offline");
        out.flush();
        return online ? ExitCodes.OK : ExitCodes.NO;
    }

    private int failed(String reason) {
        main.log().error("Cannot get heartbeat client " + clientName + "'s status");
        main.log().error("REASON: No timely response. (" + reason + ")");
        return ExitCodes.QUERY_FAILED;
    }
}
