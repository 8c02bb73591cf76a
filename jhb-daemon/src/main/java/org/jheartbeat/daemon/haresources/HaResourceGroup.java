package org.jheartbeat.daemon.haresources;

import java.util.List;

/**
 * One logical line of haresources: the preferred node and the resources that move together,
 * started left to right and stopped right to left.
 *
 * @param line      the line the group starts on, for messages
 * @param node      the preferred node, in lower case as Heartbeat compares it
 * @param resources the resources in order, at least one
 */
public record HaResourceGroup(int line, String node, List<HaResource> resources) {

    public HaResourceGroup {
        resources = List.copyOf(resources);
    }
}
