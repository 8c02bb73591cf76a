package org.jheartbeat.membership;

/**
 * Quorum: more than half of the configured nodes. With exactly two configured nodes the
 * partition that holds either node has quorum, but only after both were seen together once
 * since start (Corosync's {@code two_node} with its implied {@code wait_for_all}), so two nodes
 * booting apart do not both start resources.
 */
public final class QuorumPolicy {

    private final int configuredNodes;
    private boolean allSeenOnce;

    public QuorumPolicy(int configuredNodes) {
        this.configuredNodes = configuredNodes;
    }

    public boolean hasQuorum(int members) {
        if (members >= configuredNodes) {
            allSeenOnce = true;
        }
        if (configuredNodes == 2) {
            return allSeenOnce && members >= 1;
        }
        return members * 2 > configuredNodes;
    }
}
