package org.jheartbeat.policy.unpack;

import java.util.Arrays;
import org.jheartbeat.cib.model.CompactElement;
import org.jheartbeat.policy.model.Primitive;

/**
 * The resource each history belongs to, by its place among its node's histories: nodes list the
 * same resources in the same order, so a history whose id is, byte for byte, the one at the same
 * place on a node read before belongs to the same resource, without a string made for its id and
 * a look-up in the map of 10,000 resources (a hash and a probe into memory out of cache, a fifth
 * of reading the histories). Only resources found by id alone are remembered: an anonymous
 * clone's instance depends on the node.
 */
final class SamePlaceHistories {

    private String[] ids = new String[0];
    private Primitive[] resources = new Primitive[0];

    /** The id remembered at this place when the history has that very id (its attribute at idIndex), else null. */
    String id(CompactElement history, int idIndex, int at) {
        if (at >= ids.length || resources[at] == null) {
            return null;
        }
        return idIndex >= 0 && history.attributeEquals(idIndex, ids[at]) ? ids[at] : null;
    }

    /** The resource remembered with the id {@link #id} returned. */
    Primitive resource(int at) {
        return resources[at];
    }

    /** What the history at this place was found to be: a resource by its id alone, or null for none to remember. */
    void remember(int at, String id, Primitive resource) {
        if (at >= ids.length) {
            int length = Math.max(at + 1, ids.length * 2);
            ids = Arrays.copyOf(ids, length);
            resources = Arrays.copyOf(resources, length);
        }
        ids[at] = id;
        resources[at] = resource;
    }
}
