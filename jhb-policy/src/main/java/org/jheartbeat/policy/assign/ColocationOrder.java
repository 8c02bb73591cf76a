package org.jheartbeat.policy.assign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * created after those of the configuration. A group's colocations reach its first member, and a
 * clone's its instances, by being inserted one by one into the child's list in the parent's
 * order: each again goes before its equals, so among the same other resource the parent's come
 * before the child's own and oldest first.
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

    /**
     * A child's colocations with primaries, its own and those it takes from its parent, in the
     * order the primaries are placed.
     */
    List<Colocation> byPrimary(List<Colocation> own, List<Colocation> inherited) {
        Set<Colocation> fromParent = new HashSet<>(inherited);
        fromParent.removeAll(own);
        List<Colocation> list = new ArrayList<>(own);
        list.addAll(fromParent);
        list.sort(byOther(Colocation::primary)
                .thenComparing(fromParent::contains, Comparator.reverseOrder())
                .thenComparingInt(c -> fromParent.contains(c) ? creationIndex(c) : -creationIndex(c)));
        return list;
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
        list.sort(byOther(other).thenComparingInt(c -> -creationIndex(c)));
        return list;
    }

    /** When a colocation was created; the group's own between members after all of the configuration. */
    private int creationIndex(Colocation c) {
        return created.getOrDefault(c, Integer.MAX_VALUE);
    }

    private static Comparator<Colocation> byOther(Function<Colocation, Resource> other) {
        return Comparator.comparingInt((Colocation c) -> -other.apply(c).priority())
                .thenComparingInt(c -> -variantRank(other.apply(c)))
                .thenComparing(c -> other.apply(c).id());
    }

    private static int variantRank(Resource r) {
        if (r instanceof Clone c) {
            return c.promotable() ? 3 : 2;
        }
        return r instanceof Group ? 1 : 0;
    }
}
