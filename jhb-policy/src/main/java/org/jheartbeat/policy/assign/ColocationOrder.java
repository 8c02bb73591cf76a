package org.jheartbeat.policy.assign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Colocation;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Resource;

/**
 * The order in which Pacemaker keeps a resource's colocations, which decides which primary is
 * placed first and which dependent is walked first: by the other resource's priority (higher
 * first), then its kind (promotable clones, clones, groups, primitives), then its id; among
 * colocations with the same other resource the one created last comes first (Pacemaker inserts
 * each new one before its equals), and a group's own colocations between its members are
 * created after those of the configuration.
 */
final class ColocationOrder {

    private final Map<Colocation, Integer> created = new HashMap<>();

    ColocationOrder(Cluster cluster) {
        for (Colocation c : cluster.colocations()) {
            created.putIfAbsent(c, created.size());
        }
    }

    /** Colocations of a dependent in the order their primaries are placed. */
    List<Colocation> byPrimary(List<Colocation> colocations) {
        return sorted(colocations, Colocation::primary);
    }

    /** Colocations of a primary in the order their dependents are walked. */
    List<Colocation> byDependent(List<Colocation> colocations) {
        return sorted(colocations, Colocation::dependent);
    }

    private List<Colocation> sorted(List<Colocation> colocations, Function<Colocation, Resource> other) {
        List<Colocation> list = new ArrayList<>(colocations);
        if (list.size() < 2) {
            return list; // the usual case, without making the comparator
        }
        list.sort(Comparator.comparingInt((Colocation c) -> -other.apply(c).priority())
                .thenComparingInt(c -> -variantRank(other.apply(c)))
                .thenComparing(c -> other.apply(c).id())
                .thenComparingInt(c -> -created.getOrDefault(c, Integer.MAX_VALUE)));
        return list;
    }

    private static int variantRank(Resource r) {
        if (r instanceof Clone c) {
            return c.promotable() ? 3 : 2;
        }
        return r instanceof Group ? 1 : 0;
    }
}
