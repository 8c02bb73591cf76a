package org.jheartbeat.cli.clusterstatus;

import org.jheartbeat.policy.model.Cluster;

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

    public void print(String title, TextList out) {
        out.begin(title);
        new NodeList(cluster).print(out);
        out.blank();
        new ResourceList(cluster).print(out);
        if (nodeAttributes) {
            new NodeAttributes(cluster).print(out);
        }
        out.end();
    }
}
