package org.jheartbeat.cli.clusterstatus;

import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;

/**
 * A cluster's status as Pacemaker's tools print it: the "Node List", an empty line, and the
 * "Full List of Resources", nested under a title such as "Current cluster status"; on request
 * the "Node Attributes" after them.
 */
public final class ClusterStatus {

    private final Cluster cluster;
    private final boolean nodeAttributes;

    public ClusterStatus(Cluster cluster, boolean nodeAttributes) {
        this.cluster = cluster;
        this.nodeAttributes = nodeAttributes;
    }

    /** A node's state in Pacemaker's words: online, OFFLINE, standby, maintenance, UNCLEAN (...). */
    public String nodeState(Node node) {
        return new NodeList(cluster).state(node);
    }

    /**
     * The resources alone: all of them under "Full List of Resources", or only those active
     * somewhere under "Active Resources", as crm_mon shows them without and with -r.
     */
    public void printResources(TextList out, boolean inactiveToo) {
        new ResourceList(cluster, inactiveToo).print(out);
    }

    public void print(String title, TextList out) {
        out.begin(title);
        new NodeList(cluster).print(out);
        out.blank();
        new ResourceList(cluster, true).print(out);
        if (nodeAttributes) {
            new NodeAttributes(cluster).print(out);
        }
        out.end();
    }
}
