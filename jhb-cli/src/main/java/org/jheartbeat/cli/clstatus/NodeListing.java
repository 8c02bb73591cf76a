package org.jheartbeat.cli.clstatus;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jheartbeat.client.status.NodeView;

/** Node lists as cl_status prints them: the last configured node first, like Heartbeat. */
final class NodeListing {

    private NodeListing() {
    }

    static List<NodeView> heartbeatOrder(List<NodeView> configured) {
        List<NodeView> nodes = new ArrayList<>(configured);
        Collections.reverse(nodes);
        return nodes;
    }

    /** A blank line, then {@code name<TAB>status<TAB>(nodetype: type)} and one line per link. */
    static void verbose(List<NodeView> configured, PrintWriter out) {
        for (NodeView node : heartbeatOrder(configured)) {
            out.println();
            out.println(node.name() + "\t" + node.status() + "\t(nodetype: " + node.type() + ")");
            links(node, true, out);
        }
    }

    static void links(NodeView node, boolean withStatus, PrintWriter out) {
        node.links().forEach((link, status) -> out.println("\t" + link + (withStatus ? "\t" + status : "")));
    }
}
