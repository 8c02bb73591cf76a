package org.jheartbeat.client.status;

import java.util.List;
import java.util.Map;

/**
 * What the local heartbeat daemon reports about itself and the cluster: the answer to the
 * {@code status} request of the local IPC socket, from which {@code cl_status} prints every
 * sub-command.
 *
 * @param version     our version string
 * @param localNode   this node's name
 * @param managedBy   who manages resources ({@code "haresources"} in v1 mode, {@code "crm"} otherwise)
 * @param commUp      false while communications are still coming up (Heartbeat's "up" phase)
 * @param nodes       every configured member and ping node, in configuration order (cl_status
 *                    prints them last first, as Heartbeat does)
 * @param parameters  ha.cf parameters as written, and computed ones as {@code <n>ms}
 * @param rscStatus   {@code local}, {@code foreign}, {@code all} or {@code none}
 * @param clients     API clients connected on each node: node name to client names
 * @param membership  current membership view: view number, members, quorum
 * @param attributes  this node's transient attributes, e.g. {@code pingd} (reachable ping nodes)
 */
public record HeartbeatView(String version, String localNode, String managedBy, boolean commUp,
                            List<NodeView> nodes, Map<String, String> parameters, String rscStatus,
                            Map<String, List<String>> clients, MembershipView membership,
                            Map<String, String> attributes) {
}
