package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import org.jheartbeat.client.status.HeartbeatView;
import org.jheartbeat.client.status.NodeView;
import picocli.CommandLine.Parameters;

/** A sub-command that shows one property of one node and exits 11 when the node is unknown. */
abstract class NodeQueryCommand extends ClStatusCommand {

    @Parameters(index = "0", paramLabel = "NODE")
    String nodeName;

    /** Heartbeat's words for an unknown node, which differ between sub-commands. */
    abstract String unknownNodeMessage();

    /** Prints what the sub-command shows of the node; returns the exit status. */
    abstract int show(NodeView node, PrintWriter out);

    @Override
    final int answer(HeartbeatView view, PrintWriter out) {
        NodeView node = node(view, nodeName).orElse(null);
        if (node == null) {
            return UnknownNode.report(err(), unknownNodeMessage(), nodeName, view);
        }
        int status = show(node, out);
        out.flush();
        return status;
    }
}
