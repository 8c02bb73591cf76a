package org.jheartbeat.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jheartbeat.client.Locations;
import org.jheartbeat.client.ipc.IpcClient;
import org.jheartbeat.client.ipc.IpcException;
import org.jheartbeat.client.ipc.IpcMessages;

/**
 * Asks the local daemon's controller to clean a resource up (crm_resource --cleanup,
 * crm_failcount -D): its history and failures forgotten on one node or all, then probed again.
 */
public final class ControllerCleanup {

    private ControllerCleanup() {
    }

    /** @param node the node, or null for every member */
    public static void request(Locations locations, String resource, String node) throws IpcException {
        ObjectNode body = IpcMessages.MAPPER.createObjectNode().put("action", "cleanup").put("rsc", resource);
        if (node != null) {
            body.put("node", node);
        }
        new IpcClient(locations.socket()).call(IpcMessages.CONTROLLER, body);
    }
}
