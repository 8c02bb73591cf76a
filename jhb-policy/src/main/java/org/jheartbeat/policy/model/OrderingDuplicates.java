package org.jheartbeat.policy.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pacemaker keeps one ordering per pair of actions: an ordering of two actions that an earlier
 * one already orders is dropped, whatever its kind (every kind carries the "optional" flag
 * Pacemaker compares them by). Configured orderings are made in the order of the
 * configuration, each followed by its inverse (stop before stop, demote before demote) when it
 * is symmetrical, so of two orders of the same steps only the first counts: a mandatory order
 * after an optional or serialize one of the same steps implies nothing, and a serialize order
 * after a mandatory one keeps no input that cannot run.
 */
public final class OrderingDuplicates {

    private record Steps(Resource first, String firstAction, Resource then, String thenAction) { }

    private final Set<Ordering> forwardDropped = new HashSet<>();
    private final Set<Ordering> inverseDropped = new HashSet<>();

    public OrderingDuplicates(List<Ordering> orderings) {
        Set<Steps> made = new HashSet<>();
        for (Ordering o : orderings) {
            // a set needing only some of its firsts is ordered member by member, not as one pair
            if (o.first() == null || o.then() == null || !o.alternatives().isEmpty()) {
                continue;
            }
            if (!made.add(new Steps(o.first(), o.firstAction(), o.then(), o.thenAction()))) {
                forwardDropped.add(o);
            }
            String undoFirst = inverse(o.firstAction());
            String undoThen = inverse(o.thenAction());
            if (inverts(o) && undoFirst != null && undoThen != null
                    && !made.add(new Steps(o.then(), undoThen, o.first(), undoFirst))) {
                inverseDropped.add(o);
            }
        }
    }

    /** Whether the ordering's own steps (first, then) are ordered by an earlier one instead. */
    public boolean forwardDropped(Ordering o) {
        return forwardDropped.contains(o);
    }

    /** Whether the inverse of a symmetrical ordering is ordered by an earlier one instead. */
    public boolean inverseDropped(Ordering o) {
        return inverseDropped.contains(o);
    }

    /** Whether the ordering also orders the inverse steps (Pacemaker never inverts a serialize order). */
    public static boolean inverts(Ordering o) {
        return o.symmetrical() && o.kind() != Ordering.Kind.SERIALIZE;
    }

    /** The step that undoes an action: stop for start, demote for promote, and back; null for others. */
    public static String inverse(String action) {
        return switch (action) {
            case "start" -> "stop";
            case "stop" -> "start";
            case "promote" -> "demote";
            case "demote" -> "promote";
            default -> null;
        };
    }
}
