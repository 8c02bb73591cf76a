package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import org.jheartbeat.client.status.HeartbeatView;

/** The plain-stderr report of the node sub-commands when the node is not in the cluster. */
final class UnknownNode {

    private UnknownNode() {
    }

    /** Heartbeat's line, then ours naming the known nodes; exit status 11. */
    static int report(PrintWriter err, String heartbeatText, String nodeName, HeartbeatView view) {
        err.println(heartbeatText);
        err.println("cl_status: no node " + nodeName + " in this cluster; nodes are: " + ClStatusCommand.knownNodes(view));
        err.flush();
        return ExitCodes.USAGE;
    }
}
